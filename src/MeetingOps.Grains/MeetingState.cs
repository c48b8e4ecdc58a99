using System.Text.Json;
using System.Text.Json.Serialization;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Storage;

namespace MeetingOps.Grains;

/// <summary>
/// What the meeting grain keeps on disk: a small head (this object's JSON) and its history as append-only records
/// (<see cref="IAppendOnlyState"/>): the definition first, then one record per committed command with its changes and
/// its idempotency fingerprint. A command's write is the head plus its one new record, whatever the meeting's history.
/// </summary>
public sealed class MeetingState : IAppendOnlyState
{
    private readonly List<MeetingRecord> _records = [];
    private readonly List<LogEntry> _log = [];
    private readonly Dictionary<string, string> _commands = new(StringComparer.Ordinal);

    public string? ChairKeyHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The meeting's version: the version of the last change, strictly increasing.</summary>
    public long Version { get; set; }

    /// <summary>The secretariat's schedule changes so far (formats, caps, starts, extra sittings, strategy); null when none.</summary>
    public PlanRequest? Schedule { get; set; }

    /// <summary>Whether the meeting's line is in the directory yet (the other half of creating it).</summary>
    public bool Listed { get; set; }

    /// <summary>The meeting as defined (the first record).</summary>
    [JsonIgnore]
    public MeetingDefinition? Definition => _records.Count > 0 ? _records[0].Definition : null;

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

    // Rows written before the log had records of its own held the history inline under these names. They are read
    // once (see ReadRecords), turned into records and never written again (null is left out of the JSON).
    [JsonPropertyName("definition"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public MeetingDefinition? InlineDefinition { get; set; }

    [JsonPropertyName("log"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<LogEntry>? InlineLog { get; set; }

    [JsonPropertyName("commands"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? InlineCommands { get; set; }

    /// <summary>The old layout's copy of changes for the session and item grains: nothing reads it any more.</summary>
    [JsonPropertyName("pending"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? InlinePending { get; set; }

    /// <summary>The creation: the definition is the first record.</summary>
    public void Define(MeetingDefinition definition)
    {
        if (_records.Count > 0)
        {
            throw new InvalidOperationException("The meeting is defined already.");
        }
        Add(new MeetingRecord(definition, null, null, null));
    }

    /// <summary>A committed command: its changes and what it asked for, in one record.</summary>
    public void Commit(string commandId, string fingerprint, IReadOnlyList<LogEntry> changes) =>
        Add(new MeetingRecord(null, commandId, fingerprint, [.. changes]));

    /// <summary>
    /// Takes back the records of a write that failed, so memory holds only what is known to be stored. A write can fail
    /// after it landed (its answer lost): then memory is behind storage, the ETag the grain holds is stale, and no
    /// later write from this memory can land; the grain steps down and the next activation reads what is stored.
    /// </summary>
    public void DropUnstored(int keep)
    {
        StoredRecordCount = Math.Min(StoredRecordCount, keep);
        while (_records.Count > keep)
        {
            var last = _records[^1];
            _records.RemoveAt(_records.Count - 1);
            if (last.CommandId is { } id)
            {
                _commands.Remove(id);
                _log.RemoveRange(_log.Count - last.Changes!.Count, last.Changes.Count);
            }
        }
    }

    public string WriteRecord(int index, JsonSerializerOptions options) => JsonSerializer.Serialize(_records[index], options);

    public void ReadRecords(IReadOnlyList<string> records, JsonSerializerOptions options)
    {
        _records.Clear();
        _log.Clear();
        _commands.Clear();
        foreach (var json in records)
        {
            Add(JsonSerializer.Deserialize<MeetingRecord>(json, options) ?? throw new JsonException("A meeting record reads as null."));
        }
        if (records.Count == 0 && InlineDefinition is { } definition)
        {
            Define(definition);
            foreach (var command in (InlineLog ?? []).GroupBy(e => e.CommandId, StringComparer.Ordinal))
            {
                var fingerprint = InlineCommands is not null && InlineCommands.TryGetValue(command.Key, out var f) ? f : "";
                Commit(command.Key, fingerprint, [.. command]);
            }
        }
        (InlineDefinition, InlineLog, InlineCommands, InlinePending) = (null, null, null, null);
    }

    private void Add(MeetingRecord record)
    {
        _records.Add(record);
        if (record.CommandId is { } id)
        {
            _commands[id] = record.Fingerprint ?? "";
            _log.AddRange(record.Changes ?? []);
        }
    }
}

/// <summary>One record of a meeting's history: its definition (the first), or a committed command.</summary>
public sealed record MeetingRecord(
    MeetingDefinition? Definition,
    string? CommandId,
    string? Fingerprint,
    IReadOnlyList<LogEntry>? Changes);
