using Microsoft.Data.Sqlite;

namespace MeetingOps.Storage.Sqlite;

/// <summary>Creates the tables on first open and refuses a database laid out by a newer version.</summary>
internal static class SqliteGrainStateSchema
{
    /// <summary>Stored in PRAGMA user_version, so a later layout change can tell which layout a file has.</summary>
    private const long CurrentVersion = 2;

    // grain_state: one row per (state name, grain id). etag is an integer, handed to Orleans as its
    //   decimal string. WITHOUT ROWID because every access is by the primary key.
    // etag_sequence: a single counter every write draws its new etag from. A per-row "stored + 1" would
    //   restart at 1 after a clear deletes the row, so a stale activation still holding "1" from before
    //   the clear would pass the check (ABA); a counter that never goes back rules that out.
    // grain_log (version 2): the records of an append-only state (IAppendOnlyState, a meeting's history), one row
    //   each, numbered from 0 per grain. A write inserts only the new ones, in the transaction that replaces the head
    //   row, so a write does not grow with the history. A version 1 file gets the table when it is opened; a meeting
    //   whose history is still inline in its head row is read from there and moved out by its next write.
    // reminders (version 2): Orleans reminders of the single-process host (SqliteReminderTable), so a capped
    //   sitting's reminder survives a restart like the sitting's state; etag from the same counter.
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            etag       INTEGER NOT NULL,
            payload    TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (state_name, grain_id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS etag_sequence (
            id        INTEGER PRIMARY KEY CHECK (id = 1),
            last_etag INTEGER NOT NULL
        ) STRICT;

        INSERT OR IGNORE INTO etag_sequence (id, last_etag) VALUES (1, 0);

        CREATE TABLE IF NOT EXISTS grain_log (
            state_name TEXT NOT NULL,
            grain_id   TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            payload    TEXT NOT NULL,
            PRIMARY KEY (state_name, grain_id, seq)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS reminders (
            grain_id      TEXT NOT NULL,
            reminder_name TEXT NOT NULL,
            grain_hash    INTEGER NOT NULL,
            start_at      TEXT NOT NULL,
            period_ms     INTEGER NOT NULL,
            etag          INTEGER NOT NULL,
            PRIMARY KEY (grain_id, reminder_name)
        ) STRICT, WITHOUT ROWID;
        """;

    /// <summary>
    /// The next ETag of the store, inside the caller's transaction. One sequence serves grain states and reminders, so
    /// an ETag is never handed out twice, even to a row deleted and written again.
    /// </summary>
    public static long NextEtag(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var next = connection.CreateCommand();
        next.Transaction = transaction;
        next.CommandText = "UPDATE etag_sequence SET last_etag = last_etag + 1 WHERE id = 1 RETURNING last_etag;";
        return (long)next.ExecuteScalar()!;
    }

    public static void Ensure(SqliteConnection connection, string databasePath)
    {
        using var transaction = connection.BeginTransaction();

        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "PRAGMA user_version;";
            var version = (long)command.ExecuteScalar()!;
            if (version > CurrentVersion)
            {
                throw new InvalidOperationException(
                    $"SQLite grain storage '{databasePath}' has schema version {version}; this build understands up to {CurrentVersion}.");
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = CreateTables + $"PRAGMA user_version = {CurrentVersion};";
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
