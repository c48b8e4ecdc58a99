namespace MeetingOps.Grains;

/// <summary>How a capped sitting's watch keeps time (SessionGrain).</summary>
public sealed class CapWatchOptions
{
    /// <summary>
    /// How often the sitting's reminder ticks while its cap is watched: at most this late, a sitting whose grain was
    /// lost with its host (or whose host restarted) is woken and ended if its cap has passed. Orleans' minimum reminder
    /// period is one minute unless a host lowers it (the grain tests do, with a fake clock).
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
