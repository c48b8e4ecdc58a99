using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Grains;

/// <summary>Extensions of a capped sitting's interpretation, and the cap's end computed from the booked slot and the log.</summary>
public sealed partial class MeetingGrain
{
    public Task<CommandOutcome> ExtendCap(ExtendEnvelope command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var fingerprint = $"extend session {command.SessionId} by {command.Minutes} minutes";
        return Act(command.PresentedKey, command.IdempotencyKey, command.ExpectedVersion, command.ActorName, fingerprint, (actor, context) =>
        {
            var (entry, refusal) = CapExtension.Decide(_meeting!, _live!, state.State.Log, command.SessionId, command.Minutes, context with { Actor = actor });
            return new Decided(entry is null ? [] : [entry], null, refusal);
        });
    }

    /// <summary>
    /// Interpretation ends at the sitting's booked start (or its actual start, where the secretariat says so for this
    /// sitting) plus its cap, plus every extension agreed since: one rule, the domain's, for the cap watch, the warnings,
    /// the end at the cap and the pages.
    /// </summary>
    private DateTimeOffset CapEnd(Session session, DateTimeOffset started, int cap) =>
        InterpretationCap.EndOf(session, _live!.Session(session.Id) with { StartedAt = started }) ?? started.AddMinutes(cap);
}
