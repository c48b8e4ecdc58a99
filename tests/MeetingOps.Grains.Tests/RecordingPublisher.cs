using System.Collections.Concurrent;
using MeetingOps.Domain;

namespace MeetingOps.Grains.Tests;

/// <summary>Records every publication, per meeting, in the order the grains made them.</summary>
public sealed class RecordingPublisher : IMeetingPublisher
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(IReadOnlyList<LogEntry> Changes, MeetingView Snapshot)>> _published = new();

    public Task Published(string meetingId, IReadOnlyList<LogEntry> changes, MeetingView snapshot)
    {
        _published.GetOrAdd(meetingId, _ => new()).Enqueue((changes, snapshot));
        return Task.CompletedTask;
    }

    public IReadOnlyList<(IReadOnlyList<LogEntry> Changes, MeetingView Snapshot)> Of(string meetingId) =>
        _published.TryGetValue(meetingId, out var queue) ? queue.ToList() : [];
}
