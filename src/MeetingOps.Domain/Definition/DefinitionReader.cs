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
            return (null, new DefinitionProblem("$", "The body is empty; expected a meeting definition as a JSON object.", ServerPhrases.DefEmptyBody.With()));
        }
        if (utf8Json.Length > MaxBytes)
        {
            return (null, new DefinitionProblem("$", $"The definition is {utf8Json.Length:N0} bytes; at most {MaxBytes:N0} are accepted.",
                ServerPhrases.DefTooLarge.With(("length", utf8Json.Length), ("max", MaxBytes))));
        }
        if (Utf8Text.FirstInvalid(utf8Json) is { } notUtf8)
        {
            return (null, new DefinitionProblem("$", notUtf8.Message, ServerPhrases.DefNotUtf8.With()));
        }
        try
        {
            var definition = JsonSerializer.Deserialize<MeetingDefinition>(utf8Json, MeetingOpsJson.Options);
            return definition is null
                ? (null, new DefinitionProblem("$", "Expected a meeting definition as a JSON object, found null.", ServerPhrases.DefNotObject.With()))
                : (definition, null);
        }
        catch (JsonException e)
        {
            return (null, Describe(e));
        }
        catch (ArgumentException e)
        {
            // Invalid UTF-8 and similar encoding faults surface as ArgumentException from the reader.
            return (null, new DefinitionProblem("$", $"The body is not valid UTF-8 JSON: {e.Message}", ServerPhrases.DefNotUtf8.With()));
        }
    }

    /// <summary>A JSON error as a problem with its path, in words about the JSON rather than about C# types.</summary>
    public static DefinitionProblem Describe(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }
        var wrongType = message.Contains("could not be converted to", StringComparison.Ordinal);
        if (wrongType)
        {
            // System.Text.Json names the CLR type it wanted; say what a person can act on instead.
            message = "This value has the wrong type, or is not one of the names allowed here";
        }
        // The page says the line and byte in the viewer's language; the reader's own English (a syntax error) stays in Message.
        var text = e.LineNumber is { } at
            ? (wrongType ? ServerPhrases.DefWrongType : ServerPhrases.DefJsonError).With(("line", at + 1), ("column", (e.BytePositionInLine ?? 0) + 1))
            : ServerPhrases.DefJsonShape.With();
        return new DefinitionProblem(e.Path ?? "$", message.TrimEnd('.') + where + ".", text);
    }
}
