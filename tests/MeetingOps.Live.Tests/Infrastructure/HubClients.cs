using System.Threading.Channels;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingOps.Live.Tests.Infrastructure;

// The hub's messages are the shared wire records (MeetingOps.Contracts: ChairCommand, CommandReply; the domain's
// MeetingChanged), as the CLI and the load tests use them: a change to the wire shows here as a compile error or a
// failing test, not as two copies drifting apart.

/// <summary>A "changed" push as a follower received it, and the snapshot the follower made of it by applying it.</summary>
/// <param name="Snapshot">The snapshot after this push (null if it could not be applied: a gap or a resync change).</param>
public sealed record ReceivedPush(MeetingChanged Change, MeetingView? Snapshot = null)
{
    public long Version => Change.Version;

    public long Since => Change.Since;

    public string MeetingId => Change.MeetingId;

    public IReadOnlyList<ViewChange> Changes => Change.Changes;

    /// <summary>The log entries the push carries.</summary>
    public IReadOnlyList<ChangeEntry> Entries => Changes.Where(c => c.Kind == ChangeKind.Log).Select(c => c.Entry!).ToList();
}

public enum Protocol
{
    Json,
    MessagePack,
}

/// <summary>Hub connections to a live server, and the chair's command as the pages send it.</summary>
public static class Hub
{
    public const string Path = "/hubs/meetings";

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static async Task<HubConnection> ConnectAsync(LiveServer server, Protocol protocol = Protocol.Json)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, Path))
            .WithStatefulReconnect();
        if (protocol == Protocol.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }
        else
        {
            builder.AddJsonProtocol(o => MeetingOpsJson.Configure(o.PayloadSerializerOptions));
        }
        var connection = builder.Build();
        await connection.StartAsync().WaitAsync(Wait);
        return connection;
    }

    /// <param name="confirm">A confirmation the command carries ("offDay").</param>
    public static Task<CommandReply> CommandAsync(this HubConnection connection, string meetingId, string? chairKey, string kind, string id, string action,
        long? expectedVersion = null, string? sessionId = null, string? idempotencyKey = null, string? confirm = null, string? actorName = null) =>
        connection.InvokeAsync<CommandReply>("Command", new ChairCommand(meetingId, kind, id, action, chairKey, idempotencyKey ?? Guid.NewGuid().ToString("N"),
            expectedVersion, sessionId, actorName, confirm)).WaitAsync(Wait);

    /// <summary>A command that must be accepted; returns the new version.</summary>
    public static async Task<long> ActAsync(this HubConnection connection, string meetingId, string chairKey, string kind, string id, string action, string? confirm = null)
    {
        var reply = await connection.CommandAsync(meetingId, chairKey, kind, id, action, confirm: confirm);
        Assert.True(reply.Accepted, $"{kind} {id} {action} was refused: {reply.Problem}");
        return reply.Version!.Value;
    }

    public static Task<MeetingView> FollowAsync(this HubConnection connection, string meetingId) =>
        connection.InvokeAsync<MeetingView>("Follow", meetingId).WaitAsync(Wait);
}

/// <summary>
/// A follower as the pages are one: follows a meeting, keeps the last version, applies the push of the next version,
/// ignores older ones, and on a gap resyncs by following again. Every push received is kept, in arrival order.
/// </summary>
public sealed class Follower : IAsyncDisposable
{
    private readonly Channel<MeetingChanged> _pushes = Channel.CreateUnbounded<MeetingChanged>();

    private Follower(HubConnection connection, string meetingId)
    {
        Connection = connection;
        MeetingId = meetingId;
        connection.On<MeetingChanged>(MeetingClientMethods.Changed, push => _pushes.Writer.TryWrite(push));
    }

    public HubConnection Connection { get; }

    public string MeetingId { get; }

    public MeetingView? Meeting { get; private set; }

    public long Version => Meeting?.Version ?? -1;

    /// <summary>How many times this follower saw a gap and resynced from a snapshot.</summary>
    public int Resyncs { get; private set; }

    /// <summary>What each resync was for: the version held and the push that did not apply.</summary>
    public List<string> Gaps { get; } = [];

    /// <summary>Every push received, in arrival order.</summary>
    public List<ReceivedPush> Received { get; } = [];

    public static async Task<Follower> StartAsync(LiveServer server, string meetingId, Protocol protocol = Protocol.Json)
    {
        var follower = new Follower(await Hub.ConnectAsync(server, protocol), meetingId);
        await follower.ResyncAsync();
        return follower;
    }

    public async Task ResyncAsync()
    {
        Meeting = await Connection.FollowAsync(MeetingId);
        _read = null;
    }

    private MeetingView? _read;

    /// <summary>The next push as it arrives (no protocol applied), within <see cref="Hub.Wait"/>.</summary>
    public async Task<ReceivedPush> NextPushAsync()
    {
        using var timeout = new CancellationTokenSource(Hub.Wait);
        try
        {
            var change = await _pushes.Reader.ReadAsync(timeout.Token);
            // Each push read is applied to the snapshot of the push read before (the first: to the follower's own).
            var from = _read ?? Meeting;
            var push = new ReceivedPush(change, from is null ? null : MeetingChanges.Apply(from, change));
            _read = push.Snapshot ?? _read;
            Received.Add(push);
            return push;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No push within {Hub.Wait.TotalSeconds:0} s (last version {Version}).");
        }
    }

    /// <summary>Reads pushes until the follower is at <paramref name="version"/>, applying the client protocol to each.</summary>
    public async Task CatchUpAsync(long version)
    {
        while (Version < version)
        {
            var push = await NextPushAsync();
            if (push.Version <= Version)
            {
                continue;
            }
            if (MeetingChanges.Apply(Meeting!, push.Change) is { } next)
            {
                Meeting = next;
                continue;
            }
            Resyncs++;
            Gaps.Add($"at version {Version}: push {push.Since}→{push.Version} [{string.Join(", ", push.Changes.Select(c => c.Kind))}]");
            await ResyncAsync();
        }
    }

    /// <summary>True when a push is already waiting (nothing is waited for).</summary>
    public bool HasPendingPush => _pushes.Reader.Count > 0;

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
