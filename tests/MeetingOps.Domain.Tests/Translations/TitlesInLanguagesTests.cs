using System.Text.Json;
using MeetingOps.Domain.Amendments;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Tests.Translations;

/// <summary>Titles, body names and document titles per official language in the definition: checked, compiled, shown.</summary>
public class TitlesInLanguagesTests
{
    private static MeetingDefinition Vienna => DefinitionReader.Parse(System.Text.Encoding.UTF8.GetBytes(Samples.Text(Samples.Vienna2022))).Definition!;

    private static MeetingDefinition WithFrench(MeetingDefinition d, string itemId, Dictionary<string, string> titles) =>
        d with { Items = d.Items.Select(i => i.Id == itemId ? i with { Titles = titles } : i).ToList() };

    [Fact]
    public void Titles_names_and_document_titles_in_other_languages_reach_the_snapshot()
    {
        var d = Vienna;
        var item = d.Items.First(i => i.Documents is { Count: > 0 });
        var changed = d with
        {
            Bodies = d.Bodies.Select((b, n) => n == 0 ? b with { Names = new Dictionary<string, string> { ["fr"] = " Groupe de travail sur la coopération internationale " } } : b).ToList(),
            Items = d.Items.Select(i => i.Id != item.Id ? i : i with
            {
                Titles = new Dictionary<string, string> { ["es"] = "Tema de prueba", ["ar"] = "بند" },
                Documents = i.Documents!.Select((doc, n) => n == 0 ? doc with { Titles = new Dictionary<string, string> { ["ru"] = "Записка Секретариата" } } : doc).ToList(),
            }).ToList(),
        };

        var result = DefinitionValidator.Validate(changed);

        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        var view = MeetingViews.Snapshot("m", result.Meeting!, LiveState.Initial(result.Meeting!), 1);
        Assert.Equal("Groupe de travail sur la coopération internationale", view.Bodies[0].Names!["fr"]);
        var shown = view.Items.Single(i => i.Id == item.Id);
        Assert.Equal(["ar", "es"], shown.Titles!.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Tema de prueba", shown.Titles["es"]);
        Assert.Equal("Записка Секретариата", shown.Documents[0].Titles!["ru"]);
        // The English stays the title: the report and every consumer that knows no other language keep reading it.
        Assert.Equal(item.Title, shown.Title);
    }

    [Fact]
    public void A_meeting_in_English_only_writes_the_same_JSON_as_before()
    {
        var meeting = Samples.Meeting(Samples.Vienna2022);
        var json = JsonSerializer.Serialize(MeetingViews.Snapshot("m", meeting, LiveState.Initial(meeting), 1), MeetingOpsJson.Options);
        Assert.DoesNotContain("\"titles\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"names\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "not an official language code")]
    [InlineData("FR", "not an official language code")]
    [InlineData("en", "English text is the title")]
    public void An_unknown_or_English_language_code_is_a_problem_naming_its_path(string code, string words)
    {
        var d = WithFrench(Vienna, Vienna.Items[1].Id, new Dictionary<string, string> { [code] = "Titel" });
        var problem = Assert.Single(DefinitionValidator.Validate(d).Problems);
        Assert.Equal($"$.items[1].titles.{code}", problem.Path);
        Assert.Contains(words, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_title_in_a_language_is_a_problem_and_a_body_name_code_is_checked_too()
    {
        var d = WithFrench(Vienna, Vienna.Items[1].Id, new Dictionary<string, string> { ["fr"] = "  " });
        d = d with { Bodies = d.Bodies.Select((b, n) => n == 1 ? b with { Names = new Dictionary<string, string> { ["xx"] = "Name" } } : b).ToList() };
        var problems = DefinitionValidator.Validate(d).Problems.Select(p => p.Path).ToList();
        Assert.Equal(["$.bodies[1].names.xx", "$.items[1].titles.fr"], problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Titles_added_in_two_languages_are_one_amendment_saying_how_many()
    {
        var before = Vienna;
        var after = WithFrench(before, before.Items[0].Id, new Dictionary<string, string> { ["fr"] = "Questions d’organisation", ["es"] = "Cuestiones de organización" });
        var amendment = Assert.Single(DefinitionAmendments.Diff(before, after));
        Assert.Equal(DefinitionAmendments.TitlesTranslated, amendment.Action);
        Assert.Contains("French: 0 of", amendment.From, StringComparison.Ordinal);
        Assert.Contains("French: 1 of", amendment.To, StringComparison.Ordinal);
        Assert.Contains("Spanish: 1 of", amendment.To, StringComparison.Ordinal);
        Assert.Empty(DefinitionAmendments.Diff(after, after with { }));
    }
}
