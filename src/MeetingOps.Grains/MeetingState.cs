using System.Text.Json;
using System.Text.Json.Serialization;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Storage;

namespace MeetingOps.Grains;

/// <summary>
/// What the meeting grain keeps on disk: a small head (this object's JSON: keys, version, flags, the schedule) and its
/// history as append-only records (<see cref="IAppendOnlyState"/>): a definition (at creation, and again with each
/// edit of a draft or amendment of a live meeting), and one record per committed change with its log entries and, for
/// a command sent with an Idempotency-Key, what it asked for. A write stores the head plus the records not yet stored,
/// so a chair's command writes the head and one record whatever the meeting's history (docs/storage.md).
/// </summary>
public sealed class MeetingState : IAppendOnlyState
{
    private readonly List<MeetingRecord> _records = [];
    private readonly List<LogEntry> _log = [];
    private readonly Dictionary<string, string> _commands = new(StringComparer.Ordinal);
    private MeetingDefinition? _definition;

    public string? ChairKeyHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The meeting's version: the version of the last change, strictly increasing.</summary>
    public long Version { get; set; }

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

    /// <summary>The meeting as last defined (the latest definition record).</summary>
    [JsonIgnore]
    public MeetingDefinition? Definition => _definition;

    /// <summary>The audit log: every change, in version order.</summary>
    [JsonIgnore]
    public IReadOnlyList<LogEntry> Log => _log;

    /// <summary>Idempotency: each command id (the Idempotency-Key) and what it asked for.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Commands => _commands;

    [JsonIgnore]
    public int RecordCount => _records.Count;

    [JsonIgnore]
    public int StoredRecordCount { get; set; }

    // Rows written before the history had records of its own held it inline under these names. They are read once
    // (see ReadRecords), turned into records, and never written again (null is left out of the JSON).
    [JsonPropertyName("definition"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MeetingDefinition? InlineDefinition { get; set; }

    [JsonPropertyName("log"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<LogEntry>? InlineLog { get; set; }

    [JsonPropertyName("commands"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? InlineCommands { get; set; }

    /// <summary>The old layout's copy of changes for the session and item grains: nothing reads it any more.</summary>
    [JsonPropertyName("pending"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? InlinePending { get; set; }

    /// <summary>A new definition: at creation, a draft's edit, or a live meeting's amendment (with its log entries).</summary>
    public void Define(MeetingDefinition definition, IReadOnlyList<LogEntry>? changes = null) =>
        Add(new MeetingRecord(definition, null, null, changes is null || changes.Count == 0 ? null : [.. changes]));

    /// <summary>A committed change: its log entries and, when it has an id worth remembering, what it asked for.</summary>
    public void Commit(string? commandId, string? fingerprint, IReadOnlyList<LogEntry> changes) =>
        Add(new MeetingRecord(null, commandId, fingerprint, [.. changes]));

    /// <summary>
    /// Takes back the records of a write that failed, so memory holds only what is known to be stored. A write can fail
    /// after it landed (its answer lost): then memory is behind storage and the ETag the grain holds is stale, so no
    /// later write from this memory can land; the grain steps down and the next activation reads what is stored.
    /// </summary>
    public void DropUnstored(int keep)
    {
        if (keep >= _records.Count)
        {
            return;
        }
        StoredRecordCount = Math.Min(StoredRecordCount, keep);
        _records.RemoveRange(keep, _records.Count - keep);
        Rebuild();
    }

    public string WriteRecord(int index, JsonSerializerOptions options) => JsonSerializer.Serialize(_records[index], options);

    public void ReadRecords(IReadOnlyList<string> records, JsonSerializerOptions options)
    {
        _records.Clear();
        foreach (var json in records)
        {
            _records.Add(JsonSerializer.Deserialize<MeetingRecord>(json, options) ?? throw new JsonException("A meeting record reads as null."));
        }
        if (records.Count == 0 && InlineDefinition is { } definition)
        {
            // A row from before: its history becomes records, not stored yet, so its next write moves them out of the head.
            _records.Add(new MeetingRecord(definition, null, null, null));
            var inline = InlineLog ?? [];
            var i = 0;
            while (i < inline.Count)
            {
                var id = inline[i].CommandId;
                var end = i;
                while (end < inline.Count && inline[end].CommandId == id)
                {
                    end++;
                }
                var fingerprint = InlineCommands is not null && InlineCommands.TryGetValue(id, out var f) ? f : null;
                _records.Add(new MeetingRecord(null, fingerprint is null ? null : id, fingerprint, inline.GetRange(i, end - i)));
                i = end;
            }
            // Commands remembered without entries of their own (none are written so, but nothing is dropped).
            foreach (var (id, fingerprint) in InlineCommands ?? [])
            {
                if (!inline.Any(e => e.CommandId == id))
                {
                    _records.Add(new MeetingRecord(null, id, fingerprint, null));
                }
            }
        }
        (InlineDefinition, InlineLog, InlineCommands, InlinePending) = (null, null, null, null);
        Rebuild();
    }

    private void Add(MeetingRecord record)
    {
        _records.Add(record);
        Fold(record);
    }

    private void Rebuild()
    {
        _definition = null;
        _log.Clear();
        _commands.Clear();
        foreach (var record in _records)
        {
            Fold(record);
        }
    }

    private void Fold(MeetingRecord record)
    {
        _definition = record.Definition ?? _definition;
        _log.AddRange(record.Changes ?? []);
        if (record.CommandId is { } id)
        {
            _commands[id] = record.Fingerprint ?? "";
        }
    }
}

/// <summary>
/// One record of a meeting's history: a definition (the first record, and any later edit or amendment), the log
/// entries of one committed change, and for a command with an Idempotency-Key its id and what it asked for.
/// </summary>
public sealed record MeetingRecord(
    MeetingDefinition? Definition,
    string? CommandId,
    string? Fingerprint,
    IReadOnlyList<LogEntry>? Changes);
