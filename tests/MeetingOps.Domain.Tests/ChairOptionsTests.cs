using MeetingOps.Domain;

namespace MeetingOps.Domain.Tests;

/// <summary>The snapshot says what the chair may do now, the next item per sitting, and parents' status from their sub-items.</summary>
public class ChairOptionsTests
{
    [Fact]
    public void A_sitting_in_progress_offers_its_next_pending_item_never_the_one_just_continued()
    {
        var run = new Records.ScriptedMeeting(Samples.Vienna2022);
        run.Session("2022-05-23 10:00", "2022-05-23-am", SessionAction.Start);
        var before = run.Snapshot().Sessions.Single(s => s.Id == "2022-05-23-am");
        Assert.Equal(["suspend", "end"], before.Allowed);
        var first = before.NextItemId!;

        run.Item("2022-05-23 10:01", first, ItemAction.Open);
        var open = run.Snapshot();
        Assert.Null(open.Sessions.Single(s => s.Id == "2022-05-23-am").NextItemId);
        Assert.Contains("continue", open.Items.Single(i => i.Id == first).Allowed!);
        Assert.DoesNotContain("open", open.Items.Single(i => i.Id == first).Allowed!);

        run.Item("2022-05-23 10:30", first, ItemAction.Continue);
        var next = run.Snapshot().Sessions.Single(s => s.Id == "2022-05-23-am").NextItemId;
        Assert.NotNull(next);
        Assert.NotEqual(first, next);
        Assert.Equal(["open", "defer"], run.Snapshot().Items.Single(i => i.Id == first).Allowed!); // taken up again only when the chair names it
    }

    [Fact]
    public void A_parent_item_reads_as_its_sub_items_stand()
    {
        var run = new Records.ScriptedMeeting(Samples.Vienna2022);
        var parent = run.Meeting.Items.First(i => run.Meeting.Items.Any(c => c.ParentId == i.Id));
        var children = run.Meeting.Items.Where(c => c.ParentId == parent.Id).ToList();
        var sitting = run.Meeting.Sessions.First(s => children.All(c => c.Numbers.Keys.All(s.Seats)));
        run.Do("2022-05-23 10:00", new SessionCommand(sitting.Id, SessionAction.Start));
        Assert.Equal(ItemStatus.Pending, run.Snapshot().Items.Single(i => i.Id == parent.Id).Status);

        run.Do("2022-05-23 10:01", new ItemCommand(children[0].Id, ItemAction.Open, sitting.Id));
        Assert.Equal(ItemStatus.Open, run.Snapshot().Items.Single(i => i.Id == parent.Id).Status);

        foreach (var (child, n) in children.Select((c, n) => (c, n)))
        {
            if (n > 0)
            {
                run.Do("2022-05-23 10:02", new ItemCommand(child.Id, ItemAction.Open, sitting.Id));
            }
            run.Do("2022-05-23 10:03", new ItemCommand(child.Id, ItemAction.Conclude, sitting.Id));
        }
        Assert.Equal(ItemStatus.Concluded, run.Snapshot().Items.Single(i => i.Id == parent.Id).Status);
    }
}
