using System.Text.Json;
using System.Text.RegularExpressions;
using MeetingOps.Domain;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The server's own words in the six languages: every phrase the server can say (<see cref="ServerPhrases"/>) has a
/// key server.&lt;code&gt; in each page catalogue that names only the phrase's arguments, no catalogue keeps a phrase the
/// server no longer says, and every status a phrase can name has its words.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class ServerTextCatalogueTests
{
    private static readonly string[] Languages = ["ar", "zh", "en", "fr", "ru", "es"];

    private static Dictionary<string, JsonElement> Catalogue(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(RepoFiles.CatalogueText(language))!;

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    private static IEnumerable<string> Texts(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().Select(p => p.Value.GetString()!) : [value.GetString()!];

    [Fact]
    public void Every_phrase_the_server_says_is_in_every_catalogue_with_its_arguments()
    {
        Assert.True(ServerPhrases.All.Count > 60, $"only {ServerPhrases.All.Count} phrases found: is the registry still read?");
        Assert.Equal(ServerPhrases.All.Count, ServerPhrases.All.Select(p => p.Code).Distinct().Count());
        var problems = new List<string>();
        foreach (var language in Languages)
        {
            var catalogue = Catalogue(language);
            foreach (var phrase in ServerPhrases.All)
            {
                if (!catalogue.TryGetValue("server." + phrase.Code, out var value))
                {
                    problems.Add($"{language}: server.{phrase.Code} missing");
                    continue;
                }
                var named = Texts(value).SelectMany(t => Placeholder().Matches(t).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
                var unknown = named.Where(n => !phrase.Parameters.Contains(n)).ToList();
                if (unknown.Count > 0)
                {
                    problems.Add($"{language}: server.{phrase.Code} names {string.Join(", ", unknown)}, which the server does not send ({string.Join(", ", phrase.Parameters)})");
                }
                // The English names what matters; "count" only chooses the plural form (Arabic spells "one" and "two" out).
                var english = Texts(Catalogue("en")["server." + phrase.Code]).SelectMany(t => Placeholder().Matches(t).Select(m => m.Groups[1].Value)).ToHashSet();
                var left = english.Where(n => n != "count" && !named.Contains(n)).ToList();
                if (left.Count > 0)
                {
                    problems.Add($"{language}: server.{phrase.Code} leaves out {string.Join(", ", left)}");
                }
            }
            var codes = ServerPhrases.All.Select(p => "server." + p.Code).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(catalogue.Keys
                .Where(k => k.StartsWith("server.", StringComparison.Ordinal) && !codes.Contains(k)
                    && !k.StartsWith("server.itemIs.", StringComparison.Ordinal) && !k.StartsWith("server.sittingIs.", StringComparison.Ordinal))
                .Select(k => $"{language}: {k} is no phrase the server says"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_status_a_phrase_names_has_its_words_in_every_catalogue()
    {
        foreach (var language in Languages)
        {
            var catalogue = Catalogue(language);
            Assert.All(Enum.GetValues<ItemStatus>(), s => Assert.True(catalogue.ContainsKey("server.itemIs." + MeetingOpsJson.Name(s)), $"{language}: {s}"));
            Assert.All(Enum.GetValues<SessionStatus>(), s => Assert.True(catalogue.ContainsKey("server.sittingIs." + MeetingOpsJson.Name(s)), $"{language}: {s}"));
        }
    }
}
