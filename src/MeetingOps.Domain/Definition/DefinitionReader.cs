using System.Text;
using System.Text.Json;

namespace MeetingOps.Domain.Definition;

/// <summary>
/// Reads a meeting definition from JSON and checks it. Any input gives either a <see cref="Meeting"/>
/// or a list of problems that say what is wrong and where; nothing here throws on bad input.
/// </summary>
public static class DefinitionReader
{
    /// <summary>Largest definition accepted. The two sample agendas are under 40 KB; a week of a large conference is well under this.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static DefinitionResult Read(string json) => Read(Encoding.UTF8.GetBytes(json ?? ""));

    public static DefinitionResult Read(ReadOnlySpan<byte> utf8Json)
    {
        var (definition, problem) = Parse(utf8Json);
        return definition is null ? DefinitionResult.Invalid(problem!) : DefinitionValidator.Validate(definition);
    }

    /// <summary>Parses without checking the meaning; for callers that want to hold the definition as written.</summary>
    public static (MeetingDefinition? Definition, DefinitionProblem? Problem) Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length == 0)
        {
            return (null, new DefinitionProblem("$", "The body is empty; expected a meeting definition as a JSON object."));
        }
        if (utf8Json.Length > MaxBytes)
        {
            return (null, new DefinitionProblem("$", $"The definition is {utf8Json.Length:N0} bytes; at most {MaxBytes:N0} are accepted."));
        }
        try
        {
            var definition = JsonSerializer.Deserialize<MeetingDefinition>(utf8Json, MeetingOpsJson.Options);
            return definition is null
                ? (null, new DefinitionProblem("$", "Expected a meeting definition as a JSON object, found null."))
                : (definition, null);
        }
        catch (JsonException e)
        {
            return (null, new DefinitionProblem(e.Path ?? "$", Describe(e)));
        }
        catch (ArgumentException e)
        {
            // Invalid UTF-8 and similar encoding faults surface as ArgumentException from the reader.
            return (null, new DefinitionProblem("$", $"The body is not valid UTF-8 JSON: {e.Message}"));
        }
    }

    private static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        // System.Text.Json's messages name CLR types; keep only the part that talks about the JSON.
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }
        message = message.Replace("MeetingOps.Domain.Definition.", "", StringComparison.Ordinal)
                         .Replace("MeetingOps.Domain.", "", StringComparison.Ordinal);
        return message.TrimEnd('.') + where + ".";
    }
}
