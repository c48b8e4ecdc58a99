using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Grains;
using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.Server.Live;

/// <summary>
/// Pushes to a meeting's followers, on every host, without the SignalR Redis backplane. The host that holds the
/// meeting's grain sends each push to its own connections (its SignalR groups are its own) and once to every other
/// host's relay over Orleans (<see cref="IFollowersRelay"/>, as the Orleans GPSTracker sample does), which sends it to
/// that host's connections. One message per host per push, instead of a Redis publish read back by every host.
/// Pushes of one meeting leave one after another in the order the grain published them (version order), here and
/// on each host; the grain does not wait for the fan-out, so the chair's next command is not held up by thousands of
/// followers or by one whose network stalls. A follower that still misses a push sees the gap by version and resyncs.
/// </summary>
public sealed partial class FollowerPushes(IHubContext<MeetingHub, IMeetingClient> hub, ILogger<FollowerPushes> logger) : IFollowersRelay
{
    /// <summary>How long a push may take to be handed to every follower (or host) before the meeting's next push goes anyway.</summary>
    public static readonly TimeSpan SendWait = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();

    /// <summary>Per meeting and target (this host, or another host), the last push queued; the next one starts when it is done. Removed when quiet.</summary>
    private readonly Dictionary<(string Meeting, string Target), Task> _tails = [];

    /// <summary>The other hosts' relays (cluster mode), kept by <see cref="FollowersRelayService"/>.</summary>
    private volatile IReadOnlyList<FollowerHost> _others = [];

    /// <summary>This host's id among the hosts (null until it registers; alone, it never does).</summary>
    public string? HostId { get; set; }

    /// <summary>The other hosts pushes go to now.</summary>
    public IReadOnlyList<FollowerHost> Others => _others;

    /// <summary>A push from a grain on this host: to this host's followers and to every other host.</summary>
    public void Publish(RelayedPush push)
    {
        ArgumentNullException.ThrowIfNull(push);
        Queue(push.MeetingId, Local, () => Send(push));
        foreach (var host in _others)
        {
            // Each host has its own line per meeting: a host that is slow or gone holds up only its own followers.
            Queue(push.MeetingId, host.HostId, () => Relay(host, push));
        }
    }

    /// <summary>A push relayed by the host that holds the meeting's grain: to this host's followers only.</summary>
    public Task Deliver(RelayedPush push)
    {
        ArgumentNullException.ThrowIfNull(push);
        Queue(push.MeetingId, Local, () => Send(push));
        return Task.CompletedTask;
    }

