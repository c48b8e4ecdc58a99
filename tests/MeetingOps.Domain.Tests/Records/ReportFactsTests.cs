using System.Text.Json;
using MeetingOps.Domain.Records;

namespace MeetingOps.Domain.Tests.Records;

/// <summary>The report facts come from the log: sittings numbered in the order held, whatever the plan said.</summary>
public class ReportFactsTests
{
    [Fact]
    public void Sittings_are_numbered_per_body_in_the_order_held()
    {
        var report = MeetingReports.Build(ScriptedMeeting.Vienna2022().Snapshot(), ScriptedMeeting.Vienna2022().Log);

        var wg3 = report.Bodies.Single(b => b.Id == "wg3");
        var wg2 = report.Bodies.Single(b => b.Id == "wg2");
        Assert.Equal(["2022-05-23-am", "2022-05-23-pm", "2022-05-24-am", "2022-05-24-pm", "2022-05-26-pm", "2022-05-27-am"], wg3.Sittings.Select(s => s.SessionId));
        Assert.Equal(Enumerable.Range(1, 8), wg2.Sittings.Select(s => s.Number));
        var thematic = report.JointItems.Single(i => i.ItemId == "application-of-the-organized-crime-convention");
        Assert.Equal([3, 4], thematic.Considered.Select(c => c.Meetings["wg3"]));
        Assert.Equal([2, 3], thematic.Considered.Select(c => c.Meetings["wg2"]));
        Assert.Equal(ItemStatus.Concluded, thematic.Status);
        var deferred = wg2.Items.Single(i => i.ItemId == "matters-pertaining-to-the-mechanism");
        Assert.Equal((ItemStatus.Deferred, "2022-05-26-am"), (deferred.Status, deferred.Outcome!.SessionId));
        Assert.Equal(new Actor(Role.Chair, "Ms. Ana Lind"), wg3.Opening!.OpenedBy);
        Assert.DoesNotContain(report.JointItems, i => i.ItemId == "organizational-matters"); // a heading whose sub-items were taken up
    }

    [Fact]
    public void A_sitting_held_out_of_plan_order_takes_the_next_number_and_a_late_start_is_the_time_said()
    {
        var run = new ScriptedMeeting(Samples.Vienna2021);
        run.Session("2021-03-25 15:12", "2021-03-25-pm", SessionAction.Start) // the morning sitting never took place
           .Item("2021-03-25 15:12", "opening", ItemAction.Open)
           .Item("2021-03-25 15:20", "opening", ItemAction.Conclude)
           .Session("2021-03-25 18:00", "2021-03-25-pm", SessionAction.End)
           .Session("2021-03-26 10:00", "2021-03-26-am", SessionAction.Start)
           .Item("2021-03-26 10:00", "impact-of-the-coronavirus-disease", ItemAction.Open);

        var report = MeetingReports.Build(run.Snapshot(), run.Log);
        var markdown = ReportMarkdown.Write(report);

        Assert.Equal(["2021-03-25-pm", "2021-03-26-am"], report.Bodies[0].Sittings.Select(s => s.SessionId));
        Assert.Contains("It held two meetings.", markdown, StringComparison.Ordinal);
        Assert.Contains("The meeting was opened on Thursday, 25 March 2021, at 3.12 p.m., by the Chair.", markdown, StringComparison.Ordinal);
        Assert.Contains("agenda item 3, \"Impact of the coronavirus disease (COVID-19) on international cooperation in criminal matters: a one-year overview\", at its 2nd meeting, on 26 March 2021. The item is under consideration at the 2nd meeting.", markdown, StringComparison.Ordinal);
        Assert.Contains("The Working Group has not yet taken up agenda item 1 (b), \"Adoption of the agenda and organization of work\".", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_continued_item_a_deferral_outside_a_sitting_and_a_meeting_not_yet_held()
    {
        var run = new ScriptedMeeting(Samples.Vienna2021);
        Assert.Contains("has not yet held any meetings", ReportMarkdown.Write(MeetingReports.Build(run.Snapshot(), run.Log)), StringComparison.Ordinal);

        run.Item("2021-03-24 17:00", "other-matters", ItemAction.Defer)
           .Session("2021-03-25 10:00", "2021-03-25-am", SessionAction.Start)
           .Item("2021-03-25 10:00", "finalization-and-adoption-of-the-recommendations", ItemAction.Open)
           .Session("2021-03-25 13:00", "2021-03-25-am", SessionAction.End);
        var markdown = ReportMarkdown.Write(MeetingReports.Build(run.Snapshot(), run.Log));

        Assert.Contains("at its 1st meeting, on 25 March 2021. The Working Group will continue its consideration of the item.", markdown, StringComparison.Ordinal);
        Assert.Contains("The Working Group decided to defer consideration of agenda item 4, \"Other matters\", to a future meeting.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("2 (a)", markdown, StringComparison.Ordinal); // sub-items considered with their parent as a whole
        // A heading none of whose sub-items was taken up is said once, as the heading.
        Assert.Contains("has not yet taken up agenda item 1, \"Organizational matters\".", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("1 (a)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_facts_are_json_in_the_api_s_shape()
    {
        var run = ScriptedMeeting.Vienna2021();

        var json = JsonSerializer.Serialize(MeetingReports.Build(run.Snapshot(), run.Log), MeetingOpsJson.Options);
        using var document = JsonDocument.Parse(json);

        var body = document.RootElement.GetProperty("bodies")[0];
        Assert.Equal("2021-03-25", body.GetProperty("sittings")[0].GetProperty("date").GetString());
        Assert.Equal("organizer", body.GetProperty("opening").GetProperty("openedBy").GetProperty("role").GetString());
        Assert.Equal("2021-03-25T10:05:00", body.GetProperty("opening").GetProperty("localTime").GetString());
        var report = body.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemId").GetString() == "report");
        Assert.Equal("adopted", report.GetProperty("status").GetString());
        Assert.Equal(4, report.GetProperty("outcome").GetProperty("meetings").GetProperty("wg3").GetInt32());
    }
}
