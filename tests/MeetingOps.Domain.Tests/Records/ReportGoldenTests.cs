using MeetingOps.Domain.Records;

namespace MeetingOps.Domain.Tests.Records;

/// <summary>The report section for scripted runs of both samples, against reviewed golden files.</summary>
public class ReportGoldenTests
{
    [Fact]
    public void The_2022_report_says_where_each_item_was_considered_with_joint_items_once()
    {
        var run = ScriptedMeeting.Vienna2022();

        var markdown = ReportMarkdown.Write(MeetingReports.Build(run.Snapshot(), run.Log));

        Golden.Matches("vienna-2022.report.md", markdown);
    }

    [Fact]
    public void The_2021_report_of_a_single_working_group()
    {
        var run = ScriptedMeeting.Vienna2021();

        var markdown = ReportMarkdown.Write(MeetingReports.Build(run.Snapshot(), run.Log));

        Golden.Matches("vienna-2021.report.md", markdown);
    }
}
