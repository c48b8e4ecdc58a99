using System.Text.Json;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Schedule;
using Microsoft.Extensions.Logging;

namespace MeetingOps.Grains;

/// <summary>The schedule: format changes and re-plans, the forecast, and sittings ended at their cap.</summary>
public sealed partial class MeetingGrain
{
    public async Task<CommandOutcome> ChangeFormat(FormatEnvelope command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fingerprint = "change format " + JsonSerializer.Serialize(command.Change, MeetingOpsJson.Options);
        var outcome = await Act(command.PresentedKey, command.IdempotencyKey, command.ExpectedVersion, command.ActorName, fingerprint, (actor, context) =>
        {
            var decided = ScheduleRules.Decide(_defined!, state.State.Schedule, _live!, command.Change, context with { Actor = actor });
            return new Decided(decided.Changes, decided.Request, decided.Refusal);
        });
        // The schedule answered with the command, in the same turn: one call, one plan (a replay answers the plan as it is now).
        return outcome.Refusal is null ? outcome with { Schedule = await GetSchedule() } : outcome;
    }

    [Orleans.Concurrency.ReadOnly]
    public Task<ScheduleView?> GetSchedule()
    {
        if (_meeting is null)
        {
            return Task.FromResult<ScheduleView?>(null);
        }
        var forecast = Forecaster.Forecast(_defined!, _plan!, _live!, Corrections.Effective(state.State.Log), time.GetUtcNow());
        return Task.FromResult<ScheduleView?>(new ScheduleView(state.State.Version, _meeting.TimeZone, _plan!, forecast));
    }

    public async Task EndAtCap(string sessionId)
    {
        if (_meeting?.FindSession(sessionId) is not { CapMinutes: { } cap } || _live!.Session(sessionId).Status == SessionStatus.Ended)
        {
            return; // ended already (by the chair, or by an earlier tick): nothing to do
        }
        var command = new SessionCommand(sessionId, SessionAction.End, $"the {CapClock.CapWords(cap)} cap was reached");
        var outcome = await Run(new Actor(Role.System), $"cap:{sessionId}", null, $"end session {sessionId} at its cap",
            (actor, context) =>
            {
                var decided = MeetingRules.Decide(_meeting!, _live!, command, context);
                return new Decided(decided.Changes, null, decided.Refusal);
            });
        if (outcome.Refusal is { } refusal)
        {
            LogCapRefused(Id, sessionId, refusal.Reason);
        }
    }

    public async Task AnnounceCap(string sessionId, int minutesLeft)
    {
        if (_meeting?.FindSession(sessionId) is not { CapMinutes: { } cap } session || _live!.Session(sessionId) is not { StartedAt: { } started, IsSitting: true })
        {
            return;
        }
        var end = CapEnd(session, started, cap);
        try
        {
            await publisher.Announced(Id, new CapAnnouncement(sessionId, minutesLeft, end, InterpretationCap.WarningNotice(_meeting, end, minutesLeft)));
        }
        catch (Exception e)
        {
            LogPublishFailed(e, Id, state.State.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: ending session {SessionId} at its cap was refused: {Reason}")]
    private partial void LogCapRefused(string meetingId, string sessionId, string reason);
}
