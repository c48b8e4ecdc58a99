using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Grains;
using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.Server.Live;

/// <summary>
/// The meeting grain's publishing port, implemented with the hub context: every committed change goes to the
/// meeting's group as one <see cref="MeetingChanged"/>. The grain awaits this between commands, so pushes leave
/// in version order; a follower that still misses one sees the gap by version and resyncs.
/// </summary>
public sealed partial class MeetingHubPublisher(IHubContext<MeetingHub> hub, ILogger<MeetingHubPublisher> logger) : IMeetingPublisher
{
    /// <summary>How long a command waits for its push to be handed to every follower before it goes on without it.</summary>
    public static readonly TimeSpan SendWait = TimeSpan.FromSeconds(2);

    public Task Published(string meetingId, IReadOnlyList<LogEntry> changes, MeetingView snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Send(meetingId, MeetingHub.ChangedMethod, new MeetingChanged(meetingId, snapshot.Version, changes, snapshot), $"version {snapshot.Version}");
    }

    public Task Announced(string meetingId, CapAnnouncement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        return Send(meetingId, MeetingHub.AnnouncedMethod,
            new CapWarning(meetingId, announcement.SessionId, announcement.MinutesLeft, announcement.CapAt, announcement.Message),
            $"the cap warning of session {announcement.SessionId}");
    }

    /// <summary>Sends to the meeting's group; never throws (the port's contract), and never holds a command up for long.</summary>
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
            // A follower whose network stalls must not hold up the chair: after a while the push finishes on its own.
            await send.WaitAsync(SendWait);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: pushing {What} took longer than {Seconds} s; the command goes on")]
    private partial void LogPushSlow(string meetingId, string what, double seconds);
}
