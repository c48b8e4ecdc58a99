using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace MeetingOps.Server.Live;

/// <summary>
/// Guards the hub against cross-site WebSocket hijacking: a browser request to <c>/hubs/meetings</c> (negotiate,
/// WebSocket upgrade, fallbacks) whose <c>Origin</c> is neither the host's own origin nor allowed by
/// <c>MeetingOps:AllowedOrigins</c> (empty: loopback origins) is refused with 403. Requests without an Origin
/// (not from a browser page: apps, tools, tests) pass; the chair key, not the origin, is what lets anyone act.
/// </summary>
public sealed class OriginCheck(RequestDelegate next, IOptions<LiveOptions> options)
{
    private readonly HashSet<string> _allowed = options.Value.AllowedOrigins
        .Select(o => LiveOptions.TryNormalizeOrigin(o, out var n) ? n : null)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origins = context.Request.Headers[HeaderNames.Origin];
        if (origins.Count == 0 || Allowed(context.Request, origins.ToString()))
        {
            return next(context);
        }
        return TypedResults.Problem(
            $"Pages from {origins} may not connect to the live hub. Pages of this host may; other origins must be listed in MeetingOps:AllowedOrigins.",
            statusCode: StatusCodes.Status403Forbidden, title: "Origin not allowed", type: "urn:meetingops:problem:origin-not-allowed")
            .ExecuteAsync(context);
    }

    public bool Allowed(HttpRequest request, string origin)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!LiveOptions.TryNormalizeOrigin(origin, out var normalized))
        {
            return false; // "null" (sandboxed frames, file pages) or garbage
        }
        if (LiveOptions.TryNormalizeOrigin($"{request.Scheme}://{request.Host}", out var own) && normalized == own)
        {
            return true;
        }
        return _allowed.Count == 0 ? new Uri(normalized).IsLoopback : _allowed.Contains(normalized);
    }
}
