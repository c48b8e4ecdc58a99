using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Grains;

/// <summary>
/// Drafts: a definition stored with its gaps (no dates, no sittings yet), seen only with the organizer key. While a
/// meeting is a draft <see cref="_meeting"/> stays null, so every public read and every chair command answers as if
/// there were no meeting (404): a draft is not listed and cannot be followed. Publishing checks it like a creation.
/// </summary>
public sealed partial class MeetingGrain
{
    public async Task<WorkspaceOutcome> CreateDraft(CreateDraft request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (OrganizerRefusal(request.PresentedKey, "Creating a draft") is { } refused)
        {
            return WorkspaceOutcome.Refused(refused);
        }
        if (state.RecordExists)
        {
            // The same draft sent again (its answer was lost): only its sender knows the chair key it chose.
            return request.ChairKey is not null && Keys.MatchesHash(request.ChairKey, state.State.ChairKeyHash) && state.State.Draft
                ? new WorkspaceOutcome(WorkspaceView(), null, request.ChairKey, [], null)
                : WorkspaceOutcome.Refused(new Refusal(RefusalKind.Conflict, $"Meeting \"{Id}\" already exists.", Text: ServerPhrases.MeetingExists.With(("id", Id))));
        }
        var chairKey = request.ChairKey ?? Keys.NewKey();
        var draft = new MeetingState
        {
            ChairKeyHash = Keys.Hash(chairKey),
            CreatedAt = time.GetUtcNow(),
            Draft = true,
            Warnings = [.. request.Warnings],
        };
        draft.Define(request.Definition);
        state.State = draft;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new MeetingState();
            throw;
        }
        return new WorkspaceOutcome(WorkspaceView(), null, chairKey, [], null);
    }

    [Orleans.Concurrency.ReadOnly]
    public Task<WorkspaceOutcome> GetDefinition(string? presentedKey)
    {
        if (OrganizerRefusal(presentedKey, "The definition") is { } refused)
        {
            return Task.FromResult(WorkspaceOutcome.Refused(refused));
        }
        return Task.FromResult(!state.RecordExists || state.State.Definition is null
            ? WorkspaceOutcome.Refused(Refusal.NoMeeting(Id))
            : new WorkspaceOutcome(WorkspaceView(), _meeting is null ? null : Snapshot(), null, [], null));
    }

    public async Task<WorkspaceOutcome> Publish(string? presentedKey)
    {
        if (OrganizerRefusal(presentedKey, "Publishing") is { } refused)
        {
            return WorkspaceOutcome.Refused(refused);
        }
        if (!state.RecordExists || state.State.Definition is not { } definition)
        {
            return WorkspaceOutcome.Refused(Refusal.NoMeeting(Id));
        }
        if (!state.State.Draft)
        {
            // Published already (perhaps by this same call, whose answer was lost): nothing to do.
            return new WorkspaceOutcome(WorkspaceView(), Snapshot(), null, [], null);
        }
        var checkedDefinition = DefinitionValidator.Validate(definition);
        if (checkedDefinition.Meeting is not { } meeting)
        {
            return WorkspaceOutcome.Refused(
                new Refusal(RefusalKind.IllegalTransition, "The draft has problems; it is still a draft. Fix each one and publish again.",
                    Text: ServerPhrases.DraftHasProblems.With(("count", checkedDefinition.Problems.Count))),
                checkedDefinition.Problems);
        }
        state.State.Draft = false;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Draft = true;
            throw;
        }
        _defined = meeting;
        Replan(state.State.Schedule);
        _live = LiveState.Initial(_meeting!).Apply(state.State.Log);
        await Heal(); // lists the meeting in the directory
        return new WorkspaceOutcome(WorkspaceView(), Snapshot(), null, [], null);
    }

    /// <summary>The secretariat's view; the problems are what publishing (or saving, once live) would refuse.</summary>
    private WorkspaceView WorkspaceView()
    {
        var definition = state.State.Definition!;
        var problems = state.State.Draft ? DefinitionValidator.Validate(definition).Problems : [];
        return new WorkspaceView(Id, MeetingStatus(), state.State.Version, definition, state.State.Warnings, problems);
    }

    private string MeetingStatus() => state.State.Draft ? MeetingStatuses.Draft : state.State.Archived ? MeetingStatuses.Archived : MeetingStatuses.Live;

    private Refusal? OrganizerRefusal(string? key, string what) =>
        organizer.Matches(key) ? null
        : string.IsNullOrEmpty(key) ? new Refusal(RefusalKind.Unauthenticated, $"{what} needs the organizer key (Authorization: Bearer <organizerKey>).",
            Text: ServerPhrases.OrganizerKeyRequired.With())
        : new Refusal(RefusalKind.Forbidden, "The key presented is not the organizer key.", Text: ServerPhrases.NotOrganizerKey.With());
}
