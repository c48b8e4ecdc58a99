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

    public SqliteStateDatabase(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
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

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // The connection lives as long as this object; pooling would only keep the file open after Dispose.
            Pooling = false,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();

        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();

            // WAL: a commit is one append to the log. synchronous=FULL: that append is fsynced before the
            // commit returns, so whatever was acknowledged survives a kill -9 or a power cut.
            var journalMode = ExecuteScalar(connection, "PRAGMA journal_mode = WAL;");
            if (!string.Equals(journalMode as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"SQLite grain storage '{DatabasePath}' could not switch to WAL journaling (got '{journalMode}').");
            }

            ExecuteScalar(connection, "PRAGMA synchronous = FULL;");
            ExecuteScalar(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
            SqliteGrainStateSchema.Ensure(connection, DatabasePath);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
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
