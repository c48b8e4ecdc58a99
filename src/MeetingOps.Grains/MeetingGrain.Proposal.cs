using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Schedule;

namespace MeetingOps.Grains;

/// <summary>A re-plan proposed, not published: the same key and rules as a format change, no write, no push.</summary>
public sealed partial class MeetingGrain
{
    [Orleans.Concurrency.ReadOnly]
    public Task<ProposalOutcome> ProposeFormat(FormatEnvelope command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_meeting is null || _live is null)
        {
            return Task.FromResult(new ProposalOutcome(null, Refusal.NoMeeting(Id)));
        }
        if (Malformed(command.IdempotencyKey, command.ActorName) is { } malformed)
        {
            return Task.FromResult(new ProposalOutcome(null, malformed));
        }
        if (Authorize(command.PresentedKey, command.ActorName) is not { } actor)
        {
            return Task.FromResult(new ProposalOutcome(null, string.IsNullOrEmpty(command.PresentedKey)
                ? new Refusal(RefusalKind.Unauthenticated, "This needs the meeting's chair key (Authorization: Bearer <chairKey>).",
                    Text: ServerPhrases.ChairKeyRequired.With())
                : new Refusal(RefusalKind.Forbidden, "The key presented is not this meeting's chair key.", Text: ServerPhrases.NotChairKey.With())));
        }
        if (command.ExpectedVersion is { } expected && expected != state.State.Version)
        {
            return Task.FromResult(new ProposalOutcome(null, new Refusal(RefusalKind.VersionConflict,
                $"The meeting is at version {state.State.Version}, not {expected}: something changed since you looked. Reload and try again.",
                Text: ServerPhrases.VersionConflict.With(("version", state.State.Version), ("expected", expected)))));
        }
        var now = time.GetUtcNow();
        var context = new MeetingRules.Context(actor, now, "proposal", state.State.Version + 1);
        var decided = ScheduleRules.Decide(_defined!, state.State.Schedule, _live, command.Change, context);
        if (decided.Refusal is { } refusal)
        {
            return Task.FromResult(new ProposalOutcome(null, refusal));
        }
        var proposed = decided.Plan!;
        // The forecast under the proposal, from what has happened so far, names what would move after a cap or not be placed.
        // The plan's own warnings first: what is not yet placed (items and minutes), sittings the interpretation quota shortens.
        List<ForecastWarning> warnings = [.. proposed.Warnings ?? [], .. Forecaster.Forecast(_defined!, proposed, _live, state.State.Log, now).Warnings];
        var proposal = new PlanProposal(state.State.Version, _meeting.TimeZone, _plan!, proposed, proposed.Overflow, warnings,
            PlanComparison.Between(_defined!, _plan!, proposed));
        return Task.FromResult(new ProposalOutcome(proposal, null));
    }
}
