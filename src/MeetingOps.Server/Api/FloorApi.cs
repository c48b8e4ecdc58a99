using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Floor;
using MeetingOps.Grains;
using MeetingOps.Server.Hosting;
using MeetingOps.Server.Limits;
using MeetingOps.Server.Live;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.Server.Api;

/// <summary>
/// The floor: the meeting's delegations and their keys (<c>/delegations</c>, organizer key) and each item's list of
/// speakers (<c>/items/{itemId}/floor</c>). Keys are checked again in the grains; this reads the request and answers.
/// </summary>
public static class FloorApi
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxCommandBodyBytes = 1024;

    public static WebApplicationBuilder AddMeetingOpsFloor(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IFloorPublisher, FloorHubPublisher>();
        return builder;
    }

    public static RouteGroupBuilder MapFloorApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/{id}").WithTags("Floor");
        group.MapGet("/delegations", GetDelegations).WithSummary("The meeting's delegations and statement limit (organizer or chair key).");
        group.MapPut("/delegations", PutDelegations)
            .WithSummary("Replace the delegations: {\"delegations\": [{\"id\", \"name\", \"kind\": memberState | observerState | igo | ngo | unEntity}], \"statementLimitSeconds\"} (organizer key).");
        group.MapPost("/delegations/{delegationId}/key", IssueKey)
            .WithSummary("Issue a delegation its key, shown once, and the follow link signed in as it; re-issuing revokes the old key (organizer key; Idempotency-Key).");
        group.MapGet("/items/{itemId}/floor", GetFloor).WithSummary("The list of speakers of an item: who is speaking, the queue, whether the list is closed.");
        group.MapPost("/items/{itemId}/floor/requests", (MeetingId id, string itemId, HttpContext http, IGrainFactory grains, GrainCalls calls, ClientLimits limits) =>
                Command(id, itemId, "request", http, grains, calls, limits))
            .WithSummary("Request the floor {kind: statement | pointOfOrder | rightOfReply} (delegation key), or inscribe a delegation {delegation, kind} (chair or organizer key).");
        group.MapPost("/items/{itemId}/floor/{action}", Command)
            .WithSummary("withdraw (delegation key, {kind}); next, give {delegation}, move {delegation, position}, remove {delegation}, close, reopen, pause, resume, finish, limit {limitSeconds} (chair key). Idempotency-Key; If-Match.");
        return group;
    }

    /// <summary>The body of a floor command; every field optional.</summary>
    public sealed record FloorCommandBody(string? Delegation = null, FloorRequestKind? Kind = null, int? Position = null, int? LimitSeconds = null);

    public sealed record IssuedKey(string Delegation, string Key, string Link);

    private static async Task<Results<Ok<DelegationList>, ProblemHttpResult>> GetDelegations(
        MeetingId id, HttpRequest request, HttpResponse response, IGrainFactory grains, GrainCalls calls, IOrganizerCredential organizer, CancellationToken cancellationToken)
    {
        // The secretariat edits the list; the chair reads it too, to inscribe delegations from the console.
        var key = CommandHeaders.BearerKey(request);
        var refused = MeetingsApi.OrganizerRefusal(key, organizer, response);
        if (refused is not null && !string.IsNullOrEmpty(key)
            && await calls.Read(() => grains.GetGrain<IDelegationsGrain>(id).Access(key, ""), cancellationToken) is { Actor.Role: FloorRole.Chair })
        {
            refused = null;
        }
        if (refused is not null)
        {
            return refused;
        }
        return await calls.Read(() => grains.GetGrain<IDelegationsGrain>(id).Get(), cancellationToken) is { } list
            ? TypedResults.Ok(list)
            : Problems.NoMeeting(id);
    }

    private static async Task<Results<Ok<DelegationList>, ProblemHttpResult>> PutDelegations(
        MeetingId id, HttpRequest request, HttpResponse response, IGrainFactory grains, GrainCalls calls, IOrganizerCredential organizer, CancellationToken cancellationToken)
    {
        if (MeetingsApi.OrganizerRouteRefusal(request, response, organizer, out var key) is { } refused)
        {
            return refused;
        }
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(MaxBodyBytes);
        }
        var (list, problem) = JsonBody.Read<DelegationList>(body);
        if (list is null)
        {
            return Problems.From(new Refusal(RefusalKind.Invalid, "The body is not a list of delegations of the expected shape: {\"delegations\": [{\"id\", \"name\", \"kind\"}]}.",
                Text: ServerPhrases.DelegationsBodyShape.With()), [problem!]);
        }
        // Replacing the list is the same each time it is sent: safe to retry through a passing cluster failure.
        var outcome = await calls.Repeatable(() => grains.GetGrain<IDelegationsGrain>(id).Set(key, list), cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return Problems.From(refusal, [.. outcome.Problems.Select(p => new Domain.Definition.DefinitionProblem("$." + p.Path, p.Message, p.Text))]);
        }
        return TypedResults.Ok(outcome.List!);
    }

    private static async Task<Results<Ok<IssuedKey>, ProblemHttpResult>> IssueKey(
        MeetingId id, string delegationId, HttpContext http, IGrainFactory grains, GrainCalls calls, IOrganizerCredential organizer)
    {
        var (headers, error) = CommandHeaders.Read(http.Request);
        if (headers is null)
        {
            return error!;
        }
        if (MeetingsApi.OrganizerRefusal(headers.Key, organizer, http.Response) is { } refused)
        {
            return refused;
        }
        var issued = await calls.Command(headers.IdempotencyKey,
            () => grains.GetGrain<IDelegationsGrain>(id).IssueKey(headers.Key, delegationId, headers.IdempotencyKey), http.RequestAborted);
        if (issued.Refusal is { } refusal)
        {
            return Problems.From(refusal);
        }
        if (issued.Replayed)
        {
            http.Response.Headers[CommandHeaders.ReplayedHeader] = "true";
        }
        http.Response.Headers.CacheControl = "no-store";
        // The key rides in the fragment: browsers never send it to the server, so it stays out of access logs.
        // The name too, so the page greets the delegation by the name the report uses before it is on any list.
        var name = (await calls.Read(() => grains.GetGrain<IDelegationsGrain>(id).Get(), http.RequestAborted))?.Delegations
            .FirstOrDefault(d => d.Id == delegationId)?.Name;
        var link = $"{http.Request.Scheme}://{http.Request.Host}/follow/{id}#delegation={Uri.EscapeDataString(delegationId)}&key={Uri.EscapeDataString(issued.Key!)}"
            + (name is null ? "" : $"&name={Uri.EscapeDataString(name)}");
        return TypedResults.Ok(new IssuedKey(delegationId, issued.Key!, link));
    }

    private static async Task<Results<Ok<FloorView>, ProblemHttpResult>> GetFloor(
        MeetingId id, string itemId, HttpResponse response, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken)
    {
        if (!IsItemId(itemId))
        {
            return NoSuchItem(id, itemId);
        }
        if (await calls.Read(() => grains.GetGrain<IFloorGrain>(GrainKeys.Child(id, itemId)).Get(), cancellationToken) is not { } view)
        {
            return NoSuchItem(id, itemId);
        }
        response.Headers.ETag = CommandHeaders.ETag(view.Version);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<FloorView>, ProblemHttpResult>> Command(
        MeetingId id, string itemId, string action, HttpContext http, IGrainFactory grains, GrainCalls calls, ClientLimits limits)
    {
        if (!Enum.TryParse<FloorAction>(action, ignoreCase: true, out var floorAction) || !action.All(char.IsAsciiLetter))
        {
            return Problems.From(new Refusal(RefusalKind.Invalid,
                $"Unknown floor action \"{action}\"; one of requests, {string.Join(", ", Enum.GetNames<FloorAction>().Skip(1).Select(n => n.ToLowerInvariant()))}.",
                Text: ServerPhrases.FloorUnknownAction.With(("action", action[..Math.Min(action.Length, 40)]))));
        }
        if (!IsItemId(itemId))
        {
            return NoSuchItem(id, itemId);
        }
        if (KeyFlooding(http, limits) is { } tooMany)
        {
            return tooMany;
        }
        var (headers, error) = CommandHeaders.Read(http.Request);
        if (headers is null)
        {
            return error!;
        }
        var body = await RequestBody.ReadAsync(http.Request, MaxCommandBodyBytes, http.RequestAborted);
        if (body is null)
        {
            return Problems.TooLarge(MaxCommandBodyBytes);
        }
        var fields = new FloorCommandBody();
        if (body.Length > 0)
        {
            var (read, problem) = JsonBody.Read<FloorCommandBody>(body);
            if (read is null)
            {
                return Problems.From(new Refusal(RefusalKind.Invalid,
                    "The body is not a floor command of the expected shape: {\"delegation\", \"kind\", \"position\", \"limitSeconds\"}, each optional.",
                    Text: ServerPhrases.FloorBodyShape.With()), [problem!]);
            }
            fields = read;
        }
        var command = new FloorEnvelope(headers.Key, headers.IdempotencyKey, headers.ExpectedVersion, headers.ActorName,
            new FloorCommand(floorAction, fields.Delegation, fields.Kind, fields.Position, fields.LimitSeconds));
        var outcome = await calls.Command(headers.IdempotencyKey,
            () => grains.GetGrain<IFloorGrain>(GrainKeys.Child(id, itemId)).Execute(command), http.RequestAborted);
        if (outcome.Throttled)
        {
            http.Response.Headers.RetryAfter = "2";
            return TypedResults.Problem(outcome.Refusal!.Reason, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                type: "urn:meetingops:problem:too-many-requests", extensions: new Dictionary<string, object?> { ["text"] = outcome.Refusal.Text });
        }
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.Unauthenticated)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
            }
            return Problems.From(refusal);
        }
        http.Response.Headers.ETag = CommandHeaders.ETag(outcome.View!.Version);
        if (outcome.Replayed)
        {
            http.Response.Headers[CommandHeaders.ReplayedHeader] = "true";
        }
        return TypedResults.Ok(outcome.View!);
    }

    /// <summary>
    /// The per-key floor limit, decided here at the edge on the hash of the presented key, before any grain call.
    /// Why here and not only in the floor grain: the grain can only count a delegation after asking the delegations
    /// grain who the key is, and it takes one call at a time, so a flood of 2,000 queued 2,000 such round trips behind
    /// one another; on a CPU-starved host they outlived the grain-call timeout and the flood was answered 503 (timeouts
    /// that also count against the breaker all grain calls share). Remembering recognized keys in the grain would save
    /// the second call but still queue every request on the one grain.
    /// Counting the key itself needs no lookup, so a key that was never valid costs no more than its bucket; the floor
    /// grain's finer per-delegation limit still applies to the few commands let through.
    /// </summary>
    private static ProblemHttpResult? KeyFlooding(HttpContext http, ClientLimits limits)
    {
        var key = CommandHeaders.BearerKey(http.Request);
        if (!limits.Options.Enabled || string.IsNullOrEmpty(key))
        {
            return null; // no key: the grain answers 401 and the door counts it among the address's failed keys
        }
        using var lease = limits.FloorKey(key);
        if (lease.IsAcquired)
        {
            return null;
        }
        limits.Refused(LimitKind.FloorKey, ClientLimits.AddressOf(http.Connection.RemoteIpAddress));
        var seconds = Math.Max(1, (int)Math.Ceiling(ClientLimits.RetryAfter(lease, LimitKind.FloorKey).TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(ClientLimitMiddleware.Detail(LimitKind.FloorKey, seconds), statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests", type: "urn:meetingops:problem:too-many-requests",
            extensions: new Dictionary<string, object?> { ["text"] = ClientLimitMiddleware.Text(LimitKind.FloorKey, seconds) });
    }

    /// <summary>The report with, per item, who made statements (from each item's list of speakers).</summary>
    public static async Task<Domain.Records.MeetingReport> WithStatementsAsync(IGrainFactory grains, GrainCalls calls, string id, MeetingView view,
        Domain.Records.MeetingReport report, CancellationToken cancellationToken)
    {
        var (delegations, records) = await ReadFloorsAsync(grains, calls, id, view, cancellationToken);
        return FloorRecords.WithStatements(report, records.ToDictionary(r => r.Key, r => r.Value.Spoke), delegations);
    }

    /// <summary>What adds the floor entries of every item to the CSV log.</summary>
    public static async Task<Func<string, string>> FloorRowsAsync(IGrainFactory grains, GrainCalls calls, string id, MeetingView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var (delegations, records) = await ReadFloorsAsync(grains, calls, id, view, cancellationToken);
        return csv => FloorRecords.AppendToCsv(csv, view.TimeZone, records.Values.SelectMany(r => r.Log), delegations);
    }

    private static async Task<(IReadOnlyList<Delegation> Delegations, Dictionary<string, FloorRecord> Records)> ReadFloorsAsync(
        IGrainFactory grains, GrainCalls calls, string id, MeetingView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(view);
        var list = await calls.Read(() => grains.GetGrain<IDelegationsGrain>(id).Get(), cancellationToken);
        var records = await Task.WhenAll(view.Items.Select(async item =>
            (item.Id, Record: await calls.Read(() => grains.GetGrain<IFloorGrain>(GrainKeys.Child(id, item.Id)).GetRecord(), cancellationToken))));
        return (list?.Delegations ?? [], records.Where(r => r.Record.Log.Count > 0).ToDictionary(r => r.Id, r => r.Record, StringComparer.Ordinal));
    }

    private static ProblemHttpResult NoSuchItem(MeetingId id, string itemId) =>
        Problems.From(new Refusal(RefusalKind.NotFound, $"There is no meeting \"{id}\" with an agenda item \"{itemId}\".",
            Text: ServerPhrases.FloorNoSuchItem.With(("id", id.ToString()), ("item", itemId[..Math.Min(itemId.Length, 64)]))));

    private static bool IsItemId(string id) => id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Sends an item's floor to the meeting's followers; a page that misses one reads the floor again when it reconnects.</summary>
    private sealed class FloorHubPublisher(FollowerPushes pushes) : IFloorPublisher
    {
        public Task FloorChanged(string meetingId, FloorView view)
        {
            // Not awaited by the grain beyond the hand-over: the next floor command does not wait for slow followers.
            // Followers on other hosts get it relayed over Orleans, like the meeting's changes.
            pushes.Publish(new RelayedPush(meetingId, Floor: view));
            return Task.CompletedTask;
        }
    }
}
