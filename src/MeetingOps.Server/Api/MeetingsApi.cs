using System.Security.Cryptography;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Grains;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>Creating, listing and reading meetings: <c>/api/meetings</c>.</summary>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings").WithTags("Meetings");
        // No .Accepts(...) here: it would make routing answer a wrong content type with a bare 415 before the
        // handler can say what is wrong; the handler checks the content type and answers a problem instead.
        group.MapPost("/", Create)
            .WithSummary("Create a meeting from a meeting definition (organizer key; JSON body, see the README's meeting definition format); ?draft=true stores it as a draft, gaps and all.");
        group.MapGet("/", List).WithSummary("The list of meetings.");
        group.MapGet("/{id}", Get).WithSummary("A meeting's snapshot: bodies, items with statuses, sessions, current item; ETag is the version.");
        group.MapGet("/{id}/log", Log).WithSummary("The audit log: every change with version, time, actor, session and command id; ?format=csv for a spreadsheet.");
        return group;
    }

    private static async Task<Results<Created<CreatedMeeting>, Created<CreatedDraft>, ProblemHttpResult>> Create(
        HttpRequest request, HttpResponse response, IGrainFactory grains, GrainCalls calls, IOrganizerCredential organizer, CancellationToken cancellationToken,
        bool draft = false)
    {
        // Who is asking comes before what they sent; the grain checks the key again.
        if (OrganizerRefusal(CommandHeaders.BearerKey(request), organizer, response) is { } refused)
        {
            return refused;
        }
        if (request.ContentType is { } type && !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.BadRequest($"Send the meeting definition as application/json, not {type}.", text: ServerPhrases.DefinitionContentType.With(("contentType", type)));
        }
        if (draft)
        {
            // A draft may have gaps (no dates, no sittings yet): stored as it is, checked when published (WorkspaceApi).
            return (await WorkspaceApi.CreateDraftFromBody(request, grains, calls, cancellationToken)).Result switch
            {
                Created<CreatedDraft> stored => stored,
                ProblemHttpResult problemResult => problemResult,
                var other => throw new InvalidOperationException($"Unexpected draft result {other}"),
            };
        }
        var body = await RequestBody.ReadAsync(request, DefinitionReader.MaxBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(DefinitionReader.MaxBytes);
        }
        var (definition, problem) = DefinitionReader.Parse(body);
        if (definition is null)
        {
            return Problems.BadRequest("The meeting definition is not valid JSON of the expected shape.", [problem!], ServerPhrases.DefinitionNotJson.With());
        }
        var (id, created) = await CreateAsync(grains, calls, definition, CommandHeaders.BearerKey(request), cancellationToken);
        if (created.Refusal is { } refusal)
        {
            return Problems.From(refusal, created.Problems);
        }
        var links = Links(id);
        return TypedResults.Created(links.Self, new CreatedMeeting(id, created.ChairKey!, links, created.Snapshot!));
    }

    /// <summary>
    /// Creates the meeting under a new id with a chair key chosen here, so the call can be retried through a passing
    /// cluster failure: a retry reaches the same meeting, which recognises its chair key and answers as the first time.
    /// </summary>
    public static async Task<(string Id, MeetingCreated Created)> CreateAsync(
        IGrainFactory grains, GrainCalls calls, MeetingDefinition definition, string? organizerKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(calls);
        var id = NewMeetingId();
        var request = new CreateMeeting(definition, organizerKey, Keys.NewKey());
        return (id, await calls.Repeatable(() => grains.GetGrain<IMeetingGrain>(id).Create(request), cancellationToken));
    }

    private static async Task<Ok<IReadOnlyList<MeetingSummary>>> List(IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken) =>
        TypedResults.Ok(await calls.Read(() => grains.GetGrain<IMeetingDirectoryGrain>(GrainKeys.Directory).List(), cancellationToken));

    private static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> Get(MeetingId id, HttpResponse response, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken)
    {
        if (await calls.Read(() => grains.GetGrain<IMeetingGrain>(id).GetSnapshot(), cancellationToken) is not { } snapshot)
        {
            return Problems.NoMeeting(id);
        }
        response.Headers.ETag = CommandHeaders.ETag(snapshot.Version);
        return TypedResults.Ok(snapshot);
    }

    private static async Task<Results<Ok<IReadOnlyList<LogEntry>>, ContentHttpResult, ProblemHttpResult>> Log(
        MeetingId id, HttpResponse response, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken, long? after = null, string? format = null)
    {
        if (after is < 0)
        {
            return Problems.BadRequest("?after= is a version, 0 or more.", text: ServerPhrases.LogAfter.With());
        }
        if (format is not (null or "json" or "csv"))
        {
            return Problems.BadRequest($"?format= is json (the default) or csv, not \"{format}\".", text: ServerPhrases.LogFormat.With(("format", format)));
        }
        if (format == "csv")
        {
            if (after is not null)
            {
                return Problems.BadRequest("The CSV is the whole log; ?after= is for the JSON log.", text: ServerPhrases.LogCsvWhole.With());
            }
            return await RecordsApi.Read(grains, calls, id, cancellationToken) is { } read
                ? RecordsApi.LogCsv(id, read.View, read.Log, response, await FloorApi.FloorRowsAsync(grains, calls, id, read.View, cancellationToken))
                : Problems.NoMeeting(id);
        }
        if (await calls.Read(() => grains.GetGrain<IMeetingGrain>(id).GetLog(after ?? 0), cancellationToken) is not { } log)
        {
            return Problems.NoMeeting(id);
        }
        return TypedResults.Ok(log);
    }

    /// <summary>401 (with the Bearer challenge) without a key, 403 with a key that is not the organizer's, else null.</summary>
    public static ProblemHttpResult? OrganizerRefusal(string? key, IOrganizerCredential organizer, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(organizer);
        ArgumentNullException.ThrowIfNull(response);
        if (string.IsNullOrEmpty(key))
        {
            response.Headers.WWWAuthenticate = "Bearer";
            return Problems.From(new Refusal(RefusalKind.Unauthenticated, "This needs the organizer key (Authorization: Bearer <organizerKey>).",
                Text: ServerPhrases.OrganizerKeyRequired.With()));
        }
        return organizer.Matches(key) ? null : Problems.From(new Refusal(RefusalKind.Forbidden, "The key presented is not the organizer key.",
            Text: ServerPhrases.NotOrganizerKey.With()));
    }

    public static MeetingLinks Links(string id) =>
        new($"/api/meetings/{id}", $"/api/meetings/{id}/log", $"/api/meetings/{id}/items/{{itemId}}/{{action}}", $"/api/meetings/{id}/sessions/{{sessionId}}/{{action}}");

    /// <summary>Meeting ids: 12 lowercase letters and digits, random, so they cannot be guessed from one another.</summary>
    public static string NewMeetingId()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        return string.Create(12, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }

    /// <summary>
    /// The refusal of a request to an organizer-only route of a meeting, or null with the key it presented. The meeting's id
    /// is only read (a <see cref="MeetingId"/>, by the route); whether it names a meeting is answered after the key, so
    /// that ids cannot be probed without it.
    /// </summary>
    public static ProblemHttpResult? OrganizerRouteRefusal(HttpRequest request, HttpResponse response, IOrganizerCredential organizer, out string? key)
    {
        key = CommandHeaders.BearerKey(request);
        if (OrganizerRefusal(key, organizer, response) is { } refused)
        {
            return refused;
        }
        return null;
    }
}
