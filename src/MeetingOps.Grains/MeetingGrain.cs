using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingOps.Grains;

/// <summary>
/// One meeting. Every command goes through here, one at a time: check who is acting, check the Idempotency-Key
/// and the expected version, let <see cref="MeetingRules"/> decide, then commit the changes to the log in one
/// write (the commit point, with the intent) and drive them to the session and agenda item grains that own
/// those statuses. A crash after the commit is healed by re-driving the intent: each step applies once, by version.
/// </summary>
public sealed partial class MeetingGrain(
    [PersistentState("meeting", StorageNames.Meetings)] IPersistentState<MeetingState> state,
    IOrganizerCredential organizer,
    IMeetingPublisher publisher,
    [FromKeyedServices(Clocks.Meeting)] TimeProvider time,
    ILogger<MeetingGrain> logger) : Grain, IMeetingGrain
{
    public const int MaxIdempotencyKeyLength = 200;

    private Meeting? _meeting;
    private LiveState? _live;
    private MeetingView? _snapshot;
    private bool _intentDriven;
    private IGrainTimer? _healing;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && state.State.Definition is { } definition)
        {
            var result = DefinitionValidator.Validate(definition);
            if (result.Meeting is null)
            {
                LogUnreadable(Id, string.Join("; ", result.Problems));
                return;
            }
            _meeting = result.Meeting;
            _live = LiveState.Initial(_meeting).Apply(state.State.Log);
            await Heal();
        }
    }

    public async Task<MeetingCreated> Create(CreateMeeting request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!organizer.Matches(request.PresentedKey))
        {
            return new MeetingCreated(null, null, [], string.IsNullOrEmpty(request.PresentedKey)
                ? new Refusal(RefusalKind.Unauthenticated, "Creating a meeting needs the organizer key (Authorization: Bearer <organizerKey>).")
                : new Refusal(RefusalKind.Forbidden, "The key presented is not the organizer key."));
        }
        if (state.RecordExists)
        {
            return new MeetingCreated(null, null, [], new Refusal(RefusalKind.Conflict, $"Meeting \"{Id}\" already exists."));
        }
        var checkedDefinition = DefinitionValidator.Validate(request.Definition);
        if (checkedDefinition.Meeting is not { } meeting)
        {
            return new MeetingCreated(null, null, checkedDefinition.Problems,
                new Refusal(RefusalKind.Invalid, "The meeting definition has problems; nothing was created."));
        }

        var chairKey = Keys.NewKey();
        state.State = new MeetingState
        {
            Definition = request.Definition,
            ChairKeyHash = Keys.Hash(chairKey),
            CreatedAt = time.GetUtcNow(),
        };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = new MeetingState();
            throw;
        }
        _meeting = meeting;
        _live = LiveState.Initial(meeting);
        _snapshot = null;
        await Heal(); // lists the meeting in the directory
        return new MeetingCreated(chairKey, Snapshot(), [], null);
    }

    [Orleans.Concurrency.ReadOnly]
    public Task<MeetingView?> GetSnapshot() => Task.FromResult(_meeting is null ? null : Snapshot());

    [Orleans.Concurrency.ReadOnly]
    public Task<IReadOnlyList<LogEntry>?> GetLog(long afterVersion) =>
        Task.FromResult<IReadOnlyList<LogEntry>?>(_meeting is null ? null : state.State.Log.Where(e => e.Version > afterVersion).ToList());

    public async Task<CommandOutcome> Execute(CommandEnvelope command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_meeting is null || _live is null)
        {
            return CommandOutcome.Refused(new Refusal(RefusalKind.NotFound, $"There is no meeting \"{Id}\"."));
        }
        if (Malformed(command) is { } malformed)
        {
            return CommandOutcome.Refused(malformed);
        }
        if (Authorize(command) is not { } actor)
        {
            return CommandOutcome.Refused(string.IsNullOrEmpty(command.PresentedKey)
                ? new Refusal(RefusalKind.Unauthenticated, "This needs the meeting's chair key (Authorization: Bearer <chairKey>).")
                : new Refusal(RefusalKind.Forbidden, "The key presented is not this meeting's chair key."));
        }

        return await Run(actor, (Command?)command.Item ?? command.Session!, command.IdempotencyKey, command.ExpectedVersion, Fingerprint(command));
    }

    public async Task EndAtCap(string sessionId)
    {
        if (_meeting?.FindSession(sessionId) is not { CapMinutes: { } cap } || _live!.Session(sessionId).Status == SessionStatus.Ended)
        {
            return; // ended already (by the chair, or by an earlier tick): nothing to do
        }
        var reason = $"the {Minutes(cap)} cap was reached";
        var command = new SessionCommand(sessionId, SessionAction.End, reason);
        var outcome = await Run(new Actor(Role.System), command, $"cap:{sessionId}", null, $"end session {sessionId} at its cap");
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
        var capAt = started + TimeSpan.FromMinutes(cap);
        var message = $"{minutesLeft} minutes left before the {Minutes(cap)} cap of session {session.Id}; it ends at {TimeZoneInfo.ConvertTime(capAt, TimeZoneInfo.FindSystemTimeZoneById(_meeting.TimeZone)):HH:mm} venue time.";
        try
        {
            await publisher.Announced(Id, new CapAnnouncement(sessionId, minutesLeft, capAt, message));
        }
        catch (Exception e)
        {
            LogPublishFailed(e, Id, state.State.Version);
        }
    }

    /// <summary>Every command, the chair's or MeetingOps' own: idempotency, expected version, the rules, commit, drive, publish.</summary>
    private async Task<CommandOutcome> Run(Actor actor, Command command, string? idempotencyKey, long? expectedVersion, string fingerprint)
    {
        // An earlier command's changes must reach their grains before anything new is decided.
        await DriveIntent();

        var commandId = idempotencyKey ?? Guid.NewGuid().ToString("N");
        if (state.State.Commands.TryGetValue(commandId, out var earlier))
        {
            return earlier == fingerprint
                ? new CommandOutcome(Snapshot(), state.State.Log.Where(e => e.CommandId == commandId).ToList(), Replayed: true, null)
                : CommandOutcome.Refused(new Refusal(RefusalKind.Conflict,
                    $"Idempotency-Key \"{commandId}\" was already used for another command ({earlier}); use a new key for a new command."));
        }
        if (expectedVersion is { } expected && expected != state.State.Version)
        {
            return CommandOutcome.Refused(new Refusal(RefusalKind.VersionConflict,
                $"The meeting is at version {state.State.Version}, not {expected}: something changed since you looked. Reload and try again."));
        }

        var context = new MeetingRules.Context(actor, time.GetUtcNow(), commandId, state.State.Version + 1);
        var decided = MeetingRules.Decide(_meeting!, _live!, command, context);
        if (decided.Refusal is { } refusal)
        {
            return CommandOutcome.Refused(refusal);
        }

        await Commit(decided.Changes, commandId, fingerprint);
        await DriveIntent(throwOnFailure: false);
        var snapshot = Snapshot();
        await Publish(decided.Changes, snapshot);
        return new CommandOutcome(snapshot, decided.Changes, Replayed: false, null);
    }

    private static string Minutes(int cap) => cap % 60 == 0 ? $"{(cap / 60 == 2 ? "two" : (cap / 60).ToString(System.Globalization.CultureInfo.InvariantCulture))}-hour" : $"{cap}-minute";

    /// <summary>The commit point: the changes, the new version, the intent and the idempotency record in one write.</summary>
    private async Task Commit(IReadOnlyList<LogEntry> changes, string commandId, string fingerprint)
    {
        var s = state.State;
        var (version, logCount, pending) = (s.Version, s.Log.Count, s.Pending);
        s.Version = changes[^1].Version;
        s.Log.AddRange(changes);
        s.Pending = [.. changes];
        s.Commands[commandId] = fingerprint;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored, so not done: put memory back exactly as it was.
            s.Version = version;
            s.Log.RemoveRange(logCount, s.Log.Count - logCount);
            s.Pending = pending;
            s.Commands.Remove(commandId);
            throw;
        }
        _live = _live!.Apply(changes);
        _snapshot = null;
        _intentDriven = false;
    }

    /// <summary>Applies the committed intent to the session and agenda item grains. Each apply is idempotent by version.</summary>
    private async Task DriveIntent(bool throwOnFailure = true)
    {
        if (_intentDriven || state.State.Pending.Count == 0)
        {
            _intentDriven = true;
            return;
        }
        try
        {
            foreach (var change in state.State.Pending)
            {
                var key = GrainKeys.Child(Id, change.Subject == ChangeSubject.Item ? change.ItemId! : change.SessionId!);
                if (change.Subject == ChangeSubject.Item)
                {
                    await GrainFactory.GetGrain<IAgendaItemGrain>(key).Apply(change);
                    continue;
                }
                var session = GrainFactory.GetGrain<ISessionGrain>(key);
                await session.Apply(change);
                if (CapWatchChange(change, out var watch))
                {
                    await session.WatchCap(watch);
                }
            }
            _intentDriven = true;
        }
        catch (Exception e) when (!throwOnFailure)
        {
            // Committed but not yet everywhere: the log is the record, and the healing timer finishes the job.
            LogIntentStalled(e, Id, state.State.Version);
            StartHealing();
        }
    }

    /// <summary>What a sitting's change means for its cap watch: start watching when a capped sitting starts, stop when it ends.</summary>
    private bool CapWatchChange(LogEntry change, out CapWatch? watch)
    {
        watch = null;
        if (change.SessionStatusAfter() == SessionStatus.Ended)
        {
            return true;
        }
        if (change.Action == "start" && _meeting!.FindSession(change.SessionId!) is { CapMinutes: { } cap } session)
        {
            watch = new CapWatch(Id, session.Id, change.At + TimeSpan.FromMinutes(cap), cap);
            return true;
        }
        return false;
    }

    /// <summary>Finishes what a crash or a failed write left undone: the intent and the directory listing.</summary>
    private async Task Heal()
    {
        try
        {
            await DriveIntent();
            if (!state.State.Listed && _meeting is not null)
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
            LogIntentStalled(e, Id, state.State.Version);
            StartHealing();
        }
    }

    private void StartHealing() =>
        _healing ??= this.RegisterGrainTimer(static (grain, _) => grain.Heal(), this,
            new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)) { Interleave = false, KeepAlive = true });

    /// <summary>Tells followers; a follower that misses it resyncs by version, so a failure here never fails the command.</summary>
    private async Task Publish(IReadOnlyList<LogEntry> changes, MeetingView snapshot)
    {
        try
        {
            await publisher.Published(Id, changes, snapshot);
        }
        catch (Exception e)
        {
            LogPublishFailed(e, Id, snapshot.Version);
        }
    }

    private MeetingView Snapshot() => _snapshot ??= MeetingViews.Snapshot(Id, _meeting!, _live!, state.State.Version);

    private Actor? Authorize(CommandEnvelope command)
    {
        var name = string.IsNullOrWhiteSpace(command.ActorName) ? null : command.ActorName.Trim();
        if (Keys.MatchesHash(command.PresentedKey, state.State.ChairKeyHash))
        {
            return new Actor(Role.Chair, name);
        }
        return organizer.Matches(command.PresentedKey) ? new Actor(Role.Organizer, name) : null;
    }

    private static Refusal? Malformed(CommandEnvelope command)
    {
        if ((command.Item is null) == (command.Session is null))
        {
            return new Refusal(RefusalKind.Invalid, "A command is either an item command or a session command.");
        }
        if (command.IdempotencyKey is { } key && (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(char.IsControl)))
        {
            return new Refusal(RefusalKind.Invalid, $"Idempotency-Key must be 1–{MaxIdempotencyKeyLength} printable characters.");
        }
        if (command.ActorName is { Length: > Actor.MaxNameLength })
        {
            return new Refusal(RefusalKind.Invalid, $"The actor's name is at most {Actor.MaxNameLength} characters.");
        }
        return null;
    }

    private static string Fingerprint(CommandEnvelope command) => command.Item is { } item
        ? $"{MeetingRules.Name(item.Action)} item {item.ItemId}{(item.SessionId is null ? "" : $" in session {item.SessionId}")}"
        : $"{command.Session!.Action.ToString().ToLowerInvariant()} session {command.Session.SessionId}";

    [LoggerMessage(Level = LogLevel.Error, Message = "Meeting {MeetingId} is stored but its definition no longer reads: {Problems}")]
    private partial void LogUnreadable(string meetingId, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: ending session {SessionId} at its cap was refused: {Reason}")]
    private partial void LogCapRefused(string meetingId, string sessionId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: publishing version {Version} failed; followers resync by version")]
    private partial void LogPublishFailed(Exception exception, string meetingId, long version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId} at version {Version}: committed changes have not reached every grain yet; retrying")]
    private partial void LogIntentStalled(Exception exception, string meetingId, long version);
}
