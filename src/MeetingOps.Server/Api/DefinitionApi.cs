using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Grains;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>
/// Editing a meeting: <c>PUT /api/meetings/{id}/definition</c> (organizer key, <c>If-Match</c> required) and a new chair
/// key, <c>POST /api/meetings/{id}/chair-key</c>. Every refusal changes nothing.
/// </summary>
public static class DefinitionApi
{
    private const string TypeBase = "urn:meetingops:problem:";

    public static RouteGroupBuilder MapDefinitionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings").WithTags("Secretariat");
        group.MapPut("/{id}/definition", Replace)
            .WithSummary("Replaces the definition (organizer key; If-Match: the ETag of GET /definition). A live meeting logs each change as an amendment, re-plans and pushes once; 412 stale, 422 problems, 409 what the record forbids.");
        group.MapPost("/{id}/chair-key", RotateChairKey)
            .WithSummary("A new chair key (organizer key), shown this once; the old one is refused from now on.");
        return group;
    }

    public sealed record NewChairKey(string Id, string ChairKey);

    private static async Task<Results<Ok<WorkspaceView>, ProblemHttpResult>> Replace(
        MeetingId id, HttpRequest request, HttpResponse response, IGrainFactory grains, GrainCalls calls, IOrganizerCredential organizer, CancellationToken cancellationToken)
    {
        if (MeetingsApi.OrganizerRouteRefusal(request, response, organizer, out var key) is { } refused)
        {
            return refused;
        }
        if (request.Headers.IfMatch.Count == 0 || request.Headers.IfMatch.ToString().Trim() == "*")
        {
            // Replacing a whole definition over someone else's edit would lose it silently: the version seen is required.
            return TypedResults.Problem("Send If-Match with the ETag of GET /api/meetings/{id}/definition: the version you edited.",
                statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required", type: TypeBase + "if-match-required",
                extensions: new Dictionary<string, object?> { ["text"] = ServerPhrases.DefinitionIfMatchRequired.With() });
        }
        var (headers, error) = CommandHeaders.Read(request);
        if (headers is null)
        {
            return error!;
        }
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.BadRequest($"Send the meeting definition as application/json, not {type}.", text: ServerPhrases.DefinitionContentType.With(("contentType", type)));
        }
        var body = await RequestBody.ReadAsync(request, DefinitionReader.MaxBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(DefinitionReader.MaxBytes);
        }
        // A draft may keep its gaps; a live meeting's definition is checked in full by the grain.
        var (definition, problem) = DraftReader.Parse(body);
        if (definition is null)
        {
            return Problems.BadRequest("The meeting definition is not valid JSON of the expected shape; nothing was changed.", [problem!],
                ServerPhrases.DefinitionNotJsonNothingChanged.With());
        }
        if (headers.ActorName is { Length: > Actor.MaxNameLength })
        {
            return Problems.BadRequest($"{CommandHeaders.ActorNameHeader} is at most {Actor.MaxNameLength} characters.",
                text: ServerPhrases.ActorNameTooLong.With(("count", Actor.MaxNameLength)));
        }
        var outcome = await calls.Read(() => grains.GetGrain<IMeetingWorkspaceGrain>(id)
            .ReplaceDefinition(new ReplaceDefinition(definition, key, headers.ExpectedVersion!.Value, headers.ActorName)), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return refusal.Kind switch
            {
                RefusalKind.Invalid when outcome.Problems.Count > 0 => TypedResults.Problem(refusal.Reason, statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "Definition has problems", type: TypeBase + "definition-has-problems",
                    extensions: new Dictionary<string, object?> { ["errors"] = Problems.Errors(outcome.Problems), ["text"] = refusal.Text }),
                _ => Problems.From(refusal, outcome.Problems),
            };
        }
        response.Headers.ETag = CommandHeaders.ETag(outcome.View!.Version);
        return TypedResults.Ok(outcome.View);
    }

    private static async Task<Results<Ok<NewChairKey>, ProblemHttpResult>> RotateChairKey(
        MeetingId id, HttpRequest request, HttpResponse response, IGrainFactory grains, GrainCalls calls, IOrganizerCredential organizer, CancellationToken cancellationToken)
    {
        if (MeetingsApi.OrganizerRouteRefusal(request, response, organizer, out var key) is { } refused)
        {
            return refused;
        }
        // Chosen here, so a retry through a passing cluster failure sets the same key rather than a second one.
        var newKey = Keys.NewKey();
        var outcome = await calls.Repeatable(() => grains.GetGrain<IMeetingWorkspaceGrain>(id).RotateChairKey(key, newKey), cancellationToken);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(new NewChairKey(id, outcome.ChairKey!));
    }
}
