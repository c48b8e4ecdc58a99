using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using QRCoder;

namespace MeetingOps.Server.Api;

/// <summary>
/// The share card's QR code: <c>GET /api/meetings/{id}/follow-qr.svg</c>, the follow link of a live (or archived)
/// meeting drawn as an SVG by QRCoder, for the screens in the room. The link is public, so the code needs no key; a
/// draft is not followable, so it has none (404, as for a meeting that does not exist).
/// </summary>
public static class ShareApi
{
    public static RouteGroupBuilder MapShareApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/{id}").WithTags("Meetings");
        group.MapGet("/follow-qr.svg", FollowQr)
            .WithSummary("The follow link as a QR code (SVG), for the share card on the screens in the room.");
        return group;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> FollowQr(
        MeetingId id, HttpRequest request, HttpResponse response, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken)
    {
        if (await calls.Read(() => grains.GetGrain<IMeetingGrain>(id).GetSnapshot(), cancellationToken) is null)
        {
            return Problems.NoMeeting(id);
        }
        if (PublicLinks.Follow(request, id) is not { } link)
        {
            return Problems.BadRequest("The follow link cannot be made from this request's Host; set MeetingOps:PublicBaseUrl.", text: ServerPhrases.ShareNoHost.With());
        }
        response.Headers.CacheControl = "no-cache";
        return TypedResults.Content(Svg(link.AbsoluteUri), "image/svg+xml; charset=utf-8");
    }

    /// <summary>
    /// The QR code of <paramref name="text"/> as SVG that scales to its box (viewBox), black on white with the quiet zone,
    /// error correction M: the screens in the room show it large, and a phone reads it from a few metres.
    /// </summary>
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
