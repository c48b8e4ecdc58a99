using System.Text.Json;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary><c>POST /api/meetings/{id}/sessions/{sessionId}/extend {"minutes": 10}</c>: more interpretation, once the interpreters agree.</summary>
public static class ExtendApi
{
    private const int MaxBodyBytes = 1024;

    /// <summary>The request body.</summary>
    public sealed record Extension(int? Minutes = null);

    public static RouteGroupBuilder MapExtendApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/{id}").WithTags("Commands");
        group.MapPost("/sessions/{sessionId}/extend", Extend)
            .WithSummary("Extend a capped sitting's interpretation by some minutes, agreed with the interpreters (chair or organizer key; Idempotency-Key; If-Match).")
            .Accepts<Extension>("application/json");
        return group;
    }

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> Extend(MeetingId id, string sessionId, HttpContext http, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken)
    {
        var (headers, extension, refused) = await CommandRequest.ReadAsync<Extension>(http.Request, MaxBodyBytes, "extension ({\"minutes\": 10})", cancellationToken);
        if (headers is null || extension is null)
        {
            return refused!;
        }
        if (extension.Minutes is not { } minutes)
        {
            return Problems.BadRequest("Say how many minutes: {\"minutes\": 10}.", [new("$.minutes", "required", ServerPhrases.DefRequired.With())],
                ServerPhrases.ExtensionMinutesRequired.With());
        }
        var envelope = new ExtendEnvelope(headers.Key, headers.IdempotencyKey, headers.ExpectedVersion, headers.ActorName, sessionId, minutes);
        var outcome = await calls.Command(headers.IdempotencyKey, () => grains.GetGrain<IMeetingGrain>(id).ExtendCap(envelope), cancellationToken);
        return CommandsApi.Answer(http, outcome) ?? (Results<Ok<MeetingView>, ProblemHttpResult>)TypedResults.Ok(outcome.Snapshot!);
    }
}
