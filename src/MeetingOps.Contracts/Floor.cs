using MeetingOps.Domain;
using MeetingOps.Domain.Floor;
using Orleans.Concurrency;

namespace MeetingOps.Contracts;

/// <summary>
/// A meeting's delegations and their keys (key: the meeting id). Answers who a presented key is — the chair, the
/// secretariat or one delegation — for the floor grains, which check it on every command.
/// </summary>
[Alias("MeetingOps.IDelegationsGrain")]
public interface IDelegationsGrain : IGrainWithStringKey
{
    /// <summary>The delegations and the meeting's statement limit, or null when no meeting has this id.</summary>
    [Alias("Get"), ReadOnly]
    Task<DelegationList?> Get();

    /// <summary>Replaces the list (organizer key). Keys of delegations that stay keep working; keys of removed ones stop.</summary>
    [Alias("Set")]
    Task<DelegationsOutcome> Set(string? presentedKey, DelegationList list);

    /// <summary>Issues a delegation its key (organizer key); a new key revokes the old. The same Idempotency-Key answers the same key.</summary>
    [Alias("IssueKey")]
    Task<KeyIssued> IssueKey(string? presentedKey, string delegationId, string? idempotencyKey);

    /// <summary>Who the key is, with what a floor command needs to be decided; null Access when no meeting has this id.</summary>
    [Alias("Access"), ReadOnly]
    Task<FloorAccess?> Access(string? presentedKey, string itemId);
}

/// <summary>The list of speakers of one agenda item (key: "{meetingId}/{itemId}"): its commands, its log, its timer.</summary>
[Alias("MeetingOps.IFloorGrain")]
public interface IFloorGrain : IGrainWithStringKey
{
    [Alias("Execute")]
    Task<FloorOutcome> Execute(FloorEnvelope command);

    /// <summary>The floor now, or null when the meeting or the item does not exist.</summary>
    [Alias("Get"), ReadOnly]
    Task<FloorView?> Get();

    /// <summary>The floor's log (for the CSV) and who spoke, in order (for the report).</summary>
    [Alias("GetRecord"), ReadOnly]
    Task<FloorRecord> GetRecord();
}

/// <summary>What the meeting grain tells the floor: whether it exists, its chair key (hashed), its items and defined delegations.</summary>
[Alias("MeetingOps.IMeetingFloorSource")]
public interface IMeetingFloorSource : IGrainWithStringKey
{
    [Alias("GetFloorSource"), ReadOnly]
    Task<FloorSource?> GetFloorSource();
}

[GenerateSerializer, Immutable, Alias("MeetingOps.FloorSource")]
public sealed record FloorSource(
    [property: Id(0)] string ChairKeyHash,
    [property: Id(1)] IReadOnlyList<string> ItemIds,
    [property: Id(2)] IReadOnlyList<Delegation> Delegations);

[GenerateSerializer, Immutable, Alias("MeetingOps.DelegationList")]
public sealed record DelegationList(
    [property: Id(0)] IReadOnlyList<Delegation> Delegations,
    [property: Id(1)] int? StatementLimitSeconds = null);

[GenerateSerializer, Immutable, Alias("MeetingOps.DelegationsOutcome")]
public sealed record DelegationsOutcome(
    [property: Id(0)] DelegationList? List,
    [property: Id(1)] IReadOnlyList<DelegationProblem> Problems,
    [property: Id(2)] Refusal? Refusal);

[GenerateSerializer, Immutable, Alias("MeetingOps.KeyIssued")]
public sealed record KeyIssued(
    [property: Id(0)] string? Key,
    [property: Id(1)] bool Replayed,
    [property: Id(2)] Refusal? Refusal);

[GenerateSerializer, Immutable, Alias("MeetingOps.FloorAccess")]
public sealed record FloorAccess(
    [property: Id(0)] FloorActor? Actor,
    [property: Id(1)] bool ItemExists,
    [property: Id(2)] IReadOnlyList<Delegation> Delegations,
    [property: Id(3)] int? StatementLimitSeconds);

[GenerateSerializer, Immutable, Alias("MeetingOps.FloorEnvelope")]
public sealed record FloorEnvelope(
    [property: Id(0)] string? PresentedKey,
    [property: Id(1)] string? IdempotencyKey,
    [property: Id(2)] long? ExpectedVersion,
    [property: Id(3)] string? ActorName,
    [property: Id(4)] FloorCommand Command);

/// <summary>A floor command's answer; <see cref="Throttled"/> when one key sent too many (429).</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.FloorOutcome")]
public sealed record FloorOutcome(
    [property: Id(0)] FloorView? View,
    [property: Id(1)] bool Replayed,
    [property: Id(2)] Refusal? Refusal,
    [property: Id(3)] bool Throttled = false);

[GenerateSerializer, Immutable, Alias("MeetingOps.FloorRecord")]
public sealed record FloorRecord(
    [property: Id(0)] IReadOnlyList<FloorLogEntry> Log,
    [property: Id(1)] IReadOnlyList<string> Spoke);
