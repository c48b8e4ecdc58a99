using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests.Infrastructure;

/// <summary>The meeting definitions in the repository's samples/ folder, the only ones the tests use.</summary>
public static class Samples
{
    public const string Wg2Wg3_2022 = RepoFiles.Vienna2022;
    public const string Wg3_2021 = RepoFiles.Vienna2021;

    public static string Text(string fileName) => File.ReadAllText(RepoPaths.Sample(fileName));

    /// <summary>A fresh, mutable copy of a sample, to break in one place.</summary>
    public static JsonObject Json(string fileName) =>
        JsonNode.Parse(Text(fileName))?.AsObject() ?? throw new InvalidOperationException($"{fileName} is not a JSON object.");

    /// <summary>The sample's items flattened in agenda order (a parent before its sub-items), with their parent id.</summary>
    public static List<(JsonObject Item, string? ParentId)> FlattenItems(JsonObject definition)
    {
        var result = new List<(JsonObject, string?)>();
        void Walk(JsonArray items, string? parent)
        {
            foreach (var node in items)
            {
                var item = node!.AsObject();
                result.Add((item, parent));
                if (item["subItems"] is JsonArray sub)
                {
                    Walk(sub, (string)item["id"]!);
                }
            }
        }
        Walk(definition["items"]!.AsArray(), null);
        return result;
    }
}
