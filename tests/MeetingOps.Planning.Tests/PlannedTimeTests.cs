using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using static MeetingOps.Planning.Tests.SmallMeetings;

namespace MeetingOps.Planning.Tests;

public class PlannedTimeTests
{
    private static readonly Meeting ThreeItems = Meeting("a",
        [Item("x", "a:1"), Item("y", "a:2"), Item("z", "a:3")],
        Session("s1", "0 10:00-11:40", "a", "x", "y", "z"),
        Session("s2", "0 15:00-18:00", "a", "z+"));

    [Fact]
    public void A_session_is_shared_equally_in_whole_minutes_that_sum_to_its_length()
    {
        var planned = PlannedTime.Of(ThreeItems);

        Assert.Equal([("x", 34), ("y", 33), ("z", 33 + 180)], planned.Items.Select(i => (i.ItemId, i.Minutes)));
        Assert.Equal(100 + 180, planned.TotalMinutes);
    }

    [Fact]
    public void An_estimate_is_split_across_the_items_sessions_like_its_shares_and_the_others_share_the_rest()
    {
        // z's shares would be 33 and 180: 71 minutes split 33:180 is 11 and 60; x and y share s1's other 89 minutes.
        var planned = PlannedTime.Of(ThreeItems, new Dictionary<string, int> { ["z"] = 71 });

        Assert.Equal([("x", 45), ("y", 44), ("z", 71)], planned.Items.Select(i => (i.ItemId, i.Minutes)));
        Assert.Equal([new SessionShare("s1", 11), new SessionShare("s2", 60)], planned.Items[2].Sessions);
        Assert.True(planned.Items[2].Estimated);
    }

    [Fact]
    public void Estimates_larger_than_a_session_leave_the_others_nothing_there()
    {
        var planned = PlannedTime.Of(ThreeItems, new Dictionary<string, int> { ["x"] = 150 });

        Assert.Equal([("x", 150), ("y", 0), ("z", 180)], planned.Items.Select(i => (i.ItemId, i.Minutes)));
    }

    [Fact]
    public void Only_planned_items_get_minutes_and_a_joint_item_counts_once_in_a_session()
    {
        var meeting = Meeting("a,b",
            [Item("org", "a:1,b:1", ItemKind.Organizational, Item("open", "a:1 (a),b:1 (a)", ItemKind.Opening)), Item("joint", "a:2,b:2"), Item("solo", "a:3")],
            Session("s1", "0 10:00-13:00", "a,b", "open", "joint"),
            Session("s2", "0 15:00-18:00", "a", "solo"));

        var planned = PlannedTime.Of(meeting);

        Assert.Equal([("open", 90), ("joint", 90), ("solo", 180)], planned.Items.Select(i => (i.ItemId, i.Minutes)));
        Assert.Equal(0, planned.MinutesOf("org"));
    }
}
