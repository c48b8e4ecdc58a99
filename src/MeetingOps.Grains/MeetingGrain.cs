using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Schedule;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingOps.Grains;

/// <summary>
/// One meeting, the one writer of its agenda and sitting statuses. Every command goes through here, one at a time:
/// check who is acting, check the Idempotency-Key and the expected version, let the domain rules decide, commit the
/// changes in one write (the head and one new record, see <see cref="MeetingState"/>), answer and publish. No other
/// grain is written or waited for: a session grain that watches its sitting's cap hears of it one-way, by version.
/// This file: lifecycle, creation and reads. Commands: MeetingGrain.Commands.cs. Schedule and caps: MeetingGrain.Schedule.cs.
/// </summary>
public sealed partial class MeetingGrain(
    [PersistentState("meeting", StorageNames.Meetings)] IPersistentState<MeetingState> state,
    IOrganizerCredential organizer,
    IMeetingPublisher publisher,
    [FromKeyedServices(Clocks.Meeting)] TimeProvider time,
    ILogger<MeetingGrain> logger) : Grain, IMeetingGrain, IMeetingWorkspaceGrain
{
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>The meeting as defined: the organization of work the planner starts from.</summary>
    private Meeting? _defined;

    /// <summary>The meeting as it runs: the defined one with the schedule changes applied (formats, caps, extra sittings).</summary>
    private Meeting? _meeting;

    private Plan? _plan;
    private LiveState? _live;
    private MeetingView? _snapshot;
    private IGrainTimer? _healing;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State.Definition is { } definition && !state.State.Draft)
        {
            var result = DefinitionValidator.Validate(definition);
            if (result.Meeting is null)
            {
                LogUnreadable(Id, string.Join("; ", result.Problems));
                return;
            }
            _defined = result.Meeting;
            Replan(state.State.Schedule);
            _live = LiveState.Initial(_meeting!).Apply(Corrections.Effective(state.State.Log));
            TellSittings();
            await Heal();
        }
    }

    public async Task<MeetingCreated> Create(CreateMeeting request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!organizer.Matches(request.PresentedKey))
        {
            return new MeetingCreated(null, null, [], string.IsNullOrEmpty(request.PresentedKey)
                ? new Refusal(RefusalKind.Unauthenticated, "Creating a meeting needs the organizer key (Authorization: Bearer <organizerKey>).",
                    Text: ServerPhrases.OrganizerKeyRequired.With())
                : new Refusal(RefusalKind.Forbidden, "The key presented is not the organizer key.", Text: ServerPhrases.NotOrganizerKey.With()));
        }
        if (state.RecordExists)
        {
            // The same creation sent again (its answer was lost): only its sender knows the chair key it chose.
            return request.ChairKey is not null && Keys.MatchesHash(request.ChairKey, state.State.ChairKeyHash) && _meeting is not null
                ? new MeetingCreated(request.ChairKey, Snapshot(), [], null)
                : new MeetingCreated(null, null, [], new Refusal(RefusalKind.Conflict, $"Meeting \"{Id}\" already exists.", Text: ServerPhrases.MeetingExists.With(("id", Id))));
        }
        var checkedDefinition = DefinitionValidator.Validate(request.Definition);
        if (checkedDefinition.Meeting is not { } meeting)
        {
            return new MeetingCreated(null, null, checkedDefinition.Problems,
                new Refusal(RefusalKind.Invalid, "The meeting definition has problems; nothing was created.",
                    Text: ServerPhrases.CreationHasProblems.With(("count", checkedDefinition.Problems.Count))));
        }

        var chairKey = request.ChairKey ?? Keys.NewKey();
        var created = new MeetingState { ChairKeyHash = Keys.Hash(chairKey), CreatedAt = time.GetUtcNow() };
        created.Define(request.Definition);
        state.State = created;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new MeetingState();
            throw;
        }
        _defined = meeting;
        Replan(null);
        _live = LiveState.Initial(meeting);
        await Heal(); // lists the meeting in the directory
        return new MeetingCreated(chairKey, Snapshot(), [], null);
    }

    [Orleans.Concurrency.ReadOnly]
    public Task<MeetingView?> GetSnapshot()
    {
        ForgetIfUnknown();
        return Task.FromResult(_meeting is null ? null : Seen(Snapshot()));
    }

    [Orleans.Concurrency.ReadOnly]
    public Task<IReadOnlyList<LogEntry>?> GetLog(long afterVersion)
    {
        ForgetIfUnknown();
        return Task.FromResult<IReadOnlyList<LogEntry>?>(_meeting is null ? null : state.State.Log.Where(e => e.Version > afterVersion).ToList());
    }

    /// <summary>Plans the schedule as the secretariat last asked (or as defined) and derives the meeting as it runs.</summary>
    private void Replan(PlanRequest? request)
    {
        _plan = request is null ? SchedulePlanner.Plan(_defined!) : SchedulePlanner.Plan(_defined!, request);
        _meeting = request is null ? _defined : ScheduleRules.Effective(_defined!, _plan);
        _snapshot = null;
    }

    private MeetingView Snapshot()
    {
        // An announcement that expired leaves the snapshot by the grain's clock, without a new version.
        var now = time.GetUtcNow();
        if (_snapshot is not null && now >= _snapshotStaleAt)
        {
            _snapshot = null;
        }
        return _snapshot ??= MeetingViews.Snapshot(Id, _meeting!, _live!, state.State.Version)
            with { Archived = state.State.Archived,
                UndoText = Corrections.DescribeText(_meeting!, state.State.Log), Announcements = CurrentAnnouncements(now) };
    }

    /// <summary>Finishes what a crash or a failed write left undone at creation: the directory listing.</summary>
    private async Task Heal()
    {
        try
        {
            if (!state.State.Listed && _meeting is not null && !state.State.Archived)
            {
                await GrainFactory.GetGrain<IMeetingDirectoryGrain>(GrainKeys.Directory).Register(MeetingViews.Summary(Id, _meeting));
                state.State.Listed = true;
                await state.WriteStateAsync();
            }
            _healing?.Dispose();
            _healing = null;
        }
        catch (Exception e)
        {
            LogListingStalled(e, Id);
            StartHealing();
        }
    }

    private void StartHealing() =>
        _healing ??= this.RegisterGrainTimer(static (grain, _) => grain.Heal(), this,
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)) { Interleave = false, KeepAlive = true });

    [LoggerMessage(Level = LogLevel.Error, Message = "Meeting {MeetingId} is stored but its definition no longer reads: {Problems}")]
    private partial void LogUnreadable(string meetingId, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: listing it in the directory failed; retrying")]
    private partial void LogListingStalled(Exception exception, string meetingId);
}
