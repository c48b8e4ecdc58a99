using System.Diagnostics;
using System.Text.Json;
using MeetingOps.Contracts;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingOps.LoadTests;

/// <summary>
/// A follower on the real SignalR .NET client (HubConnection, JSON, WebSockets): a few of these run beside the
/// light followers, so the report can show that both kinds measure the same.
/// </summary>
public sealed class HubFollower(Uri hub, string meetingId, int meeting, SourceAddresses sources) : IFollower
{
    private HubConnection? _connection;
    private volatile bool _stopping;

    public int Meeting => meeting;

    public string Kind => "hub";

    public bool Held { get; private set; }

    public string? Failure { get; private set; }

    public Receipts Receipts { get; } = new();

    /// <summary>The last push as it arrived: the payload the bare hub is given to push.</summary>
    public JsonElement? LastPush { get; private set; }

    /// <summary>The push before it (the other of the chair's two moves): the bare hub alternates the two, as the chair does.</summary>
    public JsonElement? PushBefore { get; private set; }

    /// <summary>The snapshot Follow answered: what the bare hub answers its own follows with.</summary>
    public JsonElement? Followed { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _connection = new HubConnectionBuilder()
                .WithUrl(hub, HttpTransportType.WebSockets, o =>
                {
                    o.SkipNegotiation = true;
                    o.HttpMessageHandlerFactory = _ => sources.Handler();
                    o.WebSocketFactory = async (context, ct) =>
                    {
                        var socket = new System.Net.WebSockets.ClientWebSocket();
                        await socket.ConnectAsync(context.Uri, new HttpMessageInvoker(sources.Handler()), ct);
                        return socket;
                    };
                })
                .Build();
            _connection.On<JsonElement>(MeetingClientMethods.Changed, push =>
            {
                var now = Stopwatch.GetTimestamp();
                Receipts.Add(push.GetProperty("version").GetInt64(), now);
                PushBefore = LastPush;
                LastPush = push.Clone();
            });
            _connection.Closed += e =>
            {
                if (!_stopping)
                {
                    Failure ??= $"closed: {e?.Message}";
                    Held = false;
                }
                return Task.CompletedTask;
            };
            await _connection.StartAsync(cancellationToken);
            Followed = (await _connection.InvokeAsync<JsonElement>("Follow", meetingId, cancellationToken)).Clone();
            Held = true;
        }
        catch (Exception e)
        {
            Failure ??= $"{e.GetType().Name}: {e.Message}";
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
