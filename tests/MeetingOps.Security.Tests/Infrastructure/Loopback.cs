using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using MeetingOps.Contracts;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingOps.Security.Tests.Infrastructure;

/// <summary>
/// Clients that come from a chosen loopback address. The server counts its limits per client address, and all of
/// 127.0.0.0/8 is this machine: binding the client's socket to 127.0.0.2, 127.0.0.3, ... makes each one a different
/// client to the server, as different hosts on the internet would be. So an attacker's address can be exhausted while
/// the organizer (127.0.0.1) and a bystander (127.0.0.2) are still served, with the DEFAULT limits.
/// </summary>
public static class Loopback
{
    /// <summary>The organizer setting up meetings and checking that nothing changed.</summary>
    public static readonly IPAddress Organizer = IPAddress.Parse("127.0.0.1");

    /// <summary>A bystander reading the list of meetings while someone else attacks.</summary>
    public static readonly IPAddress Bystander = IPAddress.Parse("127.0.0.2");

    /// <summary>The attacker of a test; <paramref name="test"/> (1–250) keeps the tests' addresses apart.</summary>
    public static IPAddress Attacker(int test, int host = 1) => new([127, 0, (byte)test, (byte)host]);

    public static SocketsHttpHandler Handler(IPAddress from) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(from, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        MaxConnectionsPerServer = 64,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    };

    public static HttpClient Client(IPAddress from, Uri baseAddress) =>
        new(Handler(from), disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>
    /// A hub connection (JSON, WebSockets straight away, no negotiation: one request opens it) from <paramref name="from"/>.
    /// </summary>
    public static async Task<HubConnection> HubAsync(IPAddress from, Uri baseAddress)
    {
        var invoker = new HttpMessageInvoker(Handler(from), disposeHandler: true);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/meetings"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var socket = new ClientWebSocket();
                    try
                    {
                        await socket.ConnectAsync(context.Uri, invoker, cancellationToken);
                        return socket;
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                };
            })
            .Build();
        connection.Closed += _ =>
        {
            invoker.Dispose();
            return Task.CompletedTask;
        };
        await connection.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return connection;
    }

    /// <summary>A chair's command over the hub as the pages send it (<c>Command</c>, one <see cref="ChairCommand"/>); the reply as JSON.</summary>
    public static Task<JsonElement> CommandAsync(this HubConnection connection, string meetingId, string? key, string kind, string id, string action) =>
        connection.InvokeAsync<JsonElement>("Command", new ChairCommand(meetingId, kind, id, action, key, Guid.NewGuid().ToString("N")))
            .WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>A command naming who presides.</summary>
    public static Task<JsonElement> CommandAsAsync(this HubConnection connection, string meetingId, string? key, string kind, string id, string action, string actorName) =>
        connection.InvokeAsync<JsonElement>("Command", new ChairCommand(meetingId, kind, id, action, key, Guid.NewGuid().ToString("N"), ActorName: actorName))
            .WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>A command with a confirmation (<c>offDay</c>: a sitting of another day).</summary>
    public static Task<JsonElement> ConfirmedAsync(this HubConnection connection, string meetingId, string? key, string kind, string id, string action, string? confirm) =>
        connection.InvokeAsync<JsonElement>("Command", new ChairCommand(meetingId, kind, id, action, key, Guid.NewGuid().ToString("N"), Confirm: confirm))
            .WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary><c>Undo</c> (one <see cref="UndoRequest"/>): takes back the latest change.</summary>
    public static Task<JsonElement> UndoAsync(this HubConnection connection, string meetingId, string? key) =>
        connection.InvokeAsync<JsonElement>("Undo", new UndoRequest(meetingId, key, Guid.NewGuid().ToString("N")))
            .WaitAsync(TimeSpan.FromSeconds(30));

    public static bool Accepted(this JsonElement reply) => reply.GetProperty("accepted").GetBoolean();

    /// <summary>The status of a refused reply's problem (0 when accepted).</summary>
    public static int ProblemStatus(this JsonElement reply) =>
        reply.TryGetProperty("problem", out var problem) && problem.ValueKind == JsonValueKind.Object ? problem.GetProperty("status").GetInt32() : 0;
}
