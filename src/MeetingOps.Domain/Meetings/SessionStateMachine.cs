namespace MeetingOps.Domain;

/// <summary>
/// The legal moves of a sitting:
/// scheduled ──start──► in progress ◄──resume── suspended; in progress ──suspend──► suspended;
/// in progress or suspended ──end──► ended. An ended sitting stays ended: a new sitting is a new session.
/// </summary>
public static class SessionStateMachine
{
    public static Decision<SessionStatus> Decide(SessionStatus from, SessionAction action, string sessionId) => (action, from) switch
    {
        (SessionAction.Start, SessionStatus.Scheduled) => SessionStatus.InProgress,
        (SessionAction.Start, _) => Refuse(from, SessionStatus.InProgress, $"Session {sessionId} cannot start: it is {Word(from)}.",
            ServerPhrases.SessionCannotStart.With(("session", sessionId), ("sessionStatus", from))),
        (SessionAction.Suspend, SessionStatus.InProgress) => SessionStatus.Suspended,
        (SessionAction.Suspend, _) => Refuse(from, SessionStatus.Suspended, $"Only a sitting in progress can be suspended; session {sessionId} is {Word(from)}.",
            ServerPhrases.SessionSuspendNotInProgress.With(("session", sessionId), ("sessionStatus", from))),
        (SessionAction.Resume, SessionStatus.Suspended) => SessionStatus.InProgress,
        (SessionAction.Resume, _) => Refuse(from, SessionStatus.InProgress, $"Only a suspended sitting can be resumed; session {sessionId} is {Word(from)}.",
            ServerPhrases.SessionResumeNotSuspended.With(("session", sessionId), ("sessionStatus", from))),
        (SessionAction.End, SessionStatus.InProgress or SessionStatus.Suspended) => SessionStatus.Ended,
        (SessionAction.End, _) => Refuse(from, SessionStatus.Ended, $"Session {sessionId} cannot end: it is {Word(from)}.",
            ServerPhrases.SessionCannotEnd.With(("session", sessionId), ("sessionStatus", from))),
        _ => Refuse(from, from, $"Unknown action {action}.", ServerPhrases.UnknownAction.With(("action", action))),
    };

    public static string Word(SessionStatus status) => status switch
    {
        SessionStatus.Scheduled => "scheduled (not yet started)",
        SessionStatus.InProgress => "in progress",
        SessionStatus.Suspended => "suspended",
        SessionStatus.Ended => "ended",
        _ => status.ToString(),
    };

    private static Decision<SessionStatus> Refuse(SessionStatus from, SessionStatus to, string reason, ServerText text) =>
        new Refusal(RefusalKind.IllegalTransition, reason, MeetingOpsJson.Name(from), MeetingOpsJson.Name(to), Text: text);
}