    /// <summary>
    /// The hosts grain announces a host it sees for the first time. Only adds: the announcement is sent without waiting
    /// and can arrive after (or before) the answer to this host's own registration, so it must not undo a newer list;
    /// hosts leave only by <see cref="Registered"/>.
    /// </summary>
    public Task HostsChanged(IReadOnlyList<FollowerHost> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var now = DateTimeOffset.UtcNow;
        lock (_gate)
        {
            var others = _others.ToList();
            foreach (var host in hosts.Where(h => h.HostId != HostId))
            {
                _announced[host.HostId] = (host, now);
                others.RemoveAll(o => o.HostId == host.HostId);
                others.Add(host);
            }
            _others = others;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// The answer to this host's registration, asked at <paramref name="asked"/>: the hosts from now on. A host announced
    /// after the question was asked is kept even if the answer (computed before it registered) does not name it yet;
    /// without that, a late answer dropped a host that had just joined, and its followers missed pushes until the next beat.
    /// </summary>
    public void Registered(IReadOnlyList<FollowerHost> hosts, DateTimeOffset asked)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        lock (_gate)
        {
            foreach (var old in _announced.Where(a => a.Value.At < asked).Select(a => a.Key).ToList())
            {
                _announced.Remove(old);
            }
            var others = hosts.Where(h => h.HostId != HostId).ToList();
            others.AddRange(_announced.Values.Select(a => a.Host).Where(a => !others.Any(o => o.HostId == a.HostId)));
            _others = others;
        }
    }

    /// <summary>Hosts announced by the hosts grain, and when, until a registration answer asked after that names them or not.</summary>
    private readonly Dictionary<string, (FollowerHost Host, DateTimeOffset At)> _announced = [];

    private const string Local = "";

    private void Queue(string meetingId, string target, Func<Task> send)
    {
        var line = (meetingId, target);
        Task next;
        lock (_gate)
        {
            var tail = _tails.GetValueOrDefault(line) ?? Task.CompletedTask;
            next = After(tail, send);
            _tails[line] = next;
        }
        _ = next.ContinueWith(done =>
        {
            lock (_gate)
            {
                if (_tails.TryGetValue(line, out var current) && current == done)
                {
                    _tails.Remove(line);
                }
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static async Task After(Task tail, Func<Task> send)
    {
        await tail.ConfigureAwait(false);
        // Off the grain's turn: the fan-out runs on the thread pool while the grain goes on.
        await Task.Run(send).ConfigureAwait(false);
    }

    /// <summary>
    /// Hands the push to another host; never throws. The call is awaited whole (Orleans' response timeout bounds it), so
    /// the next push to that host leaves only once this one is queued there: pushes arrive in order. Cutting the wait
    /// short let the next push overtake a slow one, and dropping a host that was merely slow (a loaded machine) made its
    /// followers miss every push until its next registration. A slow host holds up only its own line. A host whose call
    /// fails leaves the list until it registers again, and what was queued for it meanwhile is not sent.
    /// </summary>
    private async Task Relay(FollowerHost host, RelayedPush push)
    {
        if (!_others.Any(h => h.HostId == host.HostId))
        {
            return; // dropped after this push was queued: its followers resync by version when it is back
        }
        try
        {
            await host.Relay.Deliver(push).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            LogRelayFailed(e, push.MeetingId, Describe(push), host.HostId);
            lock (_gate)
            {
                _others = _others.Where(h => h.HostId != host.HostId).ToList();
                _announced.Remove(host.HostId);
            }
        }
    }

    /// <summary>Sends to the meeting's group on this host; never throws, and never holds the meeting's next push up for long.</summary>
    private async Task Send(RelayedPush push)
    {
        if (push is { Changed: null, Announcement: null, Floor: null })
        {
            return;
        }
        Task send;
        try
        {
            var followers = hub.Clients.Group(MeetingHub.GroupOf(push.MeetingId));
            send = push switch
            {
                { Changed: { } changed } => followers.Changed(changed),
                { Announcement: { } a } => followers.Announced(new CapWarning(push.MeetingId, a.SessionId, a.MinutesLeft, a.CapAt, a.Message)),
                _ => followers.Floor(push.Floor!),
            };
        }
        catch (Exception e)
        {
            LogPushFailed(e, push.MeetingId, Describe(push));
            return;
        }
        try
        {
            // A follower whose network stalls must not hold up the others: after a while the push finishes on its own.
            await send.WaitAsync(SendWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogPushSlow(push.MeetingId, Describe(push), SendWait.TotalSeconds);
            _ = send.ContinueWith(t => LogPushFailed(t.Exception!, push.MeetingId, Describe(push)),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (Exception e)
        {
            LogPushFailed(e, push.MeetingId, Describe(push));
        }
    }

    private static string Describe(RelayedPush push) => push switch
    {
        { Changed: { } changed } => $"version {changed.Version}",
        { Announcement: { } a } => $"the cap warning of session {a.SessionId}",
        { Floor: { } floor } => $"the floor of item {floor.ItemId}",
        _ => "nothing",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: pushing {What} to its followers failed; they resync by version")]
    private partial void LogPushFailed(Exception exception, string meetingId, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: pushing {What} took longer than {Seconds} s; the next push goes on")]
    private partial void LogPushSlow(string meetingId, string what, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: relaying {What} to host {HostId} failed; its followers resync by version")]
    private partial void LogRelayFailed(Exception exception, string meetingId, string what, string hostId);
}
