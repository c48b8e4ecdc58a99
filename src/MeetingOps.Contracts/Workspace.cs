using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Import;
using Orleans.Concurrency;

namespace MeetingOps.Contracts;

/// <summary>
/// The secretariat's side of one meeting (key: the meeting id; the same grain as <see cref="IMeetingGrain"/>): drafts,
/// the definition as it stands, publishing. Every call carries the organizer key, checked inside the grain.
/// </summary>
[Alias("MeetingOps.IMeetingWorkspaceGrain")]
public interface IMeetingWorkspaceGrain : IGrainWithStringKey
{
    /// <summary>Stores a definition with its gaps as a draft: seen only with the organizer key, made live by <see cref="Publish"/>.</summary>
    [Alias("CreateDraft")]
    Task<WorkspaceOutcome> CreateDraft(CreateDraft request);

    /// <summary>The definition as it stands (draft or live), with what publishing would refuse; organizer key.</summary>
    [Alias("GetDefinition")]
    Task<WorkspaceOutcome> GetDefinition(string? presentedKey);

    /// <summary>Checks the draft like a creation; makes it live, or lists every problem with its path and changes nothing.</summary>
    [Alias("Publish")]
    Task<WorkspaceOutcome> Publish(string? presentedKey);

    /// <summary>
    /// Replaces the definition at the version the secretariat last saw. A draft takes it as it is; a live meeting checks
    /// it like a creation, logs each change as an amendment under one new version, re-plans and pushes once.
    /// </summary>
    [Alias("ReplaceDefinition")]
    Task<WorkspaceOutcome> ReplaceDefinition(ReplaceDefinition request);

    /// <summary>A new chair key (the old one is refused from now on); <paramref name="newKey"/> is chosen by the caller so a retry is recognised.</summary>
    [Alias("RotateChairKey")]
    Task<WorkspaceOutcome> RotateChairKey(string? presentedKey, string newKey);

    /// <summary>Deletes a draft; archives a live meeting (off the list, no more changes, its records still served). Idempotent.</summary>
    [Alias("Remove")]
    Task<WorkspaceOutcome> Remove(string? presentedKey);
}

/// <summary>A new definition, the version it was edited from (If-Match), the organizer key and who is editing.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.ReplaceDefinition")]
public sealed record ReplaceDefinition(
    [property: Id(0)] MeetingDefinition Definition,
    [property: Id(1)] string? PresentedKey,
    [property: Id(2)] long ExpectedVersion,
    [property: Id(3)] string? ActorName = null);

/// <summary>A draft to store: the definition as far as it goes, the importer's warnings, and the chair key chosen by the caller (so a retry is recognised).</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.CreateDraft")]
public sealed record CreateDraft(
    [property: Id(0)] MeetingDefinition Definition,
    [property: Id(1)] IReadOnlyList<ImportWarning> Warnings,
    [property: Id(2)] string? PresentedKey,
    [property: Id(3)] string? ChairKey = null);

/// <summary>
/// A meeting as the secretariat sees it: its status ("draft", "live" or "archived"), the definition as it stands, the
/// version it is at (the ETag), the importer's warnings, and what publishing or saving it would refuse (empty when none).
/// </summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.WorkspaceView")]
public sealed record WorkspaceView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Status,
    [property: Id(2)] long Version,
    [property: Id(3)] MeetingDefinition Definition,
    [property: Id(4)] IReadOnlyList<ImportWarning> Warnings,
    [property: Id(5)] IReadOnlyList<DefinitionProblem> Problems);

/// <summary>What a workspace call did: the meeting as the secretariat sees it (and, once live, its snapshot), a chair key shown once, or why not.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.WorkspaceOutcome")]
public sealed record WorkspaceOutcome(
    [property: Id(0)] WorkspaceView? View,
    [property: Id(1)] MeetingView? Snapshot,
    [property: Id(2)] string? ChairKey,
    [property: Id(3)] IReadOnlyList<DefinitionProblem> Problems,
    [property: Id(4)] Refusal? Refusal)
{
    public static WorkspaceOutcome Refused(Refusal refusal, IReadOnlyList<DefinitionProblem>? problems = null) => new(null, null, null, problems ?? [], refusal);
}

/// <summary>The statuses a meeting has in the secretariat's eyes.</summary>
public static class MeetingStatuses
{
    public const string Draft = "draft";
    public const string Live = "live";
    public const string Archived = "archived";
}
