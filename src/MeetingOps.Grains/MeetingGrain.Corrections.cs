using MeetingOps.Contracts;
using MeetingOps.Domain;

namespace MeetingOps.Grains;

/// <summary>Undo: like any command (key, Idempotency-Key, expected version, one write), decided by <see cref="Corrections"/> on the whole log.</summary>
public sealed partial class MeetingGrain
{
    private Task<CommandOutcome> ExecuteUndo(CommandEnvelope command, UndoCommand undo) =>
        Act(command.PresentedKey, command.IdempotencyKey, command.ExpectedVersion, command.ActorName, Fingerprint(command), (actor, context) =>
        {
            var decided = Corrections.Undo(_meeting!, _live!, state.State.Log, undo, context with { Actor = actor });
            return new Decided(decided.Changes, null, decided.Refusal);
        });
}
