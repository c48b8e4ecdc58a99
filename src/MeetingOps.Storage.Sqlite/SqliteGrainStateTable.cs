using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MeetingOps.Storage.Sqlite;

/// <summary>
/// The SQL for one row of grain state: read it, or replace/delete it only when the caller's etag matches
/// the stored one. Every method runs on a connection the caller has exclusive use of.
/// </summary>
internal static class SqliteGrainStateTable
{
    /// <summary>A stored row: its etag as Orleans sees it, the JSON exactly as stored, and an append-only state's records.</summary>
    public sealed record StoredRow(string ETag, string Payload, IReadOnlyList<string> Records);

    /// <summary>What an append-only write adds: the records after the first <see cref="StoredCount"/> ones already stored.</summary>
    public sealed record Appended(int StoredCount, IReadOnlyList<string> Records);

    /// <summary>
    /// The result of a checked change. <see cref="Applied"/> false means the etags differed and nothing was
    /// changed; <see cref="StoredETag"/> is then what the row had (null: no row).
    /// </summary>
    /// <remarks>
    /// <see cref="StoredRecords"/>: the etags matched but the stored records were not as many as the caller believed
    /// (only a bug could do that, the etag fences every writer): how many there are. Nothing was changed.
    /// </remarks>
    public readonly record struct ChangeOutcome(bool Applied, string? StoredETag, string? NewETag, long? StoredRecords = null);

    public static StoredRow? Read(SqliteConnection connection, string stateName, string grainId, bool withRecords)
    {
        using var transaction = connection.BeginTransaction(deferred: true); // the head and its records from one snapshot
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE state_name = $state AND grain_id = $grain;";
        AddKey(command, stateName, grainId);
        string etag, payload;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }
            (etag, payload) = (FormatETag(reader.GetInt64(0)), reader.GetString(1));
        }
        return new StoredRow(etag, payload, withRecords ? ReadRecords(connection, transaction, stateName, grainId) : []);
    }

    /// <summary>An append-only state's records, in order (also for the CLI's verify, which reads without a grain).</summary>
    public static IReadOnlyList<string> ReadRecords(SqliteConnection connection, SqliteTransaction? transaction, string stateName, string grainId)
    {
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT payload FROM grain_log WHERE state_name = $state AND grain_id = $grain ORDER BY seq;";
        AddKey(select, stateName, grainId);
        using var reader = select.ExecuteReader();
        var records = new List<string>();
        while (reader.Read())
        {
            records.Add(reader.GetString(0));
        }
        return records;
    }

    public static ChangeOutcome Write(
        SqliteConnection connection, string stateName, string grainId, string? expectedETag, string payload, DateTimeOffset updatedAt,
        Appended? appended = null)
    {
        // BeginTransaction() issues BEGIN IMMEDIATE: the write lock is taken before the etag is read, so no
        // other connection to the file can slip a write in between the check and the upsert.
        using var transaction = connection.BeginTransaction();
        var stored = ReadETag(connection, transaction, stateName, grainId);
        if (!string.Equals(stored, expectedETag, StringComparison.Ordinal))
        {
            return new ChangeOutcome(Applied: false, stored, NewETag: null); // disposing the transaction rolls it back
        }

        if (appended is not null)
        {
            using var count = connection.CreateCommand();
            count.Transaction = transaction;
            count.CommandText = "SELECT coalesce(max(seq) + 1, 0) FROM grain_log WHERE state_name = $state AND grain_id = $grain;";
            AddKey(count, stateName, grainId);
            var storedRecords = (long)count.ExecuteScalar()!;
            if (storedRecords != appended.StoredCount)
            {
                return new ChangeOutcome(Applied: false, stored, NewETag: null, storedRecords);
            }
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO grain_log (state_name, grain_id, seq, payload) VALUES ($state, $grain, $seq, $payload);";
            AddKey(insert, stateName, grainId);
            var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
            var record = insert.Parameters.Add("$payload", SqliteType.Text);
            for (var i = 0; i < appended.Records.Count; i++)
            {
                seq.Value = appended.StoredCount + i;
                record.Value = appended.Records[i];
                insert.ExecuteNonQuery();
            }
        }

        var etag = SqliteGrainStateSchema.NextEtag(connection, transaction);

        using (var upsert = connection.CreateCommand())
        {
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO grain_state (state_name, grain_id, etag, payload, updated_at)
                VALUES ($state, $grain, $etag, $payload, $updatedAt)
                ON CONFLICT (state_name, grain_id) DO UPDATE
                SET etag = excluded.etag, payload = excluded.payload, updated_at = excluded.updated_at;
                """;
            AddKey(upsert, stateName, grainId);
            upsert.Parameters.AddWithValue("$etag", etag);
            upsert.Parameters.AddWithValue("$payload", payload);
            upsert.Parameters.AddWithValue("$updatedAt", updatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            upsert.ExecuteNonQuery();
        }

        transaction.Commit();
        return new ChangeOutcome(Applied: true, stored, FormatETag(etag));
    }

    public static ChangeOutcome Delete(SqliteConnection connection, string stateName, string grainId, string? expectedETag)
    {
        using var transaction = connection.BeginTransaction();
        var stored = ReadETag(connection, transaction, stateName, grainId);
        if (!string.Equals(stored, expectedETag, StringComparison.Ordinal))
        {
            return new ChangeOutcome(Applied: false, stored, NewETag: null);
        }

        if (stored is not null)
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = """
                DELETE FROM grain_state WHERE state_name = $state AND grain_id = $grain;
                DELETE FROM grain_log WHERE state_name = $state AND grain_id = $grain;
                """;
            AddKey(delete, stateName, grainId);
            delete.ExecuteNonQuery();
        }

        transaction.Commit();
        return new ChangeOutcome(Applied: true, stored, NewETag: null);
    }

    private static string? ReadETag(SqliteConnection connection, SqliteTransaction transaction, string stateName, string grainId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT etag FROM grain_state WHERE state_name = $state AND grain_id = $grain;";
        AddKey(command, stateName, grainId);
        return command.ExecuteScalar() is long etag ? FormatETag(etag) : null;
    }

    private static void AddKey(SqliteCommand command, string stateName, string grainId)
    {
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId);
    }

    private static string FormatETag(long etag) => etag.ToString(CultureInfo.InvariantCulture);
}
