using Microsoft.Data.Sqlite;

namespace MeetingOps.Storage.Sqlite;

/// <summary>
/// Owns the one connection to the database file and serializes every use of it.
/// </summary>
/// <remarks>
/// Why one connection behind a SemaphoreSlim: Microsoft.Data.Sqlite's async methods run synchronously,
/// SQLite allows one writer per file anyway, and a single-process server's state traffic is small
/// single-row statements; a pool would add WAL reader concurrency that nothing here needs.
/// Waiting for the connection is asynchronous (WaitAsync), so a queued grain never blocks a thread.
/// Why no Task.Run: since Orleans 7 grain turns run on the shared .NET thread pool, so the brief
/// synchronous SQLite call (an fsync per commit at most) blocks a pool thread either way;
/// Task.Run would only add a thread hop without freeing anything.
/// </remarks>
internal sealed class SqliteStateDatabase : IAsyncDisposable, IDisposable
{
    /// <summary>How long a statement waits for a lock held by another connection (another process, a backup tool).</summary>
    private const int BusyTimeoutMilliseconds = 5_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SqliteConnection? _connection;
    private bool _disposed;

    private readonly long? _maxPageCount;
    private volatile bool _marked;

    public SqliteStateDatabase(string databasePath, long? maxPageCount = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _maxPageCount = maxPageCount;
    }

    /// <summary>The absolute path of the database file, as named in error messages.</summary>
    public string DatabasePath { get; }

    /// <summary>Opens the file and creates the schema now rather than on first use, so bad configuration fails at start.</summary>
    public Task OpenAsync(CancellationToken cancellationToken) => RunAsync(static _ => true, cancellationToken);

    /// <summary>Runs <paramref name="work"/> with exclusive use of the connection, opening it first if needed.</summary>
    /// <remarks>The token is honoured while waiting; once the work starts it runs to commit or rollback.</remarks>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // Opened lazily under the gate, so concurrent first calls open exactly one connection and a
            // failed open (say, a missing permission) is retried by the next call instead of sticking.
            _connection ??= Open();
            return work(_connection);
        }
        finally
        {
            _gate.Release();
        }
    }

    private SqliteConnection Open()
    {
        var directory = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Before SQLite sees the file (ReadWriteCreate would make a fresh one in place of a lost one): a store that has
        // held meetings and now has no database, or a database of 0 bytes with nothing in its WAL, has lost them.
        var heldRows = SqliteStoreMarker.Read(DatabasePath);
        if (heldRows is { } held and > 0 && IsMissingOrEmpty(DatabasePath) is { } what)
        {
            throw new SqliteStoreRefusedException(DatabasePath,
                $"the database file is {what}, but {SqliteStoreMarker.PathFor(DatabasePath)} records that it held meeting state ({held} row(s) when last counted). The meetings are not in it.");
        }

        if (SqliteWalCheck.Damage(DatabasePath) is { } walDamage)
        {
            throw new SqliteStoreRefusedException(DatabasePath, walDamage);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = heldRows is null ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            // The connection lives as long as this object; pooling would only keep the file open after Dispose.
            Pooling = false,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();

            // quick_check before anything writes: a damaged file is refused as it is, for a restore or a closer look.
            var check = SqliteStoreChecks.Run(connection, "quick_check");
            if (check.Count > 0)
            {
                throw new SqliteStoreRefusedException(DatabasePath,
                    $"SQLite's quick_check found the file damaged: {SqliteStoreChecks.Summary(check)}.");
            }

            // WAL: a commit is one append to the log. synchronous=FULL: that append is fsynced before the
            // commit returns, so whatever was acknowledged survives a kill -9 or a power cut. Both are read back:
            // a file system that cannot do WAL (some network shares) must stop the start, not lose commits later.
            var journalMode = ExecuteScalar(connection, "PRAGMA journal_mode = WAL;");
            if (!string.Equals(journalMode as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new SqliteStoreRefusedException(DatabasePath,
                    $"it could not switch to WAL journaling (SQLite answered journal_mode '{journalMode}'); keep the data directory on a local file system.");
            }

            ExecuteScalar(connection, "PRAGMA synchronous = FULL;");
            if (ExecuteScalar(connection, "PRAGMA synchronous;") is not 2L)
            {
                throw new SqliteStoreRefusedException(DatabasePath, "SQLite did not keep synchronous=FULL, so an acknowledged write could be lost in a crash.");
            }

            ExecuteScalar(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
            if (_maxPageCount is { } pages)
            {
                ExecuteScalar(connection, $"PRAGMA max_page_count = {pages};");
            }

            SqliteGrainStateSchema.Ensure(connection, DatabasePath);
            var rows = (long)ExecuteScalar(connection, "SELECT count(*) FROM grain_state;")!;
            if (heldRows is { } before and > 0 && rows == 0)
            {
                throw new SqliteStoreRefusedException(DatabasePath,
                    $"it holds no meeting state, but {SqliteStoreMarker.PathFor(DatabasePath)} records that it held {before} row(s) when last counted. The file was replaced or emptied.");
            }

            if (rows > 0)
            {
                SqliteStoreMarker.Write(DatabasePath, rows);
                _marked = true;
            }

            return connection;
        }
        catch (SqliteException e) when (SqliteStoreChecks.IsDamage(e))
        {
            connection.Dispose();
            throw new SqliteStoreRefusedException(DatabasePath, $"SQLite cannot read it ({e.Message}).", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Records, once, that the store now holds state (the marker that makes a later loss visible).</summary>
    public void NoteWritten()
    {
        if (!_marked)
        {
            SqliteStoreMarker.Write(DatabasePath, 1);
            _marked = true;
        }
    }

    /// <summary>After a clear: when no row is left, the marker says so, so that an empty store is not taken for a lost one.</summary>
    public async Task NoteClearedAsync(CancellationToken cancellationToken)
    {
        var rows = await RunAsync(static c => (long)ExecuteScalar(c, "SELECT count(*) FROM grain_state;")!, cancellationToken);
        if (rows == 0)
        {
            SqliteStoreMarker.Write(DatabasePath, 0);
            _marked = false;
        }
    }

    private static string? IsMissingOrEmpty(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return "missing";
        }

        var wal = new FileInfo(databasePath + "-wal");
        return new FileInfo(databasePath).Length == 0 && (!wal.Exists || wal.Length == 0) ? "empty (0 bytes)" : null;
    }

    private static object? ExecuteScalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public async ValueTask DisposeAsync()
    {
        // Taking the gate means an operation in progress finishes (commits) before the connection closes.
        await _gate.WaitAsync();
        try
        {
            CloseConnection();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            CloseConnection();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void CloseConnection()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _connection?.Dispose();
        _connection = null;
    }
}
