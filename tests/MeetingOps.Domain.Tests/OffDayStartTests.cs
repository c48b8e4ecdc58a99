namespace MeetingOps.Domain.Tests;

/// <summary>A sitting started on a day other than its planned day (at the venue) needs the chair's confirmation.</summary>
public class OffDayStartTests
{
    private static readonly Meeting Vienna = Samples.Meeting(Samples.Vienna2022);

    private static RulesResult Start(string sessionId, DateTimeOffset at, bool confirmed = false, LiveState? live = null) =>
        MeetingRules.Decide(Vienna, live ?? LiveState.Initial(Vienna), new SessionCommand(sessionId, SessionAction.Start, ConfirmOffDay: confirmed),
            new MeetingRules.Context(new Actor(Role.Chair), at, "c1", 1));

    [Fact]
    public void A_sitting_of_another_day_is_refused_in_words_with_a_code_until_confirmed()
    {
        var monday = new DateTimeOffset(2022, 5, 23, 7, 55, 0, TimeSpan.Zero); // 09:55 in Vienna

        var refusal = Assert.IsType<Refusal>(Start("2022-05-24-am", monday).Refusal);

        Assert.Equal((RefusalKind.ConfirmationNeeded, "offDay", "scheduled", "inProgress"), (refusal.Kind, refusal.Code, refusal.From, refusal.To));
        Assert.StartsWith("This sitting is planned for Tue 24 May; start it now? It is Mon 23 May at the venue.", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains("?confirm=offDay", refusal.Reason, StringComparison.Ordinal);

        var started = Start("2022-05-24-am", monday, confirmed: true);
        Assert.Null(started.Refusal);
        Assert.Equal(("start", "inProgress"), (Assert.Single(started.Changes).Action, started.Changes[0].To));
    }

    [Fact]
    public void The_day_is_the_venues_day_and_a_year_apart_is_said()
    {
        // 23:30 UTC on Sunday 22 May is 01:30 on Monday in Vienna: Monday's sitting starts without a question.
        Assert.Null(Start("2022-05-23-am", new DateTimeOffset(2022, 5, 22, 23, 30, 0, TimeSpan.Zero)).Refusal);
        // 21:30 UTC on Monday is 23:30 in Vienna, still Monday; at 22:30 UTC it is Tuesday there.
        Assert.Null(Start("2022-05-23-pm", new DateTimeOffset(2022, 5, 23, 21, 30, 0, TimeSpan.Zero)).Refusal);
        Assert.Equal(RefusalKind.ConfirmationNeeded, Start("2022-05-23-pm", new DateTimeOffset(2022, 5, 23, 22, 30, 0, TimeSpan.Zero)).Refusal!.Kind);

        var years = Start("2022-05-24-am", new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero)).Refusal!;
        Assert.StartsWith("This sitting is planned for Tue 24 May 2022; start it now? It is Sun 6 Dec 2026 at the venue.", years.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_refused_for_a_real_reason_says_that_reason_confirmed_or_not()
    {
        var monday = new DateTimeOffset(2022, 5, 23, 8, 0, 0, TimeSpan.Zero);
        var live = LiveState.Initial(Vienna).Apply(Start("2022-05-23-am", monday).Changes);

        foreach (var confirmed in new[] { false, true })
        {
            // WG.3 sits on Monday morning, so Tuesday's joint sitting cannot start, whatever the day.
            var refusal = Start("2022-05-24-am", monday, confirmed, live).Refusal!;
            Assert.Equal(RefusalKind.IllegalTransition, refusal.Kind);
            Assert.Null(refusal.Code);
        }
        Assert.Equal(RefusalKind.IllegalTransition, Start("2022-05-23-am", monday, live: live).Refusal!.Kind);
    }

    [Fact]
    public void The_chair_is_offered_the_start_of_any_scheduled_sitting_the_confirmation_is_asked_when_pressed()
    {
        var view = ChairOptions.Add(Vienna, LiveState.Initial(Vienna), MeetingViews.Snapshot("m", Vienna, LiveState.Initial(Vienna), 0));

        Assert.All(view.Sessions, s => Assert.Contains("start", s.Allowed!));
    }
}
