using System.Collections.Concurrent;
using MeetingOps.Contracts;
using MeetingOps.Domain;

namespace MeetingOps.Grains.Tests;

/// <summary>Records every publication and announcement, per meeting, in the order the grains made them.</summary>
public sealed class RecordingPublisher : IMeetingPublisher
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(IReadOnlyList<LogEntry> Changes, MeetingView Snapshot)>> _published = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<CapAnnouncement>> _announced = new();
    private readonly ConcurrentDictionary<(string, long), TaskCompletionSource> _waiting = new();

    public Task Published(string meetingId, IReadOnlyList<LogEntry> changes, MeetingView snapshot, MeetingChanged push)
    {
        _published.GetOrAdd(meetingId, _ => new()).Enqueue((changes, snapshot));
        _waiting.GetOrAdd((meetingId, snapshot.Version), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return Task.CompletedTask;
    }

    public Task Announced(string meetingId, CapAnnouncement announcement)
    {
        _announced.GetOrAdd(meetingId, _ => new()).Enqueue(announcement);
        _waiting.GetOrAdd((meetingId, -announcement.MinutesLeft), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return Task.CompletedTask;
    }

    public IReadOnlyList<(IReadOnlyList<LogEntry> Changes, MeetingView Snapshot)> Of(string meetingId) =>
        _published.TryGetValue(meetingId, out var queue) ? queue.ToList() : [];

    public IReadOnlyList<CapAnnouncement> AnnouncementsOf(string meetingId) =>
        _announced.TryGetValue(meetingId, out var queue) ? queue.ToList() : [];

    /// <summary>Completes when the meeting announces the warning <paramref name="minutesLeft"/> minutes before a cap, bounded.</summary>
    public Task WhenAnnounced(string meetingId, int minutesLeft) =>
        _waiting.GetOrAdd((meetingId, -minutesLeft), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Completes when the meeting publishes <paramref name="version"/>: what a follower waits for, bounded.</summary>
    public Task WhenPublished(string meetingId, long version) =>
        _waiting.GetOrAdd((meetingId, version), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(10));
}
