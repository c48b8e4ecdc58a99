using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using MeetingOps.Contracts;

namespace MeetingOps.LoadTests;

/// <summary>
/// A follower as cheap as a WebSocket can be: it speaks the SignalR JSON protocol by hand (handshake, one
/// <c>Follow</c> invocation, pings), reads only the first bytes of each message (type, target and the push's
/// version, which come first) and skips the rest up to the record separator. Thousands fit in one process.
/// </summary>
public sealed class LightFollower(Uri hub, string meetingId, int meeting, HttpMessageInvoker invoker) : IFollower
{
    private const byte RecordSeparator = 0x1e;
    private const int HeadBytes = 256;

    private static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e");
    private static readonly byte[] PingMessage = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly byte[] ChangedTarget = Encoding.UTF8.GetBytes($"\"target\":\"{MeetingClientMethods.Changed}\"");
    private static readonly byte[] VersionProperty = Encoding.UTF8.GetBytes("\"version\":");
    private static readonly byte[] CompletionType = Encoding.UTF8.GetBytes("\"type\":3");
    private static readonly byte[] CloseType = Encoding.UTF8.GetBytes("\"type\":7");
    private static readonly byte[] ErrorProperty = Encoding.UTF8.GetBytes("\"error\":");

    private readonly ClientWebSocket _socket = new();
    private readonly byte[] _head = new byte[HeadBytes];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource<string?> _followed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _headLength;
    private int _messageLength;
    private bool _handshaken;
    private Task? _receiving;
    private volatile bool _stopping;

    public int Meeting => meeting;

    public string Kind => "light";

    public bool Held { get; private set; }

    public string? Failure { get; private set; }

    public Receipts Receipts { get; } = new();

    /// <summary>The Follow answer's size on the wire (the whole SignalR JSON frame, record separator left out): the snapshot.</summary>
    public int FollowBytes { get; private set; }

    /// <summary>The "changed" pushes' sizes on the wire, frame by frame as the server sent them (record separator left out).</summary>
    public PushSizes Pushes { get; } = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _socket.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR pings are the keep-alive
            await _socket.ConnectAsync(hub, invoker, cancellationToken);
            _receiving = Task.Run(ReceiveLoop, CancellationToken.None);
            await SendAsync(Handshake, cancellationToken);
            var follow = Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"Follow\",\"arguments\":[\"{meetingId}\"]}}\u001e");
            await SendAsync(follow, cancellationToken);
            var error = await _followed.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
            if (error is null)
            {
                Held = true;
            }
            else
            {
                Failure ??= $"Follow: {error}";
            }
        }
        catch (Exception e)
        {
            Failure ??= $"{e.GetType().Name}: {e.Message}";
        }
    }

    public async Task PingAsync()
    {
        if (!Held || _stopping || _socket.State != WebSocketState.Open)
        {
            return;
        }
        try
        {
            await SendAsync(PingMessage, CancellationToken.None);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The receive loop records why the connection went.
        }
    }

    private async Task SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveLoop()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                var now = Stopwatch.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Lost("the server closed the connection");
                    return;
                }
                Consume(buffer.AsSpan(0, result.Count), now);
            }
        }
        catch (Exception e)
        {
            Lost($"{e.GetType().Name}: {e.Message}");
        }
    }

    private void Lost(string why)
    {
        if (!_stopping)
        {
            Failure ??= why;
            Held = false;
        }
        _followed.TrySetResult(why);
    }

    /// <summary>Splits the bytes into SignalR messages; keeps each message's first bytes and handles it at its separator.</summary>
    private void Consume(ReadOnlySpan<byte> bytes, long now)
    {
        while (bytes.Length > 0)
        {
            var end = bytes.IndexOf(RecordSeparator);
            var part = end < 0 ? bytes : bytes[..end];
            _messageLength += part.Length;
            var room = HeadBytes - _headLength;
            if (room > 0)
            {
                var take = Math.Min(room, part.Length);
                part[..take].CopyTo(_head.AsSpan(_headLength));
                _headLength += take;
            }
            if (end < 0)
            {
                return;
            }
            Handle(_head.AsSpan(0, _headLength), _messageLength, now);
            _headLength = 0;
            _messageLength = 0;
            bytes = bytes[(end + 1)..];
        }
    }

    private void Handle(ReadOnlySpan<byte> head, int length, long now)
    {
        if (!_handshaken)
        {
            _handshaken = true; // the handshake answer: "{}" or {"error": …}
            if (head.IndexOf(ErrorProperty) >= 0)
            {
                Failure ??= "handshake: " + Encoding.UTF8.GetString(head);
                _followed.TrySetResult(Failure);
            }
            return;
        }
        if (head.IndexOf(ChangedTarget) >= 0)
        {
            var at = head.IndexOf(VersionProperty);
            if (at >= 0 && Utf8Parser.TryParse(head[(at + VersionProperty.Length)..], out long version, out _))
            {
                Receipts.Add(version, now);
                Pushes.Add(length);
            }
            return;
        }
        if (head.IndexOf(CompletionType) >= 0)
        {
            FollowBytes = length;
            _followed.TrySetResult(head.IndexOf(ErrorProperty) >= 0 ? Encoding.UTF8.GetString(head) : null);
            return;
        }
        if (head.IndexOf(CloseType) >= 0)
        {
            Lost("close message: " + Encoding.UTF8.GetString(head));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _socket.Abort();
        _socket.Dispose();
        if (_receiving is not null)
        {
            await _receiving.ConfigureAwait(false);
        }
        _sending.Dispose();
    }
}
