using System.Text.Json;
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
        _database = new SqliteStateDatabase(options.DatabasePath);
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => _database.DatabasePath;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        => ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var id = grainId.ToString();
        var appendOnly = typeof(IAppendOnlyState).IsAssignableFrom(typeof(T));
        var row = await _database.RunAsync(c => SqliteGrainStateTable.Read(c, stateName, id, appendOnly), cancellationToken);
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
        var log = grainState.State as IAppendOnlyState;
        var appended = log is null ? null : new SqliteGrainStateTable.Appended(log.StoredRecordCount,
            [.. Enumerable.Range(log.StoredRecordCount, log.RecordCount - log.StoredRecordCount).Select(i => log.WriteRecord(i, _serializerOptions))]);
        var now = DateTimeOffset.UtcNow;
        var outcome = await _database.RunAsync(
            c => SqliteGrainStateTable.Write(c, stateName, id, expected, payload, now, appended), cancellationToken);
        if (!outcome.Applied)
        {
            throw outcome.StoredRecords is { } records
                ? new InconsistentStateException(
                    $"SQLite grain storage '{_name}' refused to write state '{stateName}' of grain '{grainId}' in '{DatabasePath}': "
                    + $"{records} records are stored, the grain believed {appended!.StoredCount}.", outcome.StoredETag!, expected!)
                : Conflict("write", stateName, id, outcome.StoredETag, expected);
        }
        if (log is not null)
        {
            log.StoredRecordCount = log.RecordCount;
        }

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
