using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Floor;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingOps.Grains;

/// <summary>What an item's floor grain keeps: the list of speakers, its version, its log and the commands seen.</summary>
public sealed class FloorGrainState
{
    public FloorState Floor { get; set; } = FloorState.Empty;

    public long Version { get; set; }

    public List<FloorLogEntry> Log { get; set; } = [];

    /// <summary>Idempotency: each command id (the Idempotency-Key) and what it asked for.</summary>
    public Dictionary<string, string> Commands { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Tells followers that an item's floor changed. The host implements it; grains do not know how it travels.</summary>
public interface IFloorPublisher
{
    Task FloorChanged(string meetingId, FloorView view);
}

/// <summary>
/// The list of speakers of one agenda item. Every command is checked here, whoever sends it: who the key is (the
/// delegations grain answers), whether a delegation sends too many, the Idempotency-Key, the expected version; then
/// the domain rules decide and the new state, log entry and command id are written in one write before anyone hears.
/// The timer is stored as instants, so after a restart the floor reads exactly as before it.
/// </summary>
public sealed partial class FloorGrain(
    [PersistentState("floor", StorageNames.Meetings)] IPersistentState<FloorGrainState> state,
    [FromKeyedServices(Clocks.Meeting)] TimeProvider time,
    IServiceProvider services,
    ILogger<FloorGrain> logger) : Grain, IFloorGrain
{
    /// <summary>A delegation may send this many floor commands at once…</summary>
    public const int Burst = 5;

    /// <summary>…and one more every this many seconds after that; the rest are answered 429.</summary>
    public const double RefillSeconds = 2;

    private const int MaxTracked = 1000;

    /// <summary>Per delegation: tokens left and when they were counted. In memory only: a flood does not outlive the activation's interest in it.</summary>
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _buckets = new(StringComparer.Ordinal);

    private string MeetingId => this.GetPrimaryKeyString()[..this.GetPrimaryKeyString().IndexOf('/', StringComparison.Ordinal)];

    private string ItemId => this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().IndexOf('/', StringComparison.Ordinal) + 1)..];

    public async Task<FloorOutcome> Execute(FloorEnvelope command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.IdempotencyKey is { } idem && (idem.Length is 0 or > MeetingGrain.MaxIdempotencyKeyLength || idem.Any(char.IsControl)))
        {
            return Refused(RefusalKind.Invalid, $"Idempotency-Key must be 1–{MeetingGrain.MaxIdempotencyKeyLength} printable characters.",
                ServerPhrases.IdempotencyKeyMalformed.With(("count", MeetingGrain.MaxIdempotencyKeyLength)));
        }
        if (command.ActorName is { } actorName && (actorName.Length > Actor.MaxNameLength || actorName.Any(char.IsControl)))
        {
            return Refused(RefusalKind.Invalid, $"The actor's name is at most {Actor.MaxNameLength} printable characters (no control characters).",
                ServerPhrases.ActorNameTooLong.With(("count", Actor.MaxNameLength)));
        }
        var access = await GrainFactory.GetGrain<IDelegationsGrain>(MeetingId).Access(command.PresentedKey, ItemId);
        if (access is null)
        {
            return new FloorOutcome(null, false, Refusal.NoMeeting(MeetingId));
        }
        if (!access.ItemExists)
        {
            return Refused(RefusalKind.NotFound, $"This meeting has no agenda item \"{ItemId}\".", ServerPhrases.NoSuchItem.With(("id", ItemId)));
        }
        if (access.Actor is not { } actor)
        {
            return string.IsNullOrEmpty(command.PresentedKey)
                ? Refused(RefusalKind.Unauthenticated, "This needs a key of this meeting: the chair's, the organizer's or a delegation's (Authorization: Bearer <key>).",
                    ServerPhrases.FloorKeyRequired.With())
                : Refused(RefusalKind.Forbidden, "The key presented is not a key of this meeting.", ServerPhrases.FloorNotMeetingKey.With());
        }
        var now = time.GetUtcNow();
        if (actor.Role == FloorRole.Delegation && !Take(actor.DelegationId!, now))
        {
            return new FloorOutcome(null, false, new Refusal(RefusalKind.Invalid,
                $"Too many floor commands from this delegation's key: at most {Burst} at once, then one every {RefillSeconds:0} seconds.",
                Text: ServerPhrases.FloorTooMany.With(("count", Burst), ("intervalSeconds", RefillSeconds))), Throttled: true);
        }
        if (actor.Role != FloorRole.Delegation && command.ActorName is { } name && !string.IsNullOrWhiteSpace(name))
        {
            actor = actor with { Name = name.Trim() };
        }

