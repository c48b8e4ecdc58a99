using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Grains;

namespace MeetingOps.Server.Live;

/// <summary>
/// The meeting grain's publishing port: every committed change goes to the meeting's followers as one
/// <see cref="MeetingChanged"/> (what changed, not the snapshot), on this host and, through <see cref="FollowerPushes"/>,
/// on every other host.
/// </summary>
public sealed class MeetingHubPublisher(FollowerPushes pushes) : IMeetingPublisher
{
    public Task Published(string meetingId, IReadOnlyList<LogEntry> changes, MeetingView snapshot, MeetingChanged push)
    {
        ArgumentNullException.ThrowIfNull(push);
        pushes.Publish(new RelayedPush(meetingId, Changed: push));
        return Task.CompletedTask;
    }

    public Task Announced(string meetingId, CapAnnouncement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        pushes.Publish(new RelayedPush(meetingId, Announcement: announcement));
        return Task.CompletedTask;
    }
}
