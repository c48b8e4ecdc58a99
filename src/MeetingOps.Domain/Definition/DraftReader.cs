using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeetingOps.Domain.Definition;

/// <summary>
/// Reads a draft definition: the same JSON as a meeting definition, but the gaps a secretariat fills in later may be
/// left out (the meeting's dates, its bodies, items and sittings). Only the shape is checked here; what is missing or
/// wrong is listed by <see cref="DefinitionValidator"/> when the draft is published.
/// </summary>
public static class DraftReader
{
    // The fields a draft may leave out, and what leaving them out means.
    private static readonly (string Name, Func<JsonNode?> Empty)[] Gaps =
    [
        ("startDate", () => null),
        ("endDate", () => null),
        ("bodies", () => new JsonArray()),
        ("items", () => new JsonArray()),
        ("sessions", () => new JsonArray()),
        ("venue", () => JsonValue.Create("")),
        ("timeZone", () => JsonValue.Create("")),
    ];

    public static (MeetingDefinition? Definition, DefinitionProblem? Problem) Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length == 0 || utf8Json.Length > DefinitionReader.MaxBytes)
        {
            return DefinitionReader.Parse(utf8Json);
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(utf8Json, documentOptions: new JsonDocumentOptions { MaxDepth = MeetingOpsJson.MaxDepth, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return (null, DefinitionReader.Describe(e));
        }
        catch (ArgumentException e)
        {
            return (null, new DefinitionProblem("$", $"The body is not valid UTF-8 JSON: {e.Message}", ServerPhrases.DefNotUtf8.With()));
        }
        if (node is not JsonObject draft)
        {
            return (null, new DefinitionProblem("$", "Expected a meeting definition as a JSON object.", ServerPhrases.DefNotObject.With()));
        }
        foreach (var (name, empty) in Gaps)
        {
            if (!draft.ContainsKey(name))
            {
                draft[name] = empty();
            }
        }
        return DefinitionReader.Parse(JsonSerializer.SerializeToUtf8Bytes(draft, MeetingOpsJson.Options));
    }
}
