using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>The chair's commands: <c>POST /api/meetings/{id}/items/{itemId}/{action}</c> and <c>/sessions/{sessionId}/{action}</c>.</summary>
public static class CommandsApi
{
    public static RouteGroupBuilder MapCommandsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/{id}").WithTags("Commands");
        group.MapPost("/items/{itemId}/{action}", ItemCommand)
            .WithSummary("Take up (open), continue, conclude, adopt, defer or reopen an agenda item (chair key; Idempotency-Key; If-Match).");
        group.MapPost("/sessions/{sessionId}/{action}", SessionCommand)
            .WithSummary("Start, suspend, resume or end a session (chair key; Idempotency-Key; If-Match). A start on a day other than the sitting's planned day is refused (409, code offDay) unless confirmed with ?confirm=offDay.");
        group.MapCorrectionsApi();
        return group;
    }

    private static Task<Results<Ok<MeetingView>, ProblemHttpResult>> ItemCommand(
        MeetingId id, string itemId, string action, HttpContext http, IGrainFactory grains, GrainCalls calls, string? session = null)
    {
        if (!ChairActions.TryParse(action, out ItemAction itemAction))
        {
            return Task.FromResult<Results<Ok<MeetingView>, ProblemHttpResult>>(Problems.BadRequest(ChairActions.UnknownItemAction(action), text: ChairActions.UnknownActionText(action)));
        }
        return Execute(id, http, grains, calls, headers => new CommandEnvelope(headers.Key, headers.IdempotencyKey, headers.ExpectedVersion,
            headers.ActorName, new ItemCommand(itemId, itemAction, session), null));
    }

    private static Task<Results<Ok<MeetingView>, ProblemHttpResult>> SessionCommand(
        MeetingId id, string sessionId, string action, HttpContext http, IGrainFactory grains, GrainCalls calls, string? confirm = null)
    {
        if (!ChairActions.TryParse(action, out SessionAction sessionAction))
        {
            return Task.FromResult<Results<Ok<MeetingView>, ProblemHttpResult>>(Problems.BadRequest(ChairActions.UnknownSessionAction(action), text: ChairActions.UnknownActionText(action)));
        }
        if (confirm is not null && confirm != Domain.SessionCommand.OffDay)
        {
            return Task.FromResult<Results<Ok<MeetingView>, ProblemHttpResult>>(
                Problems.BadRequest($"Unknown confirmation \"{confirm}\" (?confirm=); the one there is: {Domain.SessionCommand.OffDay}.",
                    text: ServerPhrases.CommandUnknownConfirmation.With(("found", confirm), ("known", Domain.SessionCommand.OffDay))));
        }
        // The edge only carries the confirmation: whether a start needs it is the meeting's rule, decided in the grain.
        return Execute(id, http, grains, calls, headers => new CommandEnvelope(headers.Key, headers.IdempotencyKey, headers.ExpectedVersion,
            headers.ActorName, null, new SessionCommand(sessionId, sessionAction, ConfirmOffDay: confirm is not null)));
    }

    internal static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> Execute(
        MeetingId id, HttpContext http, IGrainFactory grains, GrainCalls calls, Func<CommandHeaders, CommandEnvelope> envelope)
    {
        var (headers, error) = CommandHeaders.Read(http.Request);
        if (headers is null)
        {
            return error!;
        }
        var command = envelope(headers);
        // Retried on a passing cluster failure only with an Idempotency-Key: the grain applies such a command once.
        var outcome = await calls.Command(headers.IdempotencyKey, () => grains.GetGrain<IMeetingGrain>(id).Execute(command), http.RequestAborted);
        return Answer(http, outcome) ?? (Results<Ok<MeetingView>, ProblemHttpResult>)TypedResults.Ok(outcome.Snapshot!);
    }

    /// <summary>The problem for a refused command (with WWW-Authenticate when no key was given), or null after setting ETag and the replay header.</summary>
    public static ProblemHttpResult? Answer(HttpContext http, CommandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.Unauthenticated)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
            }
            return Problems.From(refusal);
        }
        http.Response.Headers.ETag = CommandHeaders.ETag(outcome.Snapshot!.Version);
        // The ETag is where the meeting is now; a replay may come long after, so say where this command landed too.
        http.Response.Headers[CommandHeaders.AppliedVersionHeader] = AppliedVersion(outcome).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (outcome.Replayed)
        {
            http.Response.Headers[CommandHeaders.ReplayedHeader] = "true";
        }
        return null;
    }

    /// <summary>The version the command's last change has (for a replay: when it was first applied); a command that changed nothing: the current one.</summary>
    public static long AppliedVersion(CommandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Applied.Count > 0 ? outcome.Applied.Max(e => e.Version) : outcome.Snapshot?.Version ?? 0;
    }
}
