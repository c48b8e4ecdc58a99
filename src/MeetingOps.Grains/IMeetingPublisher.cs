using MeetingOps.Contracts;
using MeetingOps.Domain;

namespace MeetingOps.Grains;

/// <summary>
/// The port through which a meeting announces its changes to whoever follows it (room screens, participants).
/// The host implements it (with SignalR); grains and the domain do not know how changes travel.
/// </summary>
public interface IMeetingPublisher
{
    /// <summary>
    /// Called after a change is committed, with the log entries, the snapshot at the new version and the push for
    /// followers (what changed since the last push, see <see cref="MeetingChanges"/>). Must not throw.
    /// </summary>
    Task Published(string meetingId, IReadOnlyList<LogEntry> changes, MeetingView snapshot, MeetingChanged push);

    /// <summary>Called when a capped sitting nears its cap (15 and 5 minutes before). Must not throw.</summary>
    Task Announced(string meetingId, CapAnnouncement announcement);
}

/// <summary>The publisher when nobody listens (grain tests, tools).</summary>
public sealed class NoPublisher : IMeetingPublisher
{
    public Task Published(string meetingId, IReadOnlyList<LogEntry> changes, MeetingView snapshot, MeetingChanged push) => Task.CompletedTask;

    public Task Announced(string meetingId, CapAnnouncement announcement) => Task.CompletedTask;
}
