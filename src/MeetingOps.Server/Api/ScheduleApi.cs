using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Schedule;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>The schedule: <c>PUT /api/meetings/{id}/format</c> re-plans, <c>GET /api/meetings/{id}/schedule</c> shows plan and forecast.</summary>
public static class ScheduleApi
{
    public static RouteGroupBuilder MapScheduleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings/{id}").WithTags("Schedule");
        group.MapPut("/format", ChangeFormat)
            .WithSummary("Switch sessions to a format (hybrid: capped, 120 minutes by default), move their start, add sittings, and re-plan by a strategy (organizer or chair key).")
            .Accepts<FormatChange>("application/json");
        group.MapPut("/plan", ChangePlan)
            .WithSummary("Re-plan without changing formats: strategy, hand pins [{item, session, minutes?}], estimates, floor, scaleEstimates, interpretationMinutesPerDay (organizer or chair key); ?dryRun=true proposes and changes nothing.")
            .Accepts<PlanChange>("application/json");
        group.MapGet("/schedule", Schedule)
            .WithSummary("The plan (sessions with allocations, overflow) and the live forecast with warnings; times in the venue's zone and as UTC instants.");
        return group;
    }

    private const int MaxBodyBytes = 64 * 1024;

    private static Task<Results<Ok<ScheduleResponse>, Ok<PlanProposal>, ProblemHttpResult>> ChangeFormat(MeetingId id, HttpContext http, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken) =>
        Replan<FormatChange>(id, "format change", change => change, http, grains, calls, cancellationToken);

    private static Task<Results<Ok<ScheduleResponse>, Ok<PlanProposal>, ProblemHttpResult>> ChangePlan(MeetingId id, HttpContext http, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken) =>
        Replan<PlanChange>(id, "re-plan", change => change.ToFormatChange(), http, grains, calls, cancellationToken);

    /// <summary>
    /// Both routes are one command of the meeting: a re-plan is a format change that switches no format. With
    /// <c>?dryRun=true</c> it is proposed (nothing stored); without, it is applied and the new schedule answered.
    /// </summary>
    private static async Task<Results<Ok<ScheduleResponse>, Ok<PlanProposal>, ProblemHttpResult>> Replan<TBody>(
        MeetingId id, string what, Func<TBody, FormatChange> toFormatChange, HttpContext http, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken)
        where TBody : class
    {
        var (headers, change, malformed) = await CommandRequest.ReadAsync<TBody>(http.Request, MaxBodyBytes, what, cancellationToken);
        if (headers is null || change is null)
        {
            return malformed!;
        }
        var meeting = grains.GetGrain<IMeetingGrain>(id);
        var envelope = new FormatEnvelope(headers.Key, headers.IdempotencyKey, headers.ExpectedVersion, headers.ActorName, toFormatChange(change));
        if (DryRun.Read(http.Request) is { } dryRun)
        {
            if (!dryRun.Valid)
            {
                return Problems.BadRequest("dryRun is true or false.", [new("$.query.dryRun", "dryRun is true or false.", ServerPhrases.DryRunWord.With())], ServerPhrases.DryRunWord.With());
            }
            if (dryRun.Value)
            {
                return await Propose(meeting, envelope, http, calls, cancellationToken);
            }
        }
        var outcome = await calls.Command(headers.IdempotencyKey, () => meeting.ChangeFormat(envelope), cancellationToken);
        if (CommandsApi.Answer(http, outcome) is { } refused)
        {
            return refused;
        }
        return TypedResults.Ok(ScheduleResponse.From(outcome.Schedule!));
    }

    /// <summary>The proposal a dry run answers: nothing stored, nothing pushed, the version unchanged (and its ETag).</summary>
    private static async Task<Results<Ok<ScheduleResponse>, Ok<PlanProposal>, ProblemHttpResult>> Propose(IMeetingGrain meeting, FormatEnvelope envelope, HttpContext http, GrainCalls calls, CancellationToken cancellationToken)
    {
        var outcome = await calls.Read(() => meeting.ProposeFormat(envelope), cancellationToken);
        if (outcome?.Refusal is { } refusal)
        {
            return CommandsApi.Answer(http, CommandOutcome.Refused(refusal))!;
        }
        http.Response.Headers.ETag = CommandHeaders.ETag(outcome!.Proposal!.Version);
        return TypedResults.Ok(outcome.Proposal);
    }

    private static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> Schedule(MeetingId id, HttpResponse response, IGrainFactory grains, GrainCalls calls, CancellationToken cancellationToken)
    {
        if (await calls.Read(() => grains.GetGrain<IMeetingGrain>(id).GetSchedule(), cancellationToken) is not { } view)
        {
            return Problems.NoMeeting(id);
        }
        response.Headers.ETag = CommandHeaders.ETag(view.Version);
        return TypedResults.Ok(ScheduleResponse.From(view));
    }
}
