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
    /// Interpretation ends at the sitting's start plus its cap, plus every extension agreed since. The cap watch still counts
    /// from the actual start as before (switching the watch to the booked slot is left to the session grain's cap work).
    /// </summary>
    private DateTimeOffset CapEnd(Session session, DateTimeOffset started, int cap) =>
        InterpretationCap.End(session.Start, started, cap, CapFrom.ActualStart, CapExtension.Of(state.State.Log, session.Id));
}
