using MeetingOps.Domain;

namespace MeetingOps.Domain.Tests;

/// <summary>The rules of a live meeting, on the 2022 sample: two bodies, joint and single-body sittings.</summary>
public class MeetingRulesTests
{
    private static readonly Meeting Vienna = Samples.Meeting(Samples.Vienna2022);
    private static readonly DateTimeOffset Monday10 = new(2022, 5, 23, 8, 0, 0, TimeSpan.Zero);

    private LiveState _live = LiveState.Initial(Vienna);
    private long _version;

    private RulesResult Decide(Command command, string commandId = "c")
    {
        var result = MeetingRules.Decide(Vienna, _live, command, new MeetingRules.Context(new Actor(Role.Chair, "Ms. Chair"), Monday10, commandId, _version + 1));
        if (result.Refusal is null)
        {
            _live = _live.Apply(result.Changes);
            _version = result.Changes[^1].Version;
        }
        return result;
    }

    private LogEntry Do(Command command) => Assert.Single(Decide(command).Changes);

    private Refusal Refused(Command command)
    {
        var before = _live;
        var refusal = Assert.IsType<Refusal>(Decide(command).Refusal);
        Assert.Same(before, _live);
        return refusal;
    }

    [Fact]
    public void Taking_up_an_item_in_a_sitting_records_time_session_actor_and_command()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));

        var entry = Do(new ItemCommand("opening", ItemAction.Open));

        Assert.Equal(new LogEntry(2, Monday10, "c", new Actor(Role.Chair, "Ms. Chair"), ChangeSubject.Item, "opening", "2022-05-23-am", "open", "pending", "open"), entry);
        Assert.Equal("opening", _live.CurrentItemIn("2022-05-23-am"));
    }

    [Fact]
    public void An_item_cannot_be_taken_up_when_no_sitting_is_in_progress()
    {
        var refusal = Refused(new ItemCommand("transfer-of-sentenced-persons", ItemAction.Open));

        Assert.Equal("No sitting of wg3 is in progress; start the session before taking up item 2.", refusal.Reason);
        Assert.Equal(("pending", "open"), (refusal.From, refusal.To));
    }

    [Fact]
    public void A_joint_item_is_taken_up_only_in_a_joint_sitting()
    {
        Do(new SessionCommand("2022-05-23-pm", SessionAction.Start)); // only wg3 sits

        var refusal = Refused(new ItemCommand("application-of-the-organized-crime-convention", ItemAction.Open));

        Assert.Equal("Item 3 is a joint item; it is taken up in a joint sitting of wg3 and wg2, and none is in progress.", refusal.Reason);
    }

    [Fact]
    public void A_named_session_where_the_items_body_does_not_sit_is_refused()
    {
        Do(new SessionCommand("2022-05-25-am", SessionAction.Start, ConfirmOffDay: true)); // only wg2 sits; planned for Wednesday, started on Monday

        var refusal = Refused(new ItemCommand("transfer-of-sentenced-persons", ItemAction.Open, "2022-05-25-am"));

        Assert.Equal("Item 2 is on the agenda of wg3, which does not sit in session 2022-05-25-am.", refusal.Reason);
    }

    [Fact]
    public void Only_one_item_is_under_consideration_in_a_sitting()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        Do(new ItemCommand("opening", ItemAction.Open));

        var refusal = Refused(new ItemCommand("adoption-of-agenda", ItemAction.Open));

        Assert.Equal("Item 1 (a) is under consideration in session 2022-05-23-am; continue or conclude it before taking up item 1 (b).", refusal.Reason);
    }

    [Fact]
    public void Ending_a_sitting_continues_the_item_under_consideration_first()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        Do(new ItemCommand("transfer-of-sentenced-persons", ItemAction.Open));

        var changes = Decide(new SessionCommand("2022-05-23-am", SessionAction.End), "end-1").Changes;

        Assert.Equal(2, changes.Count);
        Assert.Equal((3L, ChangeSubject.Item, "transfer-of-sentenced-persons", "continue", "open", "continued", "the sitting ended"),
            (changes[0].Version, changes[0].Subject, changes[0].ItemId, changes[0].Action, changes[0].From, changes[0].To, changes[0].Note));
        Assert.Equal((4L, ChangeSubject.Session, "end", "inProgress", "ended"), (changes[1].Version, changes[1].Subject, changes[1].Action, changes[1].From, changes[1].To));
        Assert.All(changes, c => Assert.Equal("end-1", c.CommandId));
        Assert.Equal(ItemStatus.Continued, _live.Item("transfer-of-sentenced-persons").Status);
    }

    [Fact]
    public void A_continued_item_is_taken_up_again_in_a_later_sitting()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        Do(new ItemCommand("transfer-of-sentenced-persons", ItemAction.Open));
        Decide(new SessionCommand("2022-05-23-am", SessionAction.End));
        Do(new SessionCommand("2022-05-23-pm", SessionAction.Start));

        var entry = Do(new ItemCommand("transfer-of-sentenced-persons", ItemAction.Open));

        Assert.Equal(("continued", "open", "2022-05-23-pm"), (entry.From, entry.To, entry.SessionId));
    }

    [Fact]
    public void A_body_sits_in_one_sitting_at_a_time()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));

        var refusal = Refused(new SessionCommand("2022-05-23-pm", SessionAction.Start));

        Assert.Equal("wg3 is sitting in session 2022-05-23-am; end that sitting before starting session 2022-05-23-pm.", refusal.Reason);
    }

    [Fact]
    public void Unknown_ids_are_not_found()
    {
        Assert.Equal(RefusalKind.NotFound, Refused(new ItemCommand("nothing", ItemAction.Open)).Kind);
        Assert.Equal(RefusalKind.NotFound, Refused(new SessionCommand("never", SessionAction.Start)).Kind);
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        Assert.Equal(RefusalKind.NotFound, Refused(new ItemCommand("opening", ItemAction.Open, "never")).Kind);
    }

    [Fact]
    public void An_item_can_be_deferred_before_the_meeting_starts_with_no_sitting()
    {
        var entry = Do(new ItemCommand("matters-pertaining-to-the-mechanism", ItemAction.Defer));

        Assert.Equal(("pending", "deferred", (string?)null), (entry.From, entry.To, entry.SessionId));
    }

    [Fact]
    public void A_suspended_sitting_keeps_its_item_and_takes_nothing_new_up()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        Do(new ItemCommand("opening", ItemAction.Open));
        Do(new SessionCommand("2022-05-23-am", SessionAction.Suspend));

        Assert.Equal("opening", _live.CurrentItemIn("2022-05-23-am"));
        Assert.Equal(RefusalKind.IllegalTransition, Refused(new ItemCommand("adoption-of-agenda", ItemAction.Open, "2022-05-23-am")).Kind);
        Assert.Equal("conclude", Do(new ItemCommand("opening", ItemAction.Conclude)).Action);
    }

    [Fact]
    public void The_snapshot_shows_the_current_sitting_and_item()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        Do(new ItemCommand("opening", ItemAction.Open));

        var view = MeetingViews.Snapshot("m1", Vienna, _live, _version);

        Assert.Equal(("2022-05-23-am", "opening", 2L), (view.CurrentSessionId, view.CurrentItemId, view.Version));
        Assert.Equal(ItemStatus.Open, view.Items.Single(i => i.Id == "opening").Status);
        Assert.Equal(SessionStatus.InProgress, view.Sessions[0].Status);
        Assert.Equal(Monday10, view.Sessions[0].StartedAt);
    }
}
