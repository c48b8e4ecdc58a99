using System.Text.Json.Nodes;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Records;

namespace MeetingOps.Domain.Tests.Records;

/// <summary>The report names each body's officers as the definition gives them, in the manner of a UN report.</summary>
public class ReportOfficersTests
{
    private static Meeting WithOfficers(Action<JsonArray> change)
    {
        var json = JsonNode.Parse(Samples.Text(Samples.Vienna2022))!.AsObject();
        change(json["bodies"]!.AsArray());
        var result = DefinitionReader.Read(json.ToJsonString());
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Meeting!;
    }

    [Fact]
    public void Each_body_s_Chair_Vice_Chairs_and_Rapporteur_are_listed_after_the_paragraph_on_its_meetings()
    {
        var meeting = WithOfficers(bodies =>
        {
            bodies[0]!["officers"] = new JsonObject
            {
                ["chair"] = " Thomas Burrows (United States of America) ",
                ["viceChairs"] = new JsonArray("Ana Ruiz (Spain)", "Li Wei (China)"),
                ["rapporteur"] = "Amal Haddad (Lebanon)",
            };
            bodies[1]!["officers"] = new JsonObject { ["chair"] = "Maria Silva (Brazil)", ["viceChairs"] = new JsonArray("Jan Nowak (Poland)") };
        });
        var run = new ScriptedMeeting(meeting, "officers");
        run.Session("2022-05-23 10:00", "2022-05-23-am", SessionAction.Start);

        var report = MeetingReports.Build(run.Snapshot(), run.Log);
        var markdown = ReportMarkdown.Write(report);

        Assert.Equal(new BodyOfficers("Thomas Burrows (United States of America)", ["Ana Ruiz (Spain)", "Li Wei (China)"], "Amal Haddad (Lebanon)"),
            report.Bodies[0].Officers, new OfficersComparer());
        Assert.Contains(
            "The officers of the Working Group were as follows:\n\nChair: Thomas Burrows (United States of America)  \nVice-Chairs: Ana Ruiz (Spain); Li Wei (China)  \nRapporteur: Amal Haddad (Lebanon)\n",
            markdown, StringComparison.Ordinal);
        Assert.Contains("Chair: Maria Silva (Brazil)  \nVice-Chair: Jan Nowak (Poland)\n", markdown, StringComparison.Ordinal);
        // In each body's own section, between what it held and how it was opened.
        var wg3 = markdown.IndexOf("## A.", StringComparison.Ordinal);
        var wg2 = markdown.IndexOf("## B.", StringComparison.Ordinal);
        var officers3 = markdown.IndexOf("Thomas Burrows", StringComparison.Ordinal);
        var opened3 = markdown.IndexOf("The meeting was opened", wg3, StringComparison.Ordinal);
        Assert.True(wg3 < officers3 && officers3 < opened3 && opened3 < wg2, markdown);
        Assert.True(markdown.IndexOf("Maria Silva", StringComparison.Ordinal) > wg2, markdown);
    }

    [Fact]
    public void A_body_without_officers_gets_no_officers_paragraph_and_typed_markup_stays_text()
    {
        var meeting = WithOfficers(bodies => bodies[0]!["officers"] = new JsonObject { ["chair"] = "<b>Chair</b> *x*" });
        var run = new ScriptedMeeting(meeting, "officers-hostile");

        var markdown = ReportMarkdown.Write(MeetingReports.Build(run.Snapshot(), run.Log));

        Assert.Contains("Chair: \\<b\\>Chair\\</b\\> \\*x\\*", markdown, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(markdown, "were as follows"));
    }

    [Fact]
    public void An_officer_s_name_with_a_control_character_or_too_long_is_a_problem_with_its_path()
    {
        var json = JsonNode.Parse(Samples.Text(Samples.Vienna2022))!.AsObject();
        json["bodies"]![0]!["officers"] = new JsonObject { ["chair"] = "A\u0007B", ["viceChairs"] = new JsonArray(new string('x', 501)) };

        var result = DefinitionReader.Read(json.ToJsonString());

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Path == "$.bodies[0].officers.chair");
        Assert.Contains(result.Problems, p => p.Path == "$.bodies[0].officers.viceChairs[0]");
    }

    private sealed class OfficersComparer : IEqualityComparer<BodyOfficers?>
    {
        public bool Equals(BodyOfficers? x, BodyOfficers? y) =>
            x?.Chair == y?.Chair && x?.Rapporteur == y?.Rapporteur && (x?.ViceChairs ?? []).SequenceEqual(y?.ViceChairs ?? []);

        public int GetHashCode(BodyOfficers? obj) => obj?.Chair?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
