using System.Security.Cryptography;
using System.Text;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Floor;

namespace MeetingOps.Grains;

/// <summary>What the delegations grain keeps. Keys only as hashes; no key can be read back from it.</summary>
public sealed class DelegationsState
{
    /// <summary>False until the secretariat first sends a list: until then the meeting definition's list applies.</summary>
    public bool Edited { get; set; }

    public List<Delegation> Delegations { get; set; } = [];

    public int? StatementLimitSeconds { get; set; }

    /// <summary>Per delegation id, the hash of its one valid key.</summary>
    public Dictionary<string, string> KeyHashes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Per issuing (the hash of its Idempotency-Key), the delegation it was for. A resend with the same Idempotency-Key
    /// derives the same key again from <see cref="Secret"/>, so the key itself is never stored.
    /// </summary>
    public Dictionary<string, string> Issues { get; set; } = new(StringComparer.Ordinal);

    public string Secret { get; set; } = "";
}

/// <summary>A meeting's delegations and their keys; tells the floor grains who a key is.</summary>
public sealed class DelegationsGrain(
    [PersistentState("delegations", StorageNames.Meetings)] IPersistentState<DelegationsState> state,
    IOrganizerCredential organizer) : Grain, IDelegationsGrain
{
    private FloorSource? _source;
    private Dictionary<string, string>? _byKeyHash;

    private string Id => this.GetPrimaryKeyString();

    public async Task<DelegationList?> Get() => await Source() is { } source ? List(source) : null;

    public async Task<FloorAccess?> Access(string? presentedKey, string itemId)
    {
        if (await Source() is not { } source)
        {
            return null;
        }
        var list = List(source);
        return new FloorAccess(Identify(presentedKey, source), source.ItemIds.Contains(itemId), list.Delegations, list.StatementLimitSeconds);
    }

    public async Task<DelegationsOutcome> Set(string? presentedKey, DelegationList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (await Source() is null)
        {
            return new DelegationsOutcome(null, [], Refusal.NoMeeting(Id));
        }
        if (OrganizerRefusal(presentedKey) is { } refused)
        {
            return new DelegationsOutcome(null, [], refused);
        }
        var problems = Delegations.Check(list.Delegations).Append(Delegations.CheckLimit(list.StatementLimitSeconds))
            .OfType<DelegationProblem>().ToList();
        if (problems.Count > 0)
        {
            return new DelegationsOutcome(null, problems, new Refusal(RefusalKind.Invalid, "The list of delegations has problems; nothing was changed.",
                Text: ServerPhrases.DelegationsProblems.With()));
        }
        var kept = list.Delegations.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        await Write(s =>
        {
            s.Edited = true;
            s.Delegations = [.. list.Delegations];
            s.StatementLimitSeconds = list.StatementLimitSeconds;
            foreach (var gone in s.KeyHashes.Keys.Where(id => !kept.Contains(id)).ToList())
            {
                s.KeyHashes.Remove(gone); // a delegation taken off the list loses its key
            }
        });
        return new DelegationsOutcome(List(_source!), [], null);
    }

    public async Task<KeyIssued> IssueKey(string? presentedKey, string delegationId, string? idempotencyKey)
    {
        if (await Source() is not { } source)
        {
            return new KeyIssued(null, false, Refusal.NoMeeting(Id));
        }
        if (OrganizerRefusal(presentedKey) is { } refused)
        {
            return new KeyIssued(null, false, refused);
        }
        if (List(source).Delegations.All(d => d.Id != delegationId))
        {
            return new KeyIssued(null, false, new Refusal(RefusalKind.NotFound, $"This meeting has no delegation \"{delegationId}\".",
                Text: ServerPhrases.DelegationNotFound.With(("delegation", delegationId))));
        }
        if (idempotencyKey is null)
        {
            var fresh = Keys.NewKey();
            await Write(s => s.KeyHashes[delegationId] = Keys.Hash(fresh));
            return new KeyIssued(fresh, false, null);
        }
        var issue = Keys.Hash("issue\n" + idempotencyKey);
        if (state.State.Secret.Length == 0)
        {
            await Write(s => s.Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        var derived = Derive(delegationId, idempotencyKey);
        if (state.State.Issues.TryGetValue(issue, out var earlier))
        {
            if (earlier != delegationId)
            {
                return new KeyIssued(null, false, new Refusal(RefusalKind.Conflict,
                    $"This Idempotency-Key was already used to issue the key of another delegation; use a new key for a new command.",
                    Text: ServerPhrases.DelegationKeyForOther.With()));
            }
            return state.State.KeyHashes.TryGetValue(delegationId, out var hash) && Keys.MatchesHash(derived, hash)
                ? new KeyIssued(derived, true, null)
                : new KeyIssued(null, false, new Refusal(RefusalKind.Conflict,
                    $"The key issued under this Idempotency-Key has since been replaced by a newer key for \"{delegationId}\"; it is revoked.",
                    Text: ServerPhrases.DelegationKeyRevoked.With(("delegation", delegationId))));
        }
        await Write(s =>
        {
            s.Issues[issue] = delegationId;
            s.KeyHashes[delegationId] = Keys.Hash(derived);
        });
        return new KeyIssued(derived, false, null);
    }

    /// <summary>The key an issuing with this Idempotency-Key gives: the same each time, unguessable without the stored secret.</summary>
    private string Derive(string delegationId, string idempotencyKey)
    {
        var mac = HMACSHA256.HashData(Convert.FromBase64String(state.State.Secret), Encoding.UTF8.GetBytes(delegationId + "\n" + idempotencyKey));
        return Convert.ToBase64String(mac.AsSpan(0, 24)).Replace('+', '-').Replace('/', '_');
    }

    private FloorActor? Identify(string? key, FloorSource source)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }
        if (Keys.MatchesHash(key, source.ChairKeyHash))
        {
            return new FloorActor(FloorRole.Chair);
        }
        if (organizer.Matches(key))
        {
            return new FloorActor(FloorRole.Organizer);
        }
        _byKeyHash ??= state.State.KeyHashes.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        return _byKeyHash.TryGetValue(Keys.Hash(key), out var delegationId) ? new FloorActor(FloorRole.Delegation, delegationId) : null;
    }

    private Refusal? OrganizerRefusal(string? key) => string.IsNullOrEmpty(key)
        ? new Refusal(RefusalKind.Unauthenticated, "This needs the organizer key (Authorization: Bearer <organizerKey>).",
            Text: ServerPhrases.DelegationsOrganizerRequired.With())
        : organizer.Matches(key) ? null : new Refusal(RefusalKind.Forbidden, "The key presented is not the organizer key.",
            Text: ServerPhrases.DelegationsNotOrganizer.With());

    private DelegationList List(FloorSource source) => state.State.Edited
        ? new DelegationList(state.State.Delegations, state.State.StatementLimitSeconds)
        : new DelegationList(source.Delegations, state.State.StatementLimitSeconds);

    private async Task<FloorSource?> Source() =>
        _source ??= await GrainFactory.GetGrain<IMeetingFloorSource>(Id).GetFloorSource();

    /// <summary>Changes the state and writes it; when the write fails, memory goes back to what storage last took.</summary>
    private async Task Write(Action<DelegationsState> change)
    {
        change(state.State);
        _byKeyHash = null;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await state.ReadStateAsync();
            throw;
        }
    }
}
