using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Amendments;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Grains;

/// <summary>
/// Editing a meeting, draft or live: the new definition replaces the old at the version the secretariat saw; on a
/// live meeting every change is an amendment in the log (one version, one push) and the schedule re-plans with the
/// strategy last chosen. Also the chair key's rotation.
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<WorkspaceOutcome> ReplaceDefinition(ReplaceDefinition request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (OrganizerRefusal(request.PresentedKey, "Editing the definition") is { } refused)
        {
            return WorkspaceOutcome.Refused(refused);
        }
        if (!state.RecordExists || state.State.Definition is not { } current)
        {
            return WorkspaceOutcome.Refused(Refusal.NoMeeting(Id));
        }
        if (state.State.Archived)
        {
            return WorkspaceOutcome.Refused(new Refusal(RefusalKind.Conflict, $"Meeting \"{Id}\" is archived: its record is kept as it stands.",
                Text: ServerPhrases.MeetingArchived.With()));
        }
        if (request.ExpectedVersion != state.State.Version)
        {
            return WorkspaceOutcome.Refused(new Refusal(RefusalKind.VersionConflict,
                $"The meeting is at version {state.State.Version}, not {request.ExpectedVersion}: something changed since you looked. Reload and try again.",
                Text: ServerPhrases.VersionConflict.With(("version", state.State.Version), ("expected", request.ExpectedVersion))));
        }
        return state.State.Draft ? await ReplaceDraft(request.Definition) : await Amend(current, request);
    }

    /// <summary>A draft takes the definition as it is, gaps and all; publishing checks it.</summary>
    private async Task<WorkspaceOutcome> ReplaceDraft(MeetingDefinition definition)
    {
        var (records, version) = (state.State.RecordCount, state.State.Version);
        state.State.Define(definition);
        state.State.Version = version + 1;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.DropUnstored(records);
            state.State.Version = version;
            throw;
        }
        return new WorkspaceOutcome(WorkspaceView(), null, null, [], null);
    }

    private async Task<WorkspaceOutcome> Amend(MeetingDefinition current, ReplaceDefinition request)
    {
        var checkedDefinition = DefinitionValidator.Validate(request.Definition);
        if (checkedDefinition.Meeting is not { } meeting)
        {
            return WorkspaceOutcome.Refused(new Refusal(RefusalKind.Invalid, "The definition has problems; nothing was changed.",
                Text: ServerPhrases.DefinitionHasProblems.With(("count", checkedDefinition.Problems.Count))), checkedDefinition.Problems);
        }
        var amendments = DefinitionAmendments.Diff(current, request.Definition);
        if (amendments.Count == 0)
        {
            return new WorkspaceOutcome(WorkspaceView(), Snapshot(), null, [], null);
        }
        if (DefinitionAmendments.Protect(amendments, _live!, state.State.Log) is { } conflict)
        {
            return WorkspaceOutcome.Refused(conflict);
        }
        // Plan before committing: the secretariat's schedule changes must still apply to the amended meeting. What no longer
        // fits is said at its place in the schedule request, each with its phrase, for the page to list in the officer's language.
        if (state.State.Schedule is { } changes && SchedulePlanner.Check(meeting, changes) is { Count: > 0 } unfit)
        {
            return WorkspaceOutcome.Refused(new Refusal(RefusalKind.Conflict,
                $"The schedule changes made so far no longer fit the amended meeting ({string.Join(" ", unfit)}); nothing was changed.",
                Text: ServerPhrases.AmendScheduleNoLongerFits.With(), Problems: unfit), unfit);
        }
        Plan plan;
        try
        {
            plan = state.State.Schedule is { } schedule ? SchedulePlanner.Plan(meeting, schedule) : SchedulePlanner.Plan(meeting);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            return WorkspaceOutcome.Refused(new Refusal(RefusalKind.Conflict,
                $"The schedule changes made so far no longer fit the amended meeting ({e.Message}); nothing was changed.",
                Text: ServerPhrases.AmendScheduleNoLongerFits.With()));
        }
        _ = plan;

        var name = string.IsNullOrWhiteSpace(request.ActorName) ? null : request.ActorName.Trim()[..Math.Min(request.ActorName.Trim().Length, Actor.MaxNameLength)];
        var commandId = "amend-" + Guid.NewGuid().ToString("N");
        var entries = DefinitionAmendments.Entries(amendments, new Actor(Role.Organizer, name), time.GetUtcNow(), commandId, state.State.Version + 1);
        var s = state.State;
        var (records, version) = (s.RecordCount, s.Version);
        s.Define(request.Definition, entries);
        s.Version = entries[^1].Version;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            s.DropUnstored(records);
            s.Version = version;
            DeactivateOnIdle();
            throw;
        }
        _defined = meeting;
        Replan(s.Schedule);
        _live = LiveState.Initial(_meeting!).Apply(s.Log);
        var snapshot = Snapshot();
        await Publish(entries, snapshot);
        TellSittings(entries);
        // The list shows the title, dates and bodies: say them again (idempotent).
        s.Listed = false;
        await Heal();
        return new WorkspaceOutcome(WorkspaceView(), snapshot, null, [], null);
    }

    public async Task<WorkspaceOutcome> RotateChairKey(string? presentedKey, string newKey)
    {
        if (OrganizerRefusal(presentedKey, "A new chair key") is { } refused)
        {
            return WorkspaceOutcome.Refused(refused);
        }
        if (!state.RecordExists || state.State.Definition is null)
        {
            return WorkspaceOutcome.Refused(Refusal.NoMeeting(Id));
        }
        if (string.IsNullOrEmpty(newKey) || newKey.Length < 16)
        {
            return WorkspaceOutcome.Refused(new Refusal(RefusalKind.Invalid, "A chair key is at least 16 characters.", Text: ServerPhrases.ChairKeyTooShort.With(("count", 16))));
        }
        if (!Keys.MatchesHash(newKey, state.State.ChairKeyHash))
        {
            var old = state.State.ChairKeyHash;
            state.State.ChairKeyHash = Keys.Hash(newKey);
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.ChairKeyHash = old;
                throw;
            }
        }
        return new WorkspaceOutcome(WorkspaceView(), _meeting is null ? null : Snapshot(), newKey, [], null);
    }
}
