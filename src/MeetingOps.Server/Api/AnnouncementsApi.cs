using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>
/// <c>POST /api/meetings/{id}/announcements {"text": "…", "until": "…"}</c> and <c>DELETE …/announcements/{announcementId}</c>:
/// notices to everyone following, by the chair or the secretariat; logged, pushed, shown until they expire or are withdrawn.
/// </summary>
public static class AnnouncementsApi
{
    /// <summary>The text's limit in UTF-8 plus room for the JSON around it.</summary>
    private const int MaxBodyBytes = Announcements.MaxTextLength * 4 + 1024;

    /// <summary>The request body.</summary>
    public sealed record NewAnnouncement(string? Text = null, DateTimeOffset? Until = null);

    public static RouteGroupBuilder MapAnnouncementsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/{id}").WithTags("Commands");
        group.MapPost("/announcements", Announce)
            .WithSummary("Announce to everyone following (chair or organizer key; Idempotency-Key; If-Match): one line of text, shown until \"until\" (optional, in the future) or withdrawn.")
            .Accepts<NewAnnouncement>("application/json");
        group.MapDelete("/announcements/{announcementId}", Withdraw)
            .WithSummary("Withdraw an announcement (chair or organizer key; Idempotency-Key; If-Match); the log keeps it and its withdrawal.");
        return group;
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> Announce(MeetingId id, HttpContext http, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken)
    {
        var (headers, body, refused) = await CommandRequest.ReadAsync<NewAnnouncement>(http.Request, MaxBodyBytes,
            "announcement ({\"text\": \"Informal consultations at 13:00 in Room M3\", \"until\": \"2022-05-23T13:30:00+02:00\"})", cancellationToken);
        if (headers is null || body is null)
        {
            return refused!;
        }
        var envelope = new AnnounceEnvelope(headers.Key, headers.IdempotencyKey, headers.ExpectedVersion, headers.ActorName, body.Text, body.Until);
        var outcome = await calls.Command(headers.IdempotencyKey, () => grains.GetGrain<IMeetingAnnouncementsGrain>(id).Announce(envelope), cancellationToken);
        return CommandsApi.Answer(http, outcome) ?? (Results<Ok<MeetingView>, ProblemHttpResult>)TypedResults.Ok(outcome.Snapshot!);
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> Withdraw(MeetingId id, string announcementId, HttpContext http, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken)
    {
        var (headers, error) = CommandHeaders.Read(http.Request);
        if (headers is null)
        {
            return error!;
        }
        if (announcementId.Length > 20 || !announcementId.All(char.IsAsciiDigit))
        {
            var shown = announcementId[..Math.Min(announcementId.Length, 40)];
            return Problems.From(new Refusal(RefusalKind.NotFound, $"This meeting has no announcement \"{shown}\".",
                Text: ServerPhrases.AnnouncementNotFound.With(("id", shown))));
        }
        var envelope = new WithdrawEnvelope(headers.Key, headers.IdempotencyKey, headers.ExpectedVersion, headers.ActorName, announcementId);
        var outcome = await calls.Command(headers.IdempotencyKey, () => grains.GetGrain<IMeetingAnnouncementsGrain>(id).WithdrawAnnouncement(envelope), cancellationToken);
        return CommandsApi.Answer(http, outcome) ?? (Results<Ok<MeetingView>, ProblemHttpResult>)TypedResults.Ok(outcome.Snapshot!);
    }
}
