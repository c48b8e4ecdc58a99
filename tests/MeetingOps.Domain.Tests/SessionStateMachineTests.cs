using MeetingOps.Domain;

namespace MeetingOps.Domain.Tests;

public class SessionStateMachineTests
{
    [Theory]
    [InlineData(SessionStatus.Scheduled, SessionAction.Start, SessionStatus.InProgress)]
    [InlineData(SessionStatus.InProgress, SessionAction.Suspend, SessionStatus.Suspended)]
    [InlineData(SessionStatus.Suspended, SessionAction.Resume, SessionStatus.InProgress)]
    [InlineData(SessionStatus.InProgress, SessionAction.End, SessionStatus.Ended)]
    [InlineData(SessionStatus.Suspended, SessionAction.End, SessionStatus.Ended)]
    public void A_legal_move_leads_where_it_should(SessionStatus from, SessionAction action, SessionStatus to) =>
        Assert.Equal(to, SessionStateMachine.Decide(from, action, "mon-am").Outcome);

    [Theory]
    [InlineData(SessionStatus.InProgress, SessionAction.Start, "Session mon-am cannot start: it is in progress.")]
    [InlineData(SessionStatus.Ended, SessionAction.Start, "Session mon-am cannot start: it is ended.")]
    [InlineData(SessionStatus.Suspended, SessionAction.Start, "Session mon-am cannot start: it is suspended.")]
    [InlineData(SessionStatus.Scheduled, SessionAction.Suspend, "Only a sitting in progress can be suspended; session mon-am is scheduled (not yet started).")]
    [InlineData(SessionStatus.Suspended, SessionAction.Suspend, "Only a sitting in progress can be suspended; session mon-am is suspended.")]
    [InlineData(SessionStatus.Ended, SessionAction.Suspend, "Only a sitting in progress can be suspended; session mon-am is ended.")]
    [InlineData(SessionStatus.Scheduled, SessionAction.Resume, "Only a suspended sitting can be resumed; session mon-am is scheduled (not yet started).")]
    [InlineData(SessionStatus.InProgress, SessionAction.Resume, "Only a suspended sitting can be resumed; session mon-am is in progress.")]
    [InlineData(SessionStatus.Ended, SessionAction.Resume, "Only a suspended sitting can be resumed; session mon-am is ended.")]
    [InlineData(SessionStatus.Scheduled, SessionAction.End, "Session mon-am cannot end: it is scheduled (not yet started).")]
    [InlineData(SessionStatus.Ended, SessionAction.End, "Session mon-am cannot end: it is ended.")]
    public void Every_illegal_move_is_refused_with_its_reason(SessionStatus from, SessionAction action, string reason)
    {
        var refusal = SessionStateMachine.Decide(from, action, "mon-am").Refusal!;

        Assert.Equal(RefusalKind.IllegalTransition, refusal.Kind);
        Assert.Equal(reason, refusal.Reason);
        Assert.Equal(MeetingOpsJson.Name(from), refusal.From);
    }
}
