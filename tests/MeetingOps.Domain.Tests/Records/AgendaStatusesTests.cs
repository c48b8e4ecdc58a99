namespace MeetingOps.Domain.Tests.Records;

/// <summary>
/// A parent item reads as its sub-items stand, and a sub-item as a parent considered as a whole: in the snapshot the
/// pages show and in the report alike (after a run of all of 2021, item 1 and 2 (a), 2 (b) were once still "pending").
/// </summary>
public class AgendaStatusesTests
{
    [Fact]
    public void The_2021_run_ends_with_item_1_and_2_a_and_2_b_not_pending_in_the_snapshot_and_the_report()
    {
        var run = ScriptedMeeting.Vienna2021();
        var snapshot = run.Snapshot();

        ItemStatus Shown(string id) => snapshot.Items.Single(i => i.Id == id).Status;
        Assert.Equal(ItemStatus.Adopted, Shown("organizational-matters")); // 1 (a) concluded, 1 (b) adopted
        Assert.Equal(ItemStatus.Adopted, Shown("finalization-and-adoption-of-the-recommendations"));
        Assert.Equal(ItemStatus.Adopted, Shown("use-and-role-of-joint-investigative")); // 2 (a), considered under item 2
        Assert.Equal(ItemStatus.Adopted, Shown("international-cooperation-involving-special")); // 2 (b)
        Assert.DoesNotContain(snapshot.Items, i => i.Status == ItemStatus.Pending);

        var report = MeetingOps.Domain.Records.MeetingReports.Build(snapshot, run.Log);
        var items = report.Bodies.Single().Items;
        Assert.NotEmpty(items);
        Assert.DoesNotContain(items, i => i.Status == ItemStatus.Pending);
        // Every item the report leaves out is one the snapshot shows as done under its parent or its sub-items.
        Assert.All(snapshot.Items.Where(i => items.All(r => r.ItemId != i.Id)), i => Assert.NotEqual(ItemStatus.Pending, i.Status));
        var markdown = MeetingOps.Domain.Records.ReportMarkdown.Write(report);
        Assert.DoesNotContain("not yet taken up", markdown, StringComparison.Ordinal);
        Assert.Contains("adopted the recommendations under the item", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Sub_items_follow_a_parent_taken_up_whole_and_a_parent_follows_its_sub_items_until_all_are_done()
    {
        var run = new ScriptedMeeting(Samples.Vienna2021, "statuses")
            .Session("2021-03-25 10:00", "2021-03-25-am", SessionAction.Start)
            .Item("2021-03-25 10:00", "opening", ItemAction.Open);
        ItemStatus Shown(string id) => run.Snapshot().Items.Single(i => i.Id == id).Status;

        Assert.Equal(ItemStatus.Open, Shown("organizational-matters"));
        run.Item("2021-03-25 10:10", "opening", ItemAction.Conclude);
        Assert.Equal(ItemStatus.Continued, Shown("organizational-matters")); // 1 (b) still to come
        run.Item("2021-03-25 10:10", "adoption-of-agenda", ItemAction.Open).Item("2021-03-25 10:20", "adoption-of-agenda", ItemAction.Adopt);
        Assert.Equal(ItemStatus.Adopted, Shown("organizational-matters"));

        Assert.Equal(ItemStatus.Pending, Shown("use-and-role-of-joint-investigative"));
        run.Item("2021-03-25 10:20", "finalization-and-adoption-of-the-recommendations", ItemAction.Open);
        Assert.Equal(ItemStatus.Open, Shown("use-and-role-of-joint-investigative"));
        run.Item("2021-03-25 12:00", "finalization-and-adoption-of-the-recommendations", ItemAction.Continue);
        Assert.Equal(ItemStatus.Continued, Shown("international-cooperation-involving-special"));

        // Nothing offers a sub-item of an item being considered as a whole as the next one to take up.
        var sitting = run.Snapshot().Sessions.Single(s => s.Id == "2021-03-25-am");
        Assert.Equal("impact-of-the-coronavirus-disease", sitting.NextItemId);
    }

    [Fact]
    public void All_sub_items_deferred_reads_deferred_and_a_heading_never_touched_stays_pending()
    {
        var statuses = AgendaStatuses.Read([
            ("1", null, ItemStatus.Pending), ("1a", "1", ItemStatus.Deferred), ("1b", "1", ItemStatus.Deferred),
            ("2", null, ItemStatus.Pending), ("2a", "2", ItemStatus.Pending),
            ("3", null, ItemStatus.Pending), ("3a", "3", ItemStatus.Concluded), ("3b", "3", ItemStatus.Deferred),
        ]);

        Assert.Equal(ItemStatus.Deferred, statuses["1"]);
        Assert.Equal((ItemStatus.Pending, ItemStatus.Pending), (statuses["2"], statuses["2a"]));
        Assert.Equal(ItemStatus.Concluded, statuses["3"]);
    }
}
