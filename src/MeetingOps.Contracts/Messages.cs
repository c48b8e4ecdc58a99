using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Schedule;

namespace MeetingOps.Contracts;

/// <summary>
/// A chair's command as it reaches the meeting grain: the command itself, the key that was presented
/// (checked inside the grain, never only at the edge), the idempotency key and the version the caller expects.
/// Exactly one of <see cref="Item"/>, <see cref="Session"/> and <see cref="Undo"/> is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.CommandEnvelope")]
public sealed record CommandEnvelope(
    [property: Id(0)] string? PresentedKey,
    [property: Id(1)] string? IdempotencyKey,
    [property: Id(2)] long? ExpectedVersion,
    [property: Id(3)] string? ActorName,
    [property: Id(4)] ItemCommand? Item,
    [property: Id(5)] SessionCommand? Session,
    [property: Id(6)] UndoCommand? Undo = null);

/// <summary>What a command did: the changes it made (or made before, when <see cref="Replayed"/>) and the snapshot after; or why not.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.CommandOutcome")]
public sealed record CommandOutcome(
    [property: Id(0)] MeetingView? Snapshot,
    [property: Id(1)] IReadOnlyList<LogEntry> Applied,
    [property: Id(2)] bool Replayed,
    [property: Id(3)] Refusal? Refusal,
    [property: Id(4)] ScheduleView? Schedule = null)
{
    public static CommandOutcome Refused(Refusal refusal) => new(null, [], false, refusal);
}

/// <summary>
/// A request to create a meeting: the definition, the organizer key that was presented and, optionally, the chair key
/// the meeting is to have. A caller that chooses the chair key can send the same request again after a lost answer:
/// the meeting recognises its own chair key and answers as the first time instead of refusing "already exists".
/// </summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.CreateMeeting")]
public sealed record CreateMeeting(
    [property: Id(0)] MeetingDefinition Definition,
    [property: Id(1)] string? PresentedKey,
    [property: Id(2)] string? ChairKey = null);

/// <summary>A created meeting and its chair key, which is shown this once and stored only as a hash.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.MeetingCreated")]
public sealed record MeetingCreated(
    [property: Id(0)] string? ChairKey,
    [property: Id(1)] MeetingView? Snapshot,
    [property: Id(2)] IReadOnlyList<DefinitionProblem> Problems,
    [property: Id(3)] Refusal? Refusal);

/// <summary>A warning to the room before a capped sitting reaches its cap.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.CapAnnouncement")]
public sealed record CapAnnouncement(
    [property: Id(0)] string SessionId,
    [property: Id(1)] int MinutesLeft,
    [property: Id(2)] DateTimeOffset CapAt,
    [property: Id(3)] string Message);

/// <summary>A schedule change as it reaches the meeting grain, with the key, idempotency key and expected version like any command.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.FormatEnvelope")]
public sealed record FormatEnvelope(
    [property: Id(0)] string? PresentedKey,
    [property: Id(1)] string? IdempotencyKey,
    [property: Id(2)] long? ExpectedVersion,
    [property: Id(3)] string? ActorName,
    [property: Id(4)] FormatChange Change);

/// <summary>The schedule at a version: the plan, and the forecast from what has happened so far.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.ScheduleView")]
public sealed record ScheduleView(
    [property: Id(0)] long Version,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] Plan Plan,
    [property: Id(3)] Forecast Forecast);

/// <summary>A re-plan proposed without publishing (<c>?dryRun=true</c>), or why it cannot be.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.ProposalOutcome")]
public sealed record ProposalOutcome(
    [property: Id(0)] PlanProposal? Proposal,
    [property: Id(1)] Refusal? Refusal);

/// <summary>More minutes of interpretation for a capped sitting, agreed with the interpreters (chair or organizer key).</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.ExtendEnvelope")]
public sealed record ExtendEnvelope(
    [property: Id(0)] string? PresentedKey,
    [property: Id(1)] string? IdempotencyKey,
    [property: Id(2)] long? ExpectedVersion,
    [property: Id(3)] string? ActorName,
    [property: Id(4)] string SessionId,
    [property: Id(5)] int Minutes);
