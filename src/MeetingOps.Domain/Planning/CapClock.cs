namespace MeetingOps.Domain.Planning;

/// <summary>
/// When a capped sitting must end: the cap counts from when the sitting actually started, and the chair is
/// warned 15 and 5 minutes before. Pure: the grain schedules its timers at these instants, and recomputes
/// them from the recorded start after a restart.
/// </summary>
public static class CapClock
{
    /// <summary>How long before the cap the chair is warned, in minutes.</summary>
    public static IReadOnlyList<int> WarningMinutes { get; } = [15, 5];

    /// <summary>The cap and its warnings for a sitting that started at <paramref name="startedAt"/>. A warning that would fall at or before the start is left out.</summary>
    public static CapTimes At(string sessionId, DateTimeOffset startedAt, int capMinutes)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentOutOfRangeException.ThrowIfLessThan(capMinutes, 1);
        var capAt = startedAt.AddMinutes(capMinutes);
        var warnings = WarningMinutes.Where(m => m < capMinutes).Select(m => new CapWarning(m, capAt.AddMinutes(-m))).ToList();
        return new CapTimes(sessionId, startedAt, capMinutes, capAt, warnings);
    }

    /// <summary>The cap of a re-planned session, or null when it is not capped.</summary>
    public static CapTimes? For(PlanSession session, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.CapMinutes is { } cap ? At(session.SessionId, startedAt, cap) : null;
    }

    /// <summary>The cap of a session as the meeting defines it, or null when it is not capped.</summary>
    public static CapTimes? For(Session session, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.CapMinutes is { } cap ? At(session.Id, startedAt, cap) : null;
    }

    /// <summary>"15 minutes left before the two-hour cap of session 2022-05-23-am (12:00)."</summary>
    public static string WarningText(Meeting meeting, CapTimes cap, int minutesLeft)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(cap);
        var minutes = minutesLeft == 1 ? "1 minute" : $"{minutesLeft} minutes";
        return $"{minutes} left before the {CapWords(cap.CapMinutes)} cap of session {cap.SessionId} ({new VenueClock(meeting).TimeWords(cap.CapAt)}).";
    }

    /// <summary>"The two-hour cap of session 2022-05-23-am was reached at 12:00; the sitting ends and the item under consideration is continued."</summary>
    public static string ReachedText(Meeting meeting, CapTimes cap)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(cap);
        return $"The {CapWords(cap.CapMinutes)} cap of session {cap.SessionId} was reached at {new VenueClock(meeting).TimeWords(cap.CapAt)}; the sitting ends and the item under consideration is continued.";
    }

    /// <summary>"two-hour", "three-hour", "90-minute".</summary>
    public static string CapWords(int capMinutes) => capMinutes % 60 == 0 && capMinutes / 60 is >= 1 and <= 6
        ? $"{(capMinutes / 60) switch { 1 => "one", 2 => "two", 3 => "three", 4 => "four", 5 => "five", _ => "six" }}-hour"
        : $"{capMinutes}-minute";
}

/// <summary>When a capped sitting that started at <see cref="StartedAt"/> reaches its cap, and when the chair is warned before.</summary>
public sealed record CapTimes(string SessionId, DateTimeOffset StartedAt, int CapMinutes, DateTimeOffset CapAt, IReadOnlyList<CapWarning> Warnings);

/// <summary>A warning <see cref="MinutesLeft"/> minutes before the cap, due at <see cref="At"/>.</summary>
public sealed record CapWarning(int MinutesLeft, DateTimeOffset At);
