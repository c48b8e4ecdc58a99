using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace MeetingOps.Grains;

/// <summary>Commands: who is acting, idempotency, expected version, commit, publish.</summary>
public sealed partial class MeetingGrain
{
    /// <summary>What a command decided: the changes to commit, the schedule to store with them (if it changed), or why not.</summary>
    private sealed record Decided(IReadOnlyList<LogEntry> Changes, PlanRequest? Schedule, Refusal? Refusal);

    public Task<CommandOutcome> Execute(CommandEnvelope command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (new object?[] { command.Item, command.Session, command.Undo }.Count(c => c is not null) != 1)
        {
            return Task.FromResult(CommandOutcome.Refused(new Refusal(RefusalKind.Invalid, "A command is either an item command, a session command or an undo.",
                Text: ServerPhrases.CommandNotOneKind.With())));
        }
        if (command.Undo is { } undo)
        {
            return ExecuteUndo(command, undo);
        }
        var rulesCommand = (Command?)command.Item ?? command.Session!;
        return Act(command.PresentedKey, command.IdempotencyKey, command.ExpectedVersion, command.ActorName, Fingerprint(command), (actor, context) =>
        {
            var decided = MeetingRules.Decide(_meeting!, _live!, rulesCommand, context with { Actor = actor });
            return new Decided(decided.Changes, null, decided.Refusal);
        });
    }

    /// <summary>A command from outside: the meeting must exist, the envelope be well formed and the key be the chair's or the organizer's.</summary>
    private async Task<CommandOutcome> Act(string? key, string? idempotencyKey, long? expectedVersion, string? actorName, string fingerprint,
        Func<Actor, MeetingRules.Context, Decided> decide)
    {
        if (_meeting is null || _live is null)
        {
            await EnsureCurrent();
            ForgetIfUnknown();
            return CommandOutcome.Refused(Refusal.NoMeeting(Id));
        }
        if (state.State.Archived)
        {
            return CommandOutcome.Refused(new Refusal(RefusalKind.Conflict, $"Meeting \"{Id}\" is archived: its record is kept as it stands.",
                Text: ServerPhrases.MeetingArchived.With()));
        }
        if (Malformed(idempotencyKey, actorName) is { } malformed)
        {
            return CommandOutcome.Refused(malformed);
        }
        if (Authorize(key, actorName) is not { } actor)
        {
            return CommandOutcome.Refused(string.IsNullOrEmpty(key)
                ? new Refusal(RefusalKind.Unauthenticated, "This needs the meeting's chair key (Authorization: Bearer <chairKey>).",
                    Text: ServerPhrases.ChairKeyRequired.With())
                : new Refusal(RefusalKind.Forbidden, "The key presented is not this meeting's chair key.", Text: ServerPhrases.NotChairKey.With()));
        }
        return await Run(actor, idempotencyKey, expectedVersion, fingerprint, decide);
    }

    /// <summary>Every command, the chair's or MeetingOps' own: idempotency, expected version, decide, commit, publish.</summary>
    private async Task<CommandOutcome> Run(Actor actor, string? idempotencyKey, long? expectedVersion, string fingerprint,
        Func<Actor, MeetingRules.Context, Decided> decide)
    {
        var commandId = idempotencyKey ?? Guid.NewGuid().ToString("N");
        if (state.State.Commands.TryGetValue(commandId, out var earlier))
        {
            return earlier == fingerprint
                ? new CommandOutcome(Snapshot(), state.State.Log.Where(e => e.CommandId == commandId).ToList(), Replayed: true, null)
                : CommandOutcome.Refused(new Refusal(RefusalKind.Conflict,
                    $"Idempotency-Key \"{commandId}\" was already used for another command ({earlier}); use a new key for a new command.",
                    Text: ServerPhrases.IdempotencyKeyReused.With()));
        }
        if (expectedVersion is { } expected && expected != state.State.Version)
        {
            await EnsureCurrent();
            return CommandOutcome.Refused(new Refusal(RefusalKind.VersionConflict,
                $"The meeting is at version {state.State.Version}, not {expected}: something changed since you looked. Reload and try again.",
                Text: ServerPhrases.VersionConflict.With(("version", state.State.Version), ("expected", expected))));
        }

        var decided = decide(actor, new MeetingRules.Context(actor, time.GetUtcNow(), commandId, state.State.Version + 1));
        if (decided.Refusal is { } refusal)
        {
            await EnsureCurrent();
            return CommandOutcome.Refused(refusal);
        }

        await Commit(decided, commandId, fingerprint);
        // Committed is decided: followers hear of it now, and a watched sitting learns of it without being waited for.
        var snapshot = Snapshot();
        await Publish(decided.Changes, snapshot);
        TellSittings(decided.Changes);
        return new CommandOutcome(snapshot, decided.Changes, Replayed: false, null);
    }

