using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingOps.Domain;

namespace MeetingOps.Import.Tests;

/// <summary>The two sample agendas and their hand-made definitions, copied next to the test assembly.</summary>
public static class Samples
{
    public const string Agenda2022 = "ctoc-wg2-wg3-2022-annotated-agenda.txt";
    public const string Definition2022 = "ctoc-wg2-wg3-2022.meeting.json";
    public const string Agenda2021 = "ctoc-wg3-2021-annotated-agenda.txt";
    public const string Definition2021 = "ctoc-wg3-2021.meeting.json";

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", name));

    public static MeetingDefinition Definition(string name)
    {
        var definition = JsonSerializer.Deserialize<MeetingDefinition>(Text(name), MeetingOpsJson.Options);
        Assert.NotNull(definition);
        return definition;
    }

    /// <summary>JSON with object keys sorted: two definitions are equal, field for field, exactly when these strings are.</summary>
    public static string Canonical(MeetingDefinition definition)
    {
        var node = JsonSerializer.SerializeToNode(definition, MeetingOpsJson.Options);
        return Sort(node)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
    }

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sort).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Item ids in document order (pre-order over sub-items).</summary>
    public static List<string> ItemIds(MeetingDefinition definition)
    {
        var ids = new List<string>();
        void Walk(IEnumerable<ItemDefinition>? items)
        {
            foreach (var item in items ?? [])
            {
                ids.Add(item.Id);
                Walk(item.SubItems);
            }
        }
        Walk(definition.Items);
        return ids;
    }
}
