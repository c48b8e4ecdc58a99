using System.Text.Json;
using Microsoft.Data.Sqlite;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace MeetingOps.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in an embedded SQLite file: state as JSON, one row per (state name, grain id),
/// optimistic concurrency through etags exactly as Orleans' own providers do it. Every acknowledged write
/// is committed and fsynced, so it survives a restart or a kill -9 of the process.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable, IDisposable
{
    private readonly string _name;
    private readonly JsonSerializerOptions _serializerOptions;
    private readonly SqliteStateDatabase _database;

    public SqliteGrainStorage(string name, SqliteGrainStorageOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DatabasePath))
        {
            throw new ArgumentException($"SQLite grain storage '{name}' needs a {nameof(SqliteGrainStorageOptions.DatabasePath)}.", nameof(options));
        }

        _name = name;
        _serializerOptions = options.SerializerOptions ?? JsonSerializerOptions.Web;
        _database = new SqliteStateDatabase(options.DatabasePath, options.MaxPageCount);
        _minimumFreeBytes = options.MinimumFreeBytes;
    }

    private readonly long _minimumFreeBytes;

    /// <summary>What the store has learned about its rows and writes since start.</summary>
    public SqliteStoreHealth Health { get; } = new();

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => _database.DatabasePath;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var id = grainId.ToString();
        SqliteGrainStateTable.StoredRow? row;
        try
        {
            var appendOnly = typeof(IAppendOnlyState).IsAssignableFrom(typeof(T));
            row = await _database.RunAsync(c => SqliteGrainStateTable.Read(c, stateName, id, appendOnly), cancellationToken);
        }
        catch (SqliteException exception) when (SqliteStoreChecks.IsDamage(exception))
        {
            // A damaged page under this row: the same answer as a row whose JSON does not read, it will not pass by itself.
            Health.RecordDamaged(stateName, id, exception.Message);
            throw new SqliteGrainStateUnreadableException(stateName, id, DatabasePath, typeof(T), exception);
        }
        if (row is null)
        {
            grainState.State = CreateEmptyState<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        // Deserialize before touching grainState: on failure the grain keeps no etag, so it cannot
        // overwrite the unreadable row by accident (a write without the stored etag is refused).
        var state = Deserialize<T>(row.Payload, stateName, id);
        if (state is IAppendOnlyState log)
        {
            try
            {
                log.ReadRecords(row.Records, _serializerOptions);
            }
            catch (JsonException exception)
            {
                // A record that does not read is a damaged row like a head that does not: the same answer, the same marker.
                Health.RecordDamaged(stateName, id, exception.Message);
                throw new SqliteGrainStateUnreadableException(stateName, id, DatabasePath, typeof(T), exception);
            }
            log.StoredRecordCount = row.Records.Count;
        }
        grainState.State = state;
        grainState.ETag = row.ETag;
        grainState.RecordExists = true;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var id = grainId.ToString();
        var expected = grainState.ETag;
        // Serialized outside the connection gate: it can be the slowest part and needs no database.
        var payload = JsonSerializer.Serialize(grainState.State, _serializerOptions);
        // An append-only state (a meeting): only the records not stored yet go with the head, never the whole history.
        var log = grainState.State as IAppendOnlyState;
        var appended = log is null ? null : new SqliteGrainStateTable.Appended(log.StoredRecordCount,
            [.. Enumerable.Range(log.StoredRecordCount, log.RecordCount - log.StoredRecordCount).Select(i => log.WriteRecord(i, _serializerOptions))]);
        var now = DateTimeOffset.UtcNow;
        SqliteGrainStateTable.ChangeOutcome outcome;
        try
        {
            outcome = await _database.RunAsync(
                c => SqliteGrainStateTable.Write(c, stateName, id, expected, payload, now, appended), cancellationToken);
        }
        catch (Exception exception) when (SqliteStoreHealth.IsStoreFailure(exception))
        {
            Health.RecordWriteFailure(exception);
            throw;
        }

        Health.RecordWriteSuccess();
        if (!outcome.Applied)
        {
            throw outcome.StoredRecords is { } records
                ? new InconsistentStateException(
                    $"SQLite grain storage '{_name}' refused to write state '{stateName}' of grain '{id}' in '{DatabasePath}': "
                    + $"{records} records are stored, the grain believed {appended!.StoredCount}.", outcome.StoredETag!, expected!)
                : Conflict("write", stateName, id, outcome.StoredETag, expected);
        }

        if (log is not null)
        {
            log.StoredRecordCount = log.RecordCount;
        }
        _database.NoteWritten();

        grainState.ETag = outcome.NewETag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var id = grainId.ToString();
        var expected = grainState.ETag;
        var outcome = await _database.RunAsync(
            c => SqliteGrainStateTable.Delete(c, stateName, id, expected), cancellationToken);
        if (!outcome.Applied)
        {
            throw Conflict("clear", stateName, id, outcome.StoredETag, expected);
        }

        if (outcome.StoredETag is not null)
        {
            await _database.NoteClearedAsync(cancellationToken);
        }

        grainState.State = CreateEmptyState<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>Opens the database when the silo starts, so a bad path or a locked file stops the start instead of the first grain.</summary>
    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        lifecycle.Subscribe(
            $"{nameof(SqliteGrainStorage)}-{_name}",
            ServiceLifecycleStage.ApplicationServices,
            _database.OpenAsync);
    }

    /// <summary>
    /// What keeps the store from taking commands now (empty: ready): rows found damaged; the last write failed (a full
    /// disk, the size ceiling reached, a read-only or failing disk) and none has succeeded since; free space on the
    /// database's drive below <see cref="SqliteGrainStorageOptions.MinimumFreeBytes"/>.
    /// </summary>
    public Task<IReadOnlyList<string>> CheckAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var (row, what) in Health.DamagedRows.Take(5))
        {
            problems.Add($"Row {row} in {DatabasePath} is damaged ({what}); restore a backup (README, \"Backups and recovery\").");
        }
        if (Health.DamagedRows.Count > 5)
        {
            problems.Add($"{Health.DamagedRows.Count - 5} more damaged row(s).");
        }

        if (Health.LastWriteFailure is { } failure)
        {
            // Cleared by the next write that succeeds: the store says "not ready" from the first refused write until
            // writes go through again, whatever the cause (a full disk, the size ceiling, a read-only or failing disk).
            problems.Add($"Writes to {DatabasePath} fail since {failure.At:u}: {failure.Message}");
        }

        var directory = Path.GetDirectoryName(DatabasePath);
        if (_minimumFreeBytes > 0 && directory is not null)
        {
            try
            {
                var free = new DriveInfo(directory).AvailableFreeSpace;
                if (free < _minimumFreeBytes)
                {
                    problems.Add($"Only {free:N0} bytes free on the disk of {DatabasePath} (fewer than {_minimumFreeBytes:N0}); writes will soon fail.");
                }
            }
            catch (Exception exception) when (exception is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Some file systems do not say; the probe write and the failing writes still tell.
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(problems);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    public void Dispose() => _database.Dispose();

    private T Deserialize<T>(string payload, string stateName, string grainId)
    {
        try
        {
            var state = JsonSerializer.Deserialize<T>(payload, _serializerOptions);
            return state is null ? CreateEmptyState<T>() : state;
        }
        catch (JsonException exception)
        {
            Health.RecordDamaged(stateName, grainId, exception.Message);
            throw new SqliteGrainStateUnreadableException(stateName, grainId, DatabasePath, typeof(T), exception);
        }
    }

    private InconsistentStateException Conflict(string operation, string stateName, string grainId, string? stored, string? current)
        => new(
            $"SQLite grain storage '{_name}' refused to {operation} state '{stateName}' of grain '{grainId}' in '{DatabasePath}': "
            + $"stored ETag {stored ?? "(no row)"}, grain's ETag {current ?? "(none)"}.",
            stored!,
            current!);

    /// <summary>
    /// What a grain sees when there is no row: a new instance where the type has a public parameterless
    /// constructor (as Orleans itself creates initial state), otherwise the type's default.
    /// </summary>
    private static T CreateEmptyState<T>()
    {
        var type = typeof(T);
        return type.IsValueType || (!type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            ? Activator.CreateInstance<T>()
            : default!;
    }
}
