using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;

namespace MeetingOps.Storage.Sqlite;

/// <summary>
/// Orleans reminders in the embedded store: the <c>reminders</c> table of the same SQLite file as the grain state, on
/// the same connection (so the same WAL, synchronous=FULL, marker and size ceiling). A reminder registered before a
/// kill -9 fires after the restart, which is what a capped sitting needs from the single-process host.
/// </summary>
/// <remarks>
/// One row per (grain, reminder name); the ETag is drawn from the same never-decreasing counter as the grain state's,
/// so a removal with an ETag from before an update is refused. <c>grain_hash</c> is the grain's uniform hash, by which
/// the reminder service reads the part of the ring it owns (one silo here: all of it).
/// </remarks>
public sealed class SqliteReminderTable(SqliteGrainStorage storage) : IReminderTable
{
    private SqliteStateDatabase Database => storage.Database;

    public Task StartAsync(CancellationToken cancellationToken = default) => Database.OpenAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Query("WHERE grain_id = $grain", c => c.Parameters.AddWithValue("$grain", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        // The ring range (begin, end], wrapping round when begin is not below end.
        Query(begin < end ? "WHERE grain_hash > $begin AND grain_hash <= $end" : "WHERE grain_hash > $begin OR grain_hash <= $end", c =>
        {
            c.Parameters.AddWithValue("$begin", (long)begin);
            c.Parameters.AddWithValue("$end", (long)end);
        });

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await Query("WHERE grain_id = $grain AND reminder_name = $name", c =>
        {
            c.Parameters.AddWithValue("$grain", grainId.ToString());
            c.Parameters.AddWithValue("$name", reminderName);
        });
        return rows.Reminders.FirstOrDefault();
    }

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Database.RunAsync<string?>(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var etag = SqliteGrainStateSchema.NextEtag(connection, transaction);
            using (var upsert = connection.CreateCommand())
            {
                upsert.Transaction = transaction;
                upsert.CommandText = """
                    INSERT INTO reminders (grain_id, reminder_name, grain_hash, start_at, period_ms, etag)
                    VALUES ($grain, $name, $hash, $start, $period, $etag)
                    ON CONFLICT (grain_id, reminder_name) DO UPDATE
                    SET grain_hash = excluded.grain_hash, start_at = excluded.start_at, period_ms = excluded.period_ms, etag = excluded.etag;
                    """;
                upsert.Parameters.AddWithValue("$grain", entry.GrainId.ToString());
                upsert.Parameters.AddWithValue("$name", entry.ReminderName);
                upsert.Parameters.AddWithValue("$hash", (long)entry.GrainId.GetUniformHashCode());
                upsert.Parameters.AddWithValue("$start", entry.StartAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                upsert.Parameters.AddWithValue("$period", (long)entry.Period.TotalMilliseconds);
                upsert.Parameters.AddWithValue("$etag", etag);
                upsert.ExecuteNonQuery();
            }
            transaction.Commit();
            return etag.ToString(CultureInfo.InvariantCulture);
        }, CancellationToken.None);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        Database.RunAsync(connection =>
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM reminders WHERE grain_id = $grain AND reminder_name = $name AND etag = $etag;";
            delete.Parameters.AddWithValue("$grain", grainId.ToString());
            delete.Parameters.AddWithValue("$name", reminderName);
            delete.Parameters.AddWithValue("$etag", long.TryParse(eTag, NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : -1);
            return delete.ExecuteNonQuery() > 0;
        }, CancellationToken.None);

    public Task TestOnlyClearTable() =>
        Database.RunAsync(connection =>
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM reminders;";
            return delete.ExecuteNonQuery();
        }, CancellationToken.None);

    private Task<ReminderTableData> Query(string where, Action<SqliteCommand> parameters) =>
        Database.RunAsync(connection =>
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT grain_id, reminder_name, start_at, period_ms, etag FROM reminders {where};";
            parameters(select);
            using var reader = select.ExecuteReader();
            var entries = new List<ReminderEntry>();
            while (reader.Read())
            {
                entries.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(reader.GetString(0)),
                    ReminderName = reader.GetString(1),
                    StartAt = DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                    Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                    ETag = reader.GetInt64(4).ToString(CultureInfo.InvariantCulture),
                });
            }
            return new ReminderTableData(entries);
        }, CancellationToken.None);
}

/// <summary>Registers the embedded store's reminder table.</summary>
public static class SqliteReminderTableExtensions
{
    /// <summary>
    /// Orleans reminders kept in the SQLite file of the grain storage named <paramref name="storageName"/> (which must
    /// be a <see cref="SqliteGrainStorage"/>, registered with <see cref="SqliteGrainStorageSiloBuilderExtensions.AddSqliteGrainStorage"/>).
    /// </summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, string storageName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.UseSqliteReminderService(services => services.GetRequiredKeyedService<IGrainStorage>(storageName) as SqliteGrainStorage
            ?? throw new InvalidOperationException($"Reminders in SQLite need the grain storage '{storageName}' to be SQLite grain storage."));
    }

    /// <summary>Orleans reminders kept in the SQLite file of the storage <paramref name="storage"/> finds.</summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder builder, Func<IServiceProvider, SqliteGrainStorage> storage)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddReminders();
        builder.Services.AddSingleton<IReminderTable>(services => new SqliteReminderTable(storage(services)));
        return builder;
    }
}
