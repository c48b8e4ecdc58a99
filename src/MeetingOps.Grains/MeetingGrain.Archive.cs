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
            return WorkspaceOutcome.Refused(Refusal.NoMeeting(Id));
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
            // A change like any other: logged under a new version, so an open page applies the push (a push at the version
            // it already has would be ignored) and says "archived".
            var s = state.State;
            var entry = new LogEntry(s.Version + 1, time.GetUtcNow(), "archive-" + Guid.NewGuid().ToString("N"), new Actor(Role.Organizer),
                ChangeSubject.Amendment, null, null, "archive", MeetingStatuses.Live, MeetingStatuses.Archived);
            var (version, records) = (s.Version, s.RecordCount);
            s.Archived = true;
            s.Version = entry.Version;
            s.Commit(null, null, [entry]);
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                s.Archived = false;
                s.Version = version;
                s.DropUnstored(records);
                DeactivateOnIdle();
                throw;
            }
            _snapshot = null;
            await Publish([entry], Snapshot());
        }
        // Idempotent, and repeated until it succeeds: an archived meeting never stays on the list.
        await GrainFactory.GetGrain<IMeetingDirectoryGrain>(GrainKeys.Directory).Remove(Id);
        return new WorkspaceOutcome(WorkspaceView(), Snapshot(), null, [], null);
    }
}
