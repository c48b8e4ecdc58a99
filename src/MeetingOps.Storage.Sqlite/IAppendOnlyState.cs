using System.Text.Json;

namespace MeetingOps.Storage;

/// <summary>
/// A grain state with a small head and a history that only grows (a meeting's audit log). A storage provider that
/// knows this interface keeps the head as one value and the history as records beside it, and a write stores the
/// head plus only the records it has not stored yet, in one atomic step under the same ETag check. So a write costs
/// the size of the head and of what is new, never the size of the history. The head's JSON must not hold the records.
/// </summary>
/// <remarks>
/// Records are append-only: a stored record is never rewritten or removed (except by clearing the whole state).
/// A state may drop records it has not had stored yet (a write that failed), never stored ones.
/// </remarks>
public interface IAppendOnlyState
{
    /// <summary>How many records the state holds in memory, stored or not, in order.</summary>
    int RecordCount { get; }

    /// <summary>How many of them storage holds: set by the storage after every read and every successful write.</summary>
    int StoredRecordCount { get; set; }

    /// <summary>Record <paramref name="index"/> as JSON.</summary>
    string WriteRecord(int index, JsonSerializerOptions options);

    /// <summary>
    /// After the head is read: the stored records, in order (none for a new state). A state read from a row written
    /// before its history had records of its own finds the history in the head and takes it from there; those records
    /// then count as not stored, so the next write moves them out of the head.
    /// </summary>
    void ReadRecords(IReadOnlyList<string> records, JsonSerializerOptions options);
}
