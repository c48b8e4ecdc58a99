using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>
/// <c>POST /api/meetings/{id}/undo</c>: takes back the latest change to an item or a sitting that is not yet undone.
/// An optional body <c>{"version": N}</c> names that change, and is refused unless it is the latest.
/// Chair key, Idempotency-Key and If-Match as for every command.
/// </summary>
public static class CorrectionsApi
{
    public const int MaxBodyBytes = 1024;

    /// <summary>The body of an undo: which change is meant, when the caller wants to be sure.</summary>
    public sealed record UndoBody(long? Version);

    public static void MapCorrectionsApi(this RouteGroupBuilder group) =>
        group.MapPost("/undo", Undo)
            .WithSummary("Undo the latest item or sitting change, most recent first; optional body {\"version\": N} (chair key; Idempotency-Key; If-Match).");

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> Undo(
        MeetingId id, HttpContext http, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(http.Request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.BadRequest($"The body of an undo is at most {MaxBodyBytes} bytes: {{\"version\": N}} or nothing.",
                text: ServerPhrases.BodyTooLarge.With(("limit", MaxBodyBytes)));
        }
        long? version = null;
        if (body.Length > 0)
        {
            var (value, problem) = JsonBody.Read<UndoBody>(body);
            if (problem is not null)
            {
                return Problems.BadRequest($"The body of an undo is {{\"version\": N}} or nothing; at {problem.Path}: {problem.Message}", [problem],
                    ServerPhrases.UndoBodyShape.With());
            }
            if (value!.Version is <= 0)
            {
                return Problems.BadRequest($"\"version\" names a change of the meeting: a positive number, not {value.Version}.",
                    text: ServerPhrases.UndoVersionPositive.With(("found", value.Version)));
            }
            version = value.Version;
        }
        return await CommandsApi.Execute(id, http, grains, calls, headers => new CommandEnvelope(headers.Key, headers.IdempotencyKey,
            headers.ExpectedVersion, headers.ActorName, null, null, new UndoCommand(version)));
    }
}