        var commandId = command.IdempotencyKey ?? Guid.NewGuid().ToString("N");
        var fingerprint = Fingerprint(command.Command, actor);
        if (state.State.Commands.TryGetValue(commandId, out var earlier))
        {
            return earlier == fingerprint
                ? new FloorOutcome(View(access, now), true, null)
                : Refused(RefusalKind.Conflict, $"Idempotency-Key \"{commandId}\" was already used for another command ({earlier}); use a new key for a new command.",
                    ServerPhrases.IdempotencyKeyReused.With());
        }
        if (command.ExpectedVersion is { } expected && expected != state.State.Version)
        {
            return Refused(RefusalKind.VersionConflict,
                $"The list of speakers of this item is at version {state.State.Version}, not {expected}: something changed since you looked. Reload and try again.",
                ServerPhrases.FloorVersionConflict.With(("version", state.State.Version), ("expected", expected)));
        }
        var decision = FloorRules.Decide(state.State.Floor, command.Command, actor, access.Delegations, access.StatementLimitSeconds, now);
        if (decision.Refusal is { } refusal)
        {
            return new FloorOutcome(null, false, refusal);
        }

        var change = decision.Change!;
        var entry = new FloorLogEntry(state.State.Version + 1, now, commandId, actor.ToString(), ItemId, change.Action, change.DelegationId, change.Kind, change.Note);
        var (floor, version) = (state.State.Floor, state.State.Version);
        state.State.Floor = decision.State!;
        state.State.Version = entry.Version;
        state.State.Log.Add(entry);
        state.State.Commands[commandId] = fingerprint;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not known to be stored: memory goes back, and this activation steps down so the next call reads storage afresh.
            state.State.Floor = floor;
            state.State.Version = version;
            state.State.Log.RemoveAt(state.State.Log.Count - 1);
            state.State.Commands.Remove(commandId);
            DeactivateOnIdle();
            throw;
        }
        var view = View(access, now);
        if (services.GetService<IFloorPublisher>() is { } publisher)
        {
            try
            {
                await publisher.FloorChanged(MeetingId, view);
            }
            catch (Exception e)
            {
                LogPublishFailed(e, MeetingId, ItemId, view.Version); // followers re-read the floor when they reconnect
            }
        }
        return new FloorOutcome(view, false, null);
    }

    public async Task<FloorView?> Get()
    {
        var access = await GrainFactory.GetGrain<IDelegationsGrain>(MeetingId).Access(null, ItemId);
        return access is { ItemExists: true } ? View(access, time.GetUtcNow()) : null;
    }

    public Task<FloorRecord> GetRecord() =>
        Task.FromResult(new FloorRecord([.. state.State.Log], [.. state.State.Floor.Spoke.Select(s => s.DelegationId)]));

    private FloorView View(FloorAccess access, DateTimeOffset now) =>
        FloorView.Of(MeetingId, ItemId, state.State.Version, state.State.Floor, access.Delegations, access.StatementLimitSeconds, now);

    /// <summary>A token bucket per delegation: a phone's double tap passes, a flood is refused without touching the list.</summary>
    private bool Take(string delegationId, DateTimeOffset now)
    {
        if (_buckets.Count > MaxTracked)
        {
            _buckets.Clear();
        }
        var (tokens, at) = _buckets.GetValueOrDefault(delegationId, (Burst, now));
        tokens = Math.Min(Burst, tokens + Math.Max(0, (now - at).TotalSeconds) / RefillSeconds);
        if (tokens < 1)
        {
            _buckets[delegationId] = (tokens, now);
            return false;
        }
        _buckets[delegationId] = (tokens - 1, now);
        return true;
    }

    private static FloorOutcome Refused(RefusalKind kind, string reason, ServerText text) => new(null, false, new Refusal(kind, reason, Text: text));

    private static string Fingerprint(FloorCommand c, FloorActor actor) =>
        $"{MeetingOpsJson.Name(c.Action)} {c.DelegationId} {(c.Kind is { } k ? MeetingOpsJson.Name(k) : "")} {c.Position} {c.LimitSeconds} by {actor.Role} {actor.DelegationId}".TrimEnd();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId} item {ItemId}: publishing floor version {Version} failed")]
    private partial void LogPublishFailed(Exception exception, string meetingId, string itemId, long version);
}
