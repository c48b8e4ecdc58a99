using MeetingOps.Server.Hosting;
using Microsoft.Extensions.Options;

namespace MeetingOps.Server.Api;

/// <summary>
/// Absolute links MeetingOps writes into files that leave it (calendars): from <c>MeetingOps:PublicBaseUrl</c> when set,
/// otherwise from the request, and then only a Host header that makes a valid address (a forged <c>x:99999</c> gives
/// no link rather than a 500). Set <c>AllowedHosts</c> or the public URL so a client cannot choose the links' host.
/// </summary>
public static class PublicLinks
{
    public static Uri? Follow(HttpRequest request, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = $"follow/{Uri.EscapeDataString(meetingId)}";
        var configured = request.HttpContext.RequestServices.GetService<IOptions<MeetingOpsOptions>>()?.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured) && Uri.TryCreate(configured.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri))
        {
            return new Uri(baseUri, path);
        }
        return request.Host.HasValue && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}/{path}", UriKind.Absolute, out var uri) ? uri : null;
    }
}
