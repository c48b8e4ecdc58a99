using MeetingOps.Contracts;
using MeetingOps.Domain;

namespace MeetingOps.Grains;

/// <summary>
/// Removing a meeting: a draft has no history and is deleted; a live meeting has a record others rely on, so it is
/// archived instead (off the list, refusing commands and edits, its snapshot, log, report and exports still served).
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<WorkspaceOutcome> Remove(string? presentedKey)
    {
        if (OrganizerRefusal(presentedKey, "Deleting or archiving") is { } refused)
        {
            return WorkspaceOutcome.Refused(refused);
        }
        if (!state.RecordExists || state.State.Definition is null)
        {
            return WorkspaceOutcome.Refused(new Refusal(RefusalKind.NotFound, $"There is no meeting \"{Id}\"."));
        }
        if (state.State.Draft)
        {
            var view = WorkspaceView() with { Status = "deleted" };
            await state.ClearStateAsync();
            state.State = new MeetingState();
            DeactivateOnIdle();
            return new WorkspaceOutcome(view, null, null, [], null);
        }
        if (!state.State.Archived)
        {
            state.State.Archived = true;
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.Archived = false;
                throw;
            }
            _snapshot = null;
            // Followers hear of it now: their pages say "archived".
            await Publish([], Snapshot());
        }
        // Idempotent, and repeated until it succeeds: an archived meeting never stays on the list.
        await GrainFactory.GetGrain<IMeetingDirectoryGrain>(GrainKeys.Directory).Remove(Id);
        return new WorkspaceOutcome(WorkspaceView(), Snapshot(), null, [], null);
    }
}
