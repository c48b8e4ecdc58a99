using MeetingOps.Contracts;
using MeetingOps.Domain;

namespace MeetingOps.Grains;

/// <summary>
/// The port through which a meeting announces its changes to whoever follows it (room screens, participants).
/// The host implements it (with SignalR); grains and the domain do not know how changes travel.
/// </summary>
public interface IMeetingPublisher
{
    /// <summary>Called after a change is committed, with the changes and the snapshot at the new version. Must not throw.</summary>
    Task Published(string meetingId, IReadOnlyList<LogEntry> changes, MeetingView snapshot);

    /// <summary>Called when a capped sitting nears its cap (15 and 5 minutes before). Must not throw.</summary>
    Task Announced(string meetingId, CapAnnouncement announcement);
}

/// <summary>The publisher when nobody listens (grain tests, tools).</summary>
public sealed class NoPublisher : IMeetingPublisher
{
    public Task Published(string meetingId, IReadOnlyList<LogEntry> changes, MeetingView snapshot) => Task.CompletedTask;

    public Task Announced(string meetingId, CapAnnouncement announcement) => Task.CompletedTask;
}
