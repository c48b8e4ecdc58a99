using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MeetingOps.Storage.Sqlite;

/// <summary>
/// What the store has learned about itself while running: rows it found damaged, and whether its last write failed.
/// A readiness check asks <see cref="SqliteGrainStorage.CheckAsync"/>, which adds a look at free disk space; so a full disk or a broken row shows as "not ready", not as a passing outage.
/// </summary>
public sealed class SqliteStoreHealth
{
    /// <summary>Damaged rows remembered; beyond this the store is plainly broken and more names add nothing.</summary>
    public const int MaxDamagedRows = 1_000;

    private readonly ConcurrentDictionary<string, string> _damaged = new(StringComparer.Ordinal);
    private volatile WriteFailure? _lastWriteFailure;

    /// <summary>A write that failed, and why.</summary>
    public sealed record WriteFailure(DateTimeOffset At, string Message);

    /// <summary>Rows found damaged since start: key "state name / grain id", value what was wrong.</summary>
    public IReadOnlyDictionary<string, string> DamagedRows => _damaged;

    /// <summary>The last write's failure, or null when the last write succeeded (or none failed yet).</summary>
    public WriteFailure? LastWriteFailure => _lastWriteFailure;

    /// <summary>Records a damaged row; true the first time this row is recorded (so it is logged once, not per request).</summary>
    public bool RecordDamaged(string stateName, string grainId, string what)
    {
        var key = $"{stateName} / {grainId}";
        return _damaged.Count < MaxDamagedRows && _damaged.TryAdd(key, what);
    }

    internal void RecordWriteFailure(Exception exception) => _lastWriteFailure = new(DateTimeOffset.UtcNow, exception.Message);

    internal void RecordWriteSuccess() => _lastWriteFailure = null;

    /// <summary>Whether a write failure is the store's (full, read-only, I/O) rather than the caller's (an etag conflict).</summary>
    internal static bool IsStoreFailure(Exception exception) =>
        exception is SqliteException or IOException or UnauthorizedAccessException;
}
