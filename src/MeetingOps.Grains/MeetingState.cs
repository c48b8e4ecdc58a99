using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Grains;

/// <summary>What the meeting grain keeps on disk. Plain settable properties: the storage writes it as JSON.</summary>
public sealed class MeetingState
{
    public MeetingDefinition? Definition { get; set; }

    public string? ChairKeyHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The meeting's version: the version of the last change, strictly increasing.</summary>
    public long Version { get; set; }

    /// <summary>The audit log: every change, in version order.</summary>
    public List<LogEntry> Log { get; set; } = [];

    /// <summary>
    /// The intent: changes already logged (committed) that the session and item grains may not have applied yet.
    /// Re-driven on activation and before the next command; each step is idempotent by version.
    /// </summary>
    public List<LogEntry> Pending { get; set; } = [];

    /// <summary>Idempotency: each command id (the Idempotency-Key) and what it asked for.</summary>
    public Dictionary<string, string> Commands { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The secretariat's schedule changes so far (formats, caps, starts, extra sittings, strategy); null when none.</summary>
    public PlanRequest? Schedule { get; set; }

    /// <summary>Whether the meeting's line is in the directory yet (the other half of creating it).</summary>
    public bool Listed { get; set; }

    /// <summary>A draft: stored with its gaps, seen only with the organizer key, not listed, not followable (MeetingGrain.Drafts.cs).</summary>
    public bool Draft { get; set; }

    /// <summary>What the importer assumed or could not read when it made the draft; kept for the secretariat page.</summary>
    public List<MeetingOps.Domain.Import.ImportWarning> Warnings { get; set; } = [];

    /// <summary>Archived: off the list, no more commands, its records still served (MeetingGrain.Archive.cs).</summary>
    public bool Archived { get; set; }
}

/// <summary>What an agenda item or session grain keeps: its status, the last version applied and its history.</summary>
public sealed class ChildState
{
    public string Status { get; set; } = "";

    public string? SessionId { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public long LastVersion { get; set; }

    public List<LogEntry> History { get; set; } = [];

    /// <summary>For a capped sitting in progress: when MeetingOps ends it by itself.</summary>
    public CapWatch? CapWatch { get; set; }

    /// <summary>A copy to put back when a write fails, so memory never holds what storage refused.</summary>
    public ChildState Copy() => new()
    {
        Status = Status, SessionId = SessionId, StartedAt = StartedAt, EndedAt = EndedAt, LastVersion = LastVersion, History = [.. History], CapWatch = CapWatch,
    };
}
