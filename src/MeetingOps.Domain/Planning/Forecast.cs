namespace MeetingOps.Domain.Planning;

/// <summary>
/// Where the meeting is heading at <see cref="At"/>: when each remaining item is projected to be taken up and
/// finished, how far each session runs over or under, and warnings in the meeting's words.
/// </summary>
public sealed record Forecast(
    DateTimeOffset At,
    IReadOnlyList<ForecastSession> Sessions,
    IReadOnlyList<ForecastItem> Items,
    IReadOnlyList<ForecastWarning> Warnings);

/// <summary>
/// A session as projected (as held, once it has ended). <see cref="AvailableEnd"/> is when it should end: a capped
/// session its available minutes after it (actually or projectedly) starts, any other session at its planned end.
/// <see cref="MinutesOver"/> is the projected end against it: positive over, negative under. A capped session
/// does not run over: its over minutes are what continues in a later session.
/// </summary>
public sealed record ForecastSession(
    string SessionId,
    SessionStatus Status,
    DateTimeOffset ProjectedStart,
    DateTimeOffset ProjectedEnd,
    DateTimeOffset AvailableEnd,
    int MinutesOver,
    DateTimeOffset? CapAt);

/// <summary>
/// A remaining item (not concluded, adopted or deferred): when it is projected to start (for the item under
/// consideration, when it was last taken up) and end, the minutes of work left, the minutes that no remaining
/// session can take, and the pieces of time per session. Start and end are null when no time is left for it in the plan.
/// </summary>
public sealed record ForecastItem(
    string ItemId,
    ItemStatus Status,
    DateTimeOffset? ProjectedStart,
    DateTimeOffset? ProjectedEnd,
    int RemainingMinutes,
    int UnplacedMinutes,
    IReadOnlyList<ForecastSegment> Segments);

/// <summary>A piece of an item's consideration in one session; <see cref="Continued"/> when it resumes an earlier piece.</summary>
public sealed record ForecastSegment(string SessionId, DateTimeOffset Start, DateTimeOffset End, bool Continued);

public enum ForecastWarningKind
{
    /// <summary>An item runs into a session's cap; the rest continues in a later session.</summary>
    ContinuesAfterCap,
    /// <summary>An item is not reached before a session's cap; it moves to a later session.</summary>
    MovesAfterCap,
    /// <summary>A session without a cap is projected to end after its planned end.</summary>
    RunsOver,
    /// <summary>Work on an item that no remaining session can take.</summary>
    NotPlaced,
    /// <summary>The item under consideration has run past all the time the plan gives it.</summary>
    OverItsTime,
    /// <summary>An item was continued having used the time the plan gives it; the forecast has no time for its resumption.</summary>
    NoTimeLeft,
    /// <summary>The cap of a sitting in progress is 15 minutes or less away.</summary>
    CapApproaching,
    /// <summary>The cap of a sitting in progress has been reached.</summary>
    CapReached,
    /// <summary>A sitting is shortened (or left without interpretation) to keep within the daily interpretation quota.</summary>
    InterpretationQuota,
}

/// <summary>A warning in plain words, with the session and item it is about; <see cref="Text"/> the same as a phrase for the pages to translate.</summary>
public sealed record ForecastWarning(ForecastWarningKind Kind, string? SessionId, string? ItemId, string Message, ServerText? Text = null);