    /// <summary>
    /// The commit point: the changes, the new version, the idempotency record (and a new schedule) in one write: the
    /// head and one new record (<see cref="MeetingState"/>), whatever the meeting's history.
    /// </summary>
    private async Task Commit(Decided decided, string commandId, string fingerprint)
    {
        var s = state.State;
        var (version, records, schedule) = (s.Version, s.RecordCount, s.Schedule);
        s.Version = decided.Changes[^1].Version;
        s.Commit(commandId, fingerprint, decided.Changes);
        s.Schedule = decided.Schedule ?? s.Schedule;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not known to be stored, so not done: put memory back exactly as it was. A write that failed may still have
            // landed (a timeout after the store took it), so memory may now be behind storage: this activation steps
            // down and the next call reads the stored state afresh (a retry with the same key is then replayed).
            s.Version = version;
            s.DropUnstored(records);
            s.Schedule = schedule;
            DeactivateOnIdle();
            throw;
        }
        if (decided.Schedule is not null)
        {
            Replan(decided.Schedule);
        }
        _live = decided.Changes.Any(Corrections.IsUndo)
            ? LiveState.Initial(_meeting!).Apply(Corrections.Effective(state.State.Log)) // as if the slip never happened
            : _live!.Apply(decided.Changes);
        _snapshot = null;
    }

    /// <summary>
    /// A refusal is decided without a write, so no ETag guards it. While a cluster's membership changes, Orleans can
    /// briefly hold two activations of one meeting, and the one that did not write last has memory behind storage: it
    /// would refuse a retried command that storage already allows ("already under consideration"). So before refusing,
    /// read what is stored: if it moved on, this activation steps down and the call fails as a passing cluster error,
    /// which the edge retries (the same Idempotency-Key) against a fresh activation. Costs one read per refusal only.
    /// </summary>
    private async Task EnsureCurrent()
    {
        var (version, etag) = (state.State.Version, state.Etag);
        await state.ReadStateAsync();
        if (state.Etag != etag)
        {
            DeactivateOnIdle();
            throw new InconsistentStateException(
                $"Meeting \"{Id}\" moved on in storage (version {state.State.Version}; this activation held {version}); try again.",
                state.Etag ?? "", etag ?? "");
        }
    }

    /// <summary>Tells followers; a follower that misses it resyncs by version, so a failure here never fails the command.</summary>
    private async Task Publish(IReadOnlyList<LogEntry> changes, MeetingView snapshot)
    {
        try
        {
            await publisher.Published(Id, changes, snapshot, PushOf(changes, snapshot));
        }
        catch (Exception e)
        {
            LogPublishFailed(e, Id, snapshot.Version);
        }
    }

    private Actor? Authorize(string? key, string? actorName)
    {
        var name = string.IsNullOrWhiteSpace(actorName) ? null : actorName.Trim();
        if (Keys.MatchesHash(key, state.State.ChairKeyHash))
        {
            return new Actor(Role.Chair, name);
        }
        return organizer.Matches(key) ? new Actor(Role.Organizer, name) : null;
    }

    private static Refusal? Malformed(string? idempotencyKey, string? actorName)
    {
        if (idempotencyKey is { } key && (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(char.IsControl)))
        {
            return new Refusal(RefusalKind.Invalid, $"Idempotency-Key must be 1–{MaxIdempotencyKeyLength} printable characters.",
                Text: ServerPhrases.IdempotencyKeyMalformed.With(("count", MaxIdempotencyKeyLength)));
        }
        // Checked here, not only at the REST edge: the hub passes the presiding officer's name straight through.
        if (actorName is { } name && (name.Length > Actor.MaxNameLength || name.Any(char.IsControl)))
        {
            return new Refusal(RefusalKind.Invalid, $"The actor's name is at most {Actor.MaxNameLength} printable characters (no control characters).",
                Text: ServerPhrases.ActorNameTooLong.With(("count", Actor.MaxNameLength)));
        }
        return null;
    }

    private static string Fingerprint(CommandEnvelope command) => command.Item is { } item
        ? $"{MeetingOpsJson.Name(item.Action)} item {item.ItemId}{(item.SessionId is null ? "" : $" in session {item.SessionId}")}"
        : command.Undo is { } undo
            ? $"undo {(undo.Version is { } v ? $"version {v}" : "the latest change")}"
            : $"{MeetingOpsJson.Name(command.Session!.Action)} session {command.Session.SessionId}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meeting {MeetingId}: publishing version {Version} failed; followers resync by version")]
    private partial void LogPublishFailed(Exception exception, string meetingId, long version);
}
