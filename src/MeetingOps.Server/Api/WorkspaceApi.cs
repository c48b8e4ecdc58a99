using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Import;
using MeetingOps.Grains;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>
/// The secretariat's workspace: drafts (<c>POST /api/meetings?draft=true</c>), the definition as it stands
/// (<c>GET /api/meetings/{id}/definition</c>) and publishing a draft (<c>POST /api/meetings/{id}/publish</c>).
/// Everything here needs the organizer key; a draft answers 404 to anyone else.
/// </summary>
public static class WorkspaceApi
{
    public static RouteGroupBuilder MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings").WithTags("Secretariat");
        group.MapGet("/{id}/definition", GetDefinition)
            .WithSummary("The meeting's definition as it stands, draft or live (organizer key); ETag is the version; for a draft, what publishing would refuse.");
        group.MapPost("/{id}/publish", Publish)
            .WithSummary("Makes a draft live (organizer key): checked like a creation; 422 lists each problem with its path and changes nothing.");
        group.MapDelete("/{id}", Remove)
            .WithSummary("Deletes a draft; archives a live meeting: off the list, no more changes, its records still served (organizer key).");
        return group;
    }

    public sealed record Removed(string Id, string Status);

    private static async Task<Results<Ok<Removed>, ProblemHttpResult>> Remove(
        MeetingId id, HttpRequest request, HttpResponse response, IGrainFactory grains, GrainCalls calls, IOrganizerCredential organizer, CancellationToken cancellationToken)
    {
        if (MeetingsApi.OrganizerRouteRefusal(request, response, organizer, out var key) is { } refused)
        {
            return refused;
        }
        var outcome = await calls.Repeatable(() => grains.GetGrain<IMeetingWorkspaceGrain>(id).Remove(key), cancellationToken);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(new Removed(id, outcome.View!.Status));
    }

    public static DraftLinks Links(string id) =>
        new($"/api/meetings/{id}/definition", $"/api/meetings/{id}/definition", $"/api/meetings/{id}/publish", $"/secretariat/{id}");

    /// <summary>
    /// Stores a definition with gaps as a draft under a new id, with a chair key chosen here so a retry through a
    /// passing cluster failure reaches the same draft. The import path calls this for an agenda that leaves gaps.
    /// </summary>
    public static async Task<(string Id, WorkspaceOutcome Outcome)> CreateDraftAsync(
        IGrainFactory grains, GrainCalls calls, MeetingDefinition definition, IReadOnlyList<ImportWarning> warnings, string? organizerKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(calls);
        var id = MeetingsApi.NewMeetingId();
        var request = new CreateDraft(definition, warnings, organizerKey, Keys.NewKey());
        return (id, await calls.Repeatable(() => grains.GetGrain<IMeetingWorkspaceGrain>(id).CreateDraft(request), cancellationToken));
    }

    /// <summary>The answer to a created draft: 201 with the draft, or the refusal.</summary>
    public static Results<Created<CreatedDraft>, ProblemHttpResult> DraftCreated(string id, WorkspaceOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Refusal is { } refusal)
        {
            return Problems.From(refusal, outcome.Problems);
        }
        var view = outcome.View!;
        var links = Links(id);
        return TypedResults.Created(links.Self, new CreatedDraft(id, view.Status, outcome.ChairKey!, links, view.Definition, view.Warnings, view.Problems));
    }

    /// <summary>POST /api/meetings?draft=true, after the key and content type are checked: reads the body with its gaps and stores it.</summary>
    internal static async Task<Results<Created<CreatedDraft>, ProblemHttpResult>> CreateDraftFromBody(
        HttpRequest request, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, DefinitionReader.MaxBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(DefinitionReader.MaxBytes);
        }
        var (definition, problem) = DraftReader.Parse(body);
        if (definition is null)
        {
            return Problems.BadRequest("The draft is not valid JSON of the meeting definition's shape.", [problem!], ServerPhrases.DraftNotJson.With());
        }
        var (id, outcome) = await CreateDraftAsync(grains, calls, definition, [], CommandHeaders.BearerKey(request), cancellationToken);
        return DraftCreated(id, outcome);
    }

    private static async Task<Results<Ok<WorkspaceView>, ProblemHttpResult>> GetDefinition(
        MeetingId id, HttpRequest request, HttpResponse response, IGrainFactory grains, GrainCalls calls, IOrganizerCredential organizer, CancellationToken cancellationToken)
    {
        if (MeetingsApi.OrganizerRefusal(CommandHeaders.BearerKey(request), organizer, response) is { } refused)
        {
            return refused;
        }
        var outcome = await calls.Read(() => grains.GetGrain<IMeetingWorkspaceGrain>(id).GetDefinition(CommandHeaders.BearerKey(request)), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return Problems.From(refusal, outcome.Problems);
        }
        response.Headers.ETag = CommandHeaders.ETag(outcome.View!.Version);
        return TypedResults.Ok(outcome.View);
    }

    private static async Task<Results<Ok<Published>, ProblemHttpResult>> Publish(
        MeetingId id, HttpRequest request, HttpResponse response, IGrainFactory grains, GrainCalls calls, IOrganizerCredential organizer, CancellationToken cancellationToken)
    {
        if (MeetingsApi.OrganizerRouteRefusal(request, response, organizer, out var key) is { } refused)
        {
            return refused;
        }
        // Publishing twice is harmless (the second finds the meeting live), so the call may be repeated.
        var outcome = await calls.Repeatable(() => grains.GetGrain<IMeetingWorkspaceGrain>(id).Publish(key), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return Problems.From(refusal, outcome.Problems);
        }
        response.Headers.ETag = CommandHeaders.ETag(outcome.Snapshot!.Version);
        return TypedResults.Ok(new Published(id, outcome.View!.Status, MeetingsApi.Links(id), outcome.Snapshot!));
    }
}
