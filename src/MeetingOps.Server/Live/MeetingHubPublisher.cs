using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Grains;
using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.Server.Live;

/// <summary>
/// The meeting grain's publishing port, implemented with the hub context: every committed change goes to the
/// meeting's group as one <see cref="MeetingChanged"/>. Pushes of one meeting leave one after another in the order
/// the grain published them (version order); the grain does not wait for the fan-out, so the chair's next command
/// is not held up by thousands of followers or by one whose network stalls. A follower that still misses a push
/// sees the gap by version and resyncs. SignalR serializes a group push once per protocol, not once per connection.
/// </summary>
public sealed partial class MeetingHubPublisher(IHubContext<MeetingHub> hub, ILogger<MeetingHubPublisher> logger) : IMeetingPublisher
{
    /// <summary>How long a push may take to be handed to every follower before the meeting's next push goes anyway.</summary>
    public static readonly TimeSpan SendWait = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();

    /// <summary>Per meeting, the last push queued; the next one starts when it is done. Removed when a meeting goes quiet.</summary>
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    public Task Published(string meetingId, IReadOnlyList<LogEntry> changes, MeetingView snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Queue(meetingId, MeetingHub.ChangedMethod, new MeetingChanged(meetingId, snapshot.Version, changes, snapshot), $"version {snapshot.Version}");
        return Task.CompletedTask;
    }

    public Task Announced(string meetingId, CapAnnouncement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        Queue(meetingId, MeetingHub.AnnouncedMethod,
            new CapWarning(meetingId, announcement.SessionId, announcement.MinutesLeft, announcement.CapAt, announcement.Message),
            $"the cap warning of session {announcement.SessionId}");
        return Task.CompletedTask;
    }

    private void Queue(string meetingId, string method, object message, string what)
    {
        Task next;
        lock (_gate)
        {
            var tail = _tails.GetValueOrDefault(meetingId) ?? Task.CompletedTask;
            next = After(tail, meetingId, method, message, what);
            _tails[meetingId] = next;
        }
        _ = next.ContinueWith(done =>
        {
            lock (_gate)
            {
                if (_tails.TryGetValue(meetingId, out var current) && current == done)
                {
                    _tails.Remove(meetingId);
                }
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task After(Task tail, string meetingId, string method, object message, string what)
    {
        await tail.ConfigureAwait(false);
        // Off the grain's turn: the fan-out to the group runs on the thread pool while the grain goes on.
        await Task.Run(() => Send(meetingId, method, message, what)).ConfigureAwait(false);
    }

    /// <summary>Sends to the meeting's group; never throws, and never holds the meeting's next push up for long.</summary>
    private async Task Send(string meetingId, string method, object message, string what)
    {
        Task send;
        try
        {
            send = hub.Clients.Group(MeetingHub.GroupOf(meetingId)).SendAsync(method, message);
        }
        catch (Exception e)
        {
            LogPushFailed(e, meetingId, what);
            return;
        }
        try
        {
            // A follower whose network stalls must not hold up the others: after a while the push finishes on its own.
            await send.WaitAsync(SendWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogPushSlow(meetingId, what, SendWait.TotalSeconds);
            _ = send.ContinueWith(t => LogPushFailed(t.Exception!, meetingId, what),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (Exception e)
        {
            LogPushFailed(e, meetingId, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: pushing {What} to its followers failed; they resync by version")]
    private partial void LogPushFailed(Exception exception, string meetingId, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: pushing {What} took longer than {Seconds} s; the next push goes on")]
    private partial void LogPushSlow(string meetingId, string what, double seconds);
}
