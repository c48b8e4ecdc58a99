using System.Net;
using System.Net.Sockets;

namespace MeetingOps.LoadTests;

/// <summary>
/// Spreads outgoing connections over several loopback source addresses (127.0.0.2, 127.0.0.3, …): each source
/// address has its own ~28k ephemeral ports towards one server port, so 10k+ connections (and the TIME_WAIT left by
/// the previous scenario) never run out of ports.
/// </summary>
public sealed class SourceAddresses(int count)
{
    private int _next = -1;

    public IPAddress Next() => new([127, 0, 0, (byte)(2 + (int)((uint)Interlocked.Increment(ref _next) % (uint)Math.Max(1, count)))]);

    /// <summary>An HTTP handler whose connections bind to the next source address; used for the WebSocket upgrades.</summary>
    public SocketsHttpHandler Handler() => new()
    {
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(Next(), 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
