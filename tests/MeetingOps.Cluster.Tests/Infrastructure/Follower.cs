using System.Diagnostics;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>
/// A follower connected to one host, as the pages are: follows meetings, applies a push from the version it holds,
/// ignores older ones, resyncs (follows again) on a gap or after a reconnect. When its host dies it keeps
/// reconnecting to the same address until the host is back.
/// </summary>
public sealed class Follower : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MeetingView> _meetings = [];
    private readonly HubConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private int _resyncs;

    private Follower(ClusterHost host)
    {
        Host = host;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/meetings"))
            .WithAutomaticReconnect(new EveryHalfSecond())
            .AddJsonProtocol(o => MeetingOpsJson.Configure(o.PayloadSerializerOptions))
            .Build();
        _connection.On<MeetingChanged>(MeetingClientMethods.Changed, OnChanged);
        _connection.Reconnected += _ => ResyncAllAsync();
        _connection.Closed += _ => RestartAsync();
    }

    public ClusterHost Host { get; }

    /// <summary>How often it followed again to catch up (gaps and reconnects).</summary>
    public int Resyncs => _resyncs;

    /// <summary>The pushes that did not apply (why it followed again), for a failure's message; bounded.</summary>
    public IReadOnlyList<string> Gaps
    {
        get
        {
            lock (_gate)
            {
                return [.. _gaps];
            }
        }
    }

    private readonly List<string> _gaps = [];

    public static async Task<Follower> ConnectAsync(ClusterHost host, IEnumerable<string> meetingIds)
    {
        var follower = new Follower(host);
        await follower._connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(15));
        foreach (var id in meetingIds)
        {
            lock (follower._gate)
            {
                follower._meetings[id] = null!;
            }
            await follower.FollowAsync(id);
        }
        return follower;
    }

    public MeetingView? Seen(string meetingId)
    {
        lock (_gate)
        {
            return _meetings.GetValueOrDefault(meetingId);
        }
    }

    private void OnChanged(MeetingChanged push)
    {
        bool gap;
        lock (_gate)
        {
            if (!_meetings.TryGetValue(push.MeetingId, out var seen))
            {
                return;
            }
            var version = seen?.Version ?? 0;
            // Applied from the version it starts from; anything newer that does not apply is a gap: follow again.
            var next = seen is null ? null : MeetingChanges.Apply(seen, push);
            gap = push.Version > version && next is null;
            if (gap && _gaps.Count < 20)
            {
                _gaps.Add(seen is null
                    ? $"v{push.Version} before the first snapshot"
                    : $"v{push.Version} since v{push.Since} on v{version} ({string.Join(" ", push.Changes.Select(c => c.Kind))})");
            }
            if (push.Version > version && next is not null)
            {
                _meetings[push.MeetingId] = next;
            }
        }
        if (gap)
        {
            _ = FollowAsync(push.MeetingId);
        }
    }

    private async Task FollowAsync(string meetingId)
    {
        for (var attempt = 0; attempt < 40 && !_stop.IsCancellationRequested; attempt++)
        {
            try
            {
                var snapshot = await _connection.InvokeAsync<MeetingView>("Follow", meetingId).WaitAsync(TimeSpan.FromSeconds(10));
                Interlocked.Increment(ref _resyncs);
                lock (_gate)
                {
                    if (_meetings[meetingId] is not { } seen || seen.Version < snapshot.Version)
                    {
                        _meetings[meetingId] = snapshot;
                    }
                }
                return;
            }
            catch (Exception e) when (e is HubException or InvalidOperationException or TimeoutException or IOException or TaskCanceledException)
            {
                await Task.Delay(250); // the host or the cluster is not answering yet: bounded retries
            }
        }
    }

    private Task ResyncAllAsync()
    {
        List<string> ids;
        lock (_gate)
        {
            ids = [.. _meetings.Keys];
        }
        return Task.WhenAll(ids.Select(FollowAsync));
    }

    /// <summary>Automatic reconnect gave up (it never does here) or the first reconnect failed: start again, bounded.</summary>
    private async Task RestartAsync()
    {
        var clock = Stopwatch.StartNew();
        while (!_stop.IsCancellationRequested && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                await _connection.StartAsync(_stop.Token);
                await ResyncAllAsync();
                return;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or OperationCanceledException)
            {
                await Task.Delay(500); // the host is still down
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _connection.DisposeAsync();
        _stop.Dispose();
    }

    private sealed class EveryHalfSecond : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.ElapsedTime < TimeSpan.FromMinutes(2) ? TimeSpan.FromMilliseconds(500) : null;
    }
}
