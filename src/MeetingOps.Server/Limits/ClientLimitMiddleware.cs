using System.Globalization;
using System.Threading.RateLimiting;
using MeetingOps.Domain;
using MeetingOps.Server.Api;
using MeetingOps.Server.Live;

namespace MeetingOps.Server.Limits;

/// <summary>
/// The limits at the door, before routing, so every route (present and future) under <c>/api</c> and the hub's
/// connection requests get them without saying so. A refusal is a small 429 problem with Retry-After written here,
/// before any grain is asked: refusing must stay far cheaper than the work it refuses, or a flood still slows the others.
/// </summary>
public sealed class ClientLimitMiddleware(RequestDelegate next, ClientLimits limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        if (!limits.Options.Enabled)
        {
            await next(context);
            return;
        }
        if (path.StartsWithSegments(MeetingHub.Path))
        {
            await HubConnectionAsync(context);
            return;
        }
        if (!path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        var address = ClientLimits.AddressOf(context.Connection.RemoteIpAddress);
        var isRead = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method);
        var key = CommandHeaders.BearerKey(context.Request);
        // An address that keeps presenting wrong keys gets no more answers about keys for a while: not even a grain read.
        if ((!isRead || key is not null) && limits.KeyFailuresExhausted(address))
        {
            limits.Refused(LimitKind.KeyFailures, address);
            await TooManyAsync(context, LimitKind.KeyFailures, TimeSpan.FromSeconds(Math.Ceiling(60.0 / limits.Options.KeyFailuresPerMinute)));
            return;
        }
        using (var lease = isRead ? limits.Read(address) : limits.Command(address))
        {
            if (!lease.IsAcquired)
            {
                await RefuseAsync(context, isRead ? LimitKind.Reads : LimitKind.Commands, address, lease);
                return;
            }
        }
        if (!isRead && !string.IsNullOrEmpty(key))
        {
            using var keyLease = limits.Key(key);
            if (!keyLease.IsAcquired)
            {
                await RefuseAsync(context, LimitKind.Key, address, keyLease);
                return;
            }
        }
        using var slot = await limits.EnterAsync(address, context.RequestAborted);
        if (!slot.IsAcquired)
        {
            await RefuseAsync(context, LimitKind.Concurrency, address, slot);
            return;
        }
        await next(context);
        if (context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            limits.KeyFailed(address);
        }
    }

    /// <summary>Opening connections is limited (negotiations and direct WebSocket connects); the open connection's traffic is the hub filter's.</summary>
    private async Task HubConnectionAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var opens = path.StartsWithSegments(MeetingHub.Path + "/negotiate")
                    || (path.Equals(MeetingHub.Path, StringComparison.OrdinalIgnoreCase) && !context.Request.Query.ContainsKey("id"));
        if (opens)
        {
            var address = ClientLimits.AddressOf(context.Connection.RemoteIpAddress);
            using var lease = limits.Connection(address);
            if (!lease.IsAcquired)
            {
                await RefuseAsync(context, LimitKind.Connections, address, lease);
                return;
            }
        }
        await next(context);
    }

    private Task RefuseAsync(HttpContext context, LimitKind kind, string address, RateLimitLease lease)
    {
        limits.Refused(kind, address);
        return TooManyAsync(context, kind, ClientLimits.RetryAfter(lease, kind));
    }

    public static Task TooManyAsync(HttpContext context, LimitKind kind, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Results.Problem(Detail(kind, seconds), statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            type: "urn:meetingops:problem:too-many-requests", extensions: new Dictionary<string, object?> { ["text"] = Text(kind, seconds) })
            .ExecuteAsync(context);
    }

    public static string Detail(LimitKind kind, int seconds) => kind switch
    {
        LimitKind.KeyFailures => $"Too many wrong or missing keys from this address. Check the key, and try again in {seconds} s.",
        LimitKind.Connections => $"Too many new connections from this address. Try again in {seconds} s.",
        LimitKind.Concurrency => "Too many requests from this address are in progress at once. Wait for them to finish.",
        LimitKind.Key => $"Too many commands with this key. Try again in {seconds} s.",
        LimitKind.FloorKey => $"Too many floor commands with this key: your earlier ones are counted. Try again in {seconds} s.",
        _ => $"Too many requests from this address. Try again in {seconds} s.",
    };

    /// <summary>The same as a phrase, for a page to say in the viewer's language.</summary>
    public static ServerText Text(LimitKind kind, int seconds) => kind switch
    {
        LimitKind.KeyFailures => ServerPhrases.LimitKeyFailures.With(("waitSeconds", seconds)),
        LimitKind.Connections => ServerPhrases.LimitConnections.With(("waitSeconds", seconds)),
        LimitKind.Concurrency => ServerPhrases.LimitConcurrency.With(),
        LimitKind.Key => ServerPhrases.LimitKey.With(("waitSeconds", seconds)),
        LimitKind.FloorKey => ServerPhrases.LimitFloorKey.With(("waitSeconds", seconds)),
        _ => ServerPhrases.LimitRequests.With(("waitSeconds", seconds)),
    };
}
