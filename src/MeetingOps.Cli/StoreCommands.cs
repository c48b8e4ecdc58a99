using System.Globalization;
using System.Text.Json;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Schedule;
using MeetingOps.Grains;
using MeetingOps.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace MeetingOps.Cli;

/// <summary>
/// <c>meetingops backup | restore | verify</c>: the embedded store's backups (README, "Backups and recovery").
/// A backup is SQLite's online backup, so it is consistent and safe while the server runs (in WAL mode the server keeps
/// writing while the copy reads); a restore puts a verified backup in place of a stopped server's database and keeps
/// the old file aside; verify runs integrity_check and reads and replays every meeting the way the server does.
/// </summary>
public static class StoreCommands
{
    /// <summary>The database's file name in a data directory (the server's SiloSetup.DatabaseFileName).</summary>
    public const string DatabaseFileName = "meetingops.db";

    public const string Help = """
          meetingops backup <data directory> <backup file>
              Copy the embedded store to <backup file> with SQLite's online backup: consistent, and safe while the
              server runs. The copy is checked (integrity_check) before it gets its name; an existing file is not replaced.
          meetingops restore <backup file> <data directory> [--force]
              Put a backup in place of the store of a stopped server. The backup is checked first; a data directory that
              already holds a database needs --force, and its files are kept aside as meetingops.db.before-restore-<time>.
              A store in use by a running server is never replaced.
          meetingops verify <data directory | backup file>
              Run SQLite's integrity_check, read every meeting and replay its log as the server does; prints OK or
              DAMAGED per meeting. Exit code 1 when anything is damaged.
          meetingops verify --redis <configuration> [--service-id <id>]
              Cluster mode: read every grain state the hosts keep in Redis (SCAN of <service id>/state/*, default
              service id meetingops, as MeetingOps:ServiceId) and replay every meeting's log as the server does;
              prints OK or DAMAGED per meeting. Exit code 1 when anything is damaged.
        """;

    public static async Task<int> BackupAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length != 3)
        {
            await stderr.WriteLineAsync($"error: backup takes a data directory and a backup file.\n\n{Help}");
            return CommandLine.Usage;
        }
        var source = DatabaseIn(args[1]);
        var target = Path.GetFullPath(args[2]);
        if (!File.Exists(source))
        {
            await stderr.WriteLineAsync($"error: no store at {source}.");
            return CommandLine.Unreachable;
        }
        if (File.Exists(target))
        {
            await stderr.WriteLineAsync($"error: {target} exists; give a new file name (a backup never replaces another).");
            return CommandLine.Failed;
        }
        var partial = target + ".partial";
        try
        {
            File.Delete(partial);
            using (var from = Open(source, SqliteOpenMode.ReadWrite))
            using (var to = Open(partial, SqliteOpenMode.ReadWriteCreate))
            {
                from.BackupDatabase(to);
                // A backup is one file: no WAL beside it to be lost when it is copied elsewhere.
                Scalar(to, "PRAGMA journal_mode = DELETE;");
                var findings = SqliteStoreChecks.Run(to, "integrity_check");
                if (findings.Count > 0)
                {
                    await stderr.WriteLineAsync($"error: the copy of {source} does not pass integrity_check ({SqliteStoreChecks.Summary(findings)}); the store itself is damaged: run meetingops verify {args[1]}.");
                    return CommandLine.Failed;
                }
                var rows = Count(to, "SELECT count(*) FROM grain_state;");
                var meetings = Count(to, "SELECT count(*) FROM grain_state WHERE state_name = 'meeting';");
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Backed up {source} to {target}: {meetings} meeting(s), {rows} row(s), integrity_check ok."));
            }
            File.Move(partial, target);
            return CommandLine.Ok;
        }
        catch (SqliteException e)
        {
            await stderr.WriteLineAsync($"error: backup of {source} failed: {e.Message}");
            return CommandLine.Failed;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public static async Task<int> RestoreAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var positional = args.Skip(1).Where(a => a != "--force").ToList();
        var force = args.Contains("--force");
        if (positional.Count != 2 || positional.Any(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            await stderr.WriteLineAsync($"error: restore takes a backup file and a data directory (and --force).\n\n{Help}");
            return CommandLine.Usage;
        }
        var backup = Path.GetFullPath(positional[0]);
        var directory = Path.GetFullPath(positional[1]);
        var database = Path.Combine(directory, DatabaseFileName);
        if (!File.Exists(backup))
        {
            await stderr.WriteLineAsync($"error: no backup at {backup}.");
            return CommandLine.Unreachable;
        }

        long rows;
        try
        {
            using var check = Open(backup, SqliteOpenMode.ReadOnly);
            var findings = SqliteStoreChecks.Run(check, "integrity_check");
            if (findings.Count > 0)
            {
                await stderr.WriteLineAsync($"error: {backup} does not pass integrity_check ({SqliteStoreChecks.Summary(findings)}); nothing was restored.");
                return CommandLine.Failed;
            }
            rows = Count(check, "SELECT count(*) FROM grain_state;");
        }
        catch (SqliteException e)
        {
            await stderr.WriteLineAsync($"error: {backup} is not a MeetingOps store backup ({e.Message}); nothing was restored.");
            return CommandLine.Failed;
        }

        var existing = new[] { database, database + "-wal", database + "-shm" }.Where(File.Exists).ToList();
        if (existing.Count > 0)
        {
            if (InUse(database) is { } why)
            {
                await stderr.WriteLineAsync($"error: {database} is in use ({why}); stop the server first. Nothing was restored.");
                return CommandLine.Failed;
            }
            if (!force)
            {
                await stderr.WriteLineAsync($"error: {directory} already holds a store ({database}); restore with --force to replace it (its files are kept aside). Nothing was restored.");
                return CommandLine.Failed;
            }
        }

        Directory.CreateDirectory(directory);
        var aside = database + ".before-restore-" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var file in existing)
        {
            File.Move(file, aside + file[database.Length..]);
        }
        var incoming = database + ".restoring";
        File.Copy(backup, incoming, overwrite: true);
        using (var stream = new FileStream(incoming, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Flush(flushToDisk: true);
        }
        File.Move(incoming, database);
        if (rows > 0)
        {
            SqliteStoreMarker.Write(database, rows);
        }
        else
        {
            SqliteStoreMarker.Delete(database);
        }
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Restored {backup} to {database}: {rows} row(s)."));
        if (existing.Count > 0)
        {
            await stdout.WriteLineAsync($"The files it replaced are kept as {aside}*.");
        }
        return CommandLine.Ok;
    }

    public static async Task<int> VerifyAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Contains("--redis"))
        {
            return await RedisVerify.RunAsync(args, stdout, stderr);
        }
        if (args.Length != 2)
        {
            await stderr.WriteLineAsync($"error: verify takes a data directory or a backup file.\n\n{Help}");
            return CommandLine.Usage;
        }
        var database = DatabaseIn(args[1]);
        var held = SqliteStoreMarker.Read(database);
        if (!File.Exists(database) || new FileInfo(database).Length == 0)
        {
            await stderr.WriteLineAsync(held is > 0
                ? $"DAMAGED: {database} is missing or empty, but {SqliteStoreMarker.PathFor(database)} records that it held meeting state. Restore a backup."
                : $"error: no store at {database}.");
            return held is > 0 ? CommandLine.Failed : CommandLine.Unreachable;
        }

        var damaged = 0;
        try
        {
            // Read-write without create: reading a live store's WAL needs its shared memory file; nothing is written.
            using var connection = Open(database, SqliteOpenMode.ReadWrite);
            var findings = SqliteStoreChecks.Run(connection, "integrity_check");
            if (findings.Count == 0)
            {
                await stdout.WriteLineAsync($"{database}: integrity_check ok");
            }
            else
            {
                damaged++;
                await stdout.WriteLineAsync($"{database}: integrity_check DAMAGED: {SqliteStoreChecks.Summary(findings)}");
            }

            var meetings = 0;
            // A meeting's history is in grain_log beside its head row (schema 2); a file from before has it inline.
            var hasLog = Count(connection, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'grain_log';") > 0;
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT state_name, grain_id, payload FROM grain_state ORDER BY state_name, grain_id;";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (stateName, grainId, payload) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                var problem = stateName == "meeting"
                    ? VerifyMeeting(payload, hasLog ? Records(connection, stateName, grainId) : [], out var summary)
                    : VerifyJson(payload, out summary);
                if (stateName == "meeting")
                {
                    meetings++;
                }
                if (problem is null)
                {
                    if (stateName == "meeting")
                    {
                        await stdout.WriteLineAsync($"meeting {IdOf(grainId)}: OK, {summary}");
                    }
                }
                else
                {
                    damaged++;
                    await stdout.WriteLineAsync($"{(stateName == "meeting" ? $"meeting {IdOf(grainId)}" : $"{stateName} {grainId}")}: DAMAGED: {problem}");
                }
            }
            if (held is > 0 && Count(connection, "SELECT count(*) FROM grain_state;") == 0)
            {
                damaged++;
                await stdout.WriteLineAsync($"{database}: DAMAGED: it holds nothing, but {SqliteStoreMarker.PathFor(database)} records that it held meeting state.");
            }
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{meetings} meeting(s) read and replayed; {damaged} problem(s)."));
        }
        catch (SqliteException e)
        {
            await stdout.WriteLineAsync($"{database}: DAMAGED: SQLite cannot read it ({e.Message}).");
            return CommandLine.Failed;
        }
        if (damaged > 0)
        {
            await stderr.WriteLineAsync("Damaged: restore the last good backup (meetingops restore <backup file> <data directory> --force; README, \"Backups and recovery\").");
            return CommandLine.Failed;
        }
        return CommandLine.Ok;
    }

    /// <summary>
    /// Reads a meeting as the meeting grain does on activation: its head and its history records (none for a row that
    /// still has its history inline), its definition checked, its schedule planned, its log replayed.
    /// </summary>
    internal static string? VerifyMeeting(string payload, IReadOnlyList<string> records, out string summary)
    {
        summary = "";
        MeetingState? state;
        try
        {
            state = JsonSerializer.Deserialize<MeetingState>(payload, MeetingOpsJson.Options);
        }
        catch (JsonException e)
        {
            return $"its stored state does not read ({e.Message})";
        }
        try
        {
            state?.ReadRecords(records, MeetingOpsJson.Options);
        }
        catch (JsonException e)
        {
            return $"its stored history does not read ({e.Message})";
        }
        if (state?.Definition is not { } definition)
        {
            return "its stored state has no definition";
        }
        if (state.Draft)
        {
            summary = "draft (not replayed)";
            return null;
        }
        var checkedDefinition = DefinitionValidator.Validate(definition);
        if (checkedDefinition.Meeting is not { } defined)
        {
            return "its definition no longer reads: " + string.Join("; ", checkedDefinition.Problems.Select(p => $"{p.Path}: {p.Message}"));
        }
        for (var i = 1; i < state.Log.Count; i++)
        {
            if (state.Log[i].Version <= state.Log[i - 1].Version)
            {
                return string.Create(CultureInfo.InvariantCulture, $"its log is out of order at entry {i} (version {state.Log[i].Version} after {state.Log[i - 1].Version})");
            }
        }
        if (state.Log.Count > 0 && state.Log[^1].Version > state.Version)
        {
            return string.Create(CultureInfo.InvariantCulture, $"its log reaches version {state.Log[^1].Version} beyond the meeting's version {state.Version}");
        }
        try
        {
            var plan = state.Schedule is null ? SchedulePlanner.Plan(defined) : SchedulePlanner.Plan(defined, state.Schedule);
            var meeting = state.Schedule is null ? defined : ScheduleRules.Effective(defined, plan);
            var live = LiveState.Initial(meeting).Apply(Corrections.Effective(state.Log));
            MeetingViews.Snapshot("verify", meeting, live, state.Version);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException or NullReferenceException)
        {
            return $"its log does not replay ({e.GetType().Name}: {e.Message})";
        }
        summary = string.Create(CultureInfo.InvariantCulture, $"version {state.Version}, {state.Log.Count} log entr{(state.Log.Count == 1 ? "y" : "ies")} replayed");
        return null;
    }

    /// <summary>A meeting's history records as stored beside its head row, in order.</summary>
    private static List<string> Records(SqliteConnection connection, string stateName, string grainId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM grain_log WHERE state_name = $state AND grain_id = $grain ORDER BY seq;";
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$grain", grainId);
        using var reader = command.ExecuteReader();
        var records = new List<string>();
        while (reader.Read())
        {
            records.Add(reader.GetString(0));
        }
        return records;
    }

    internal static string? VerifyJson(string payload, out string summary)
    {
        summary = "";
        try
        {
            using var _ = JsonDocument.Parse(payload);
            return null;
        }
        catch (JsonException e)
        {
            return $"its stored state is not JSON ({e.Message})";
        }
    }

    /// <summary>Whether another connection (a running server) has the database open: in WAL mode every open connection holds a shared lock, so leaving WAL fails.</summary>
    private static string? InUse(string database)
    {
        if (!File.Exists(database))
        {
            return null;
        }
        try
        {
            // One second, not 0: Microsoft.Data.Sqlite takes a command timeout of 0 as "wait for ever" while the server holds the file.
            using var connection = Open(database, SqliteOpenMode.ReadWrite, busyTimeoutSeconds: 1);
            var mode = Scalar(connection, "PRAGMA journal_mode = DELETE;") as string;
            return string.Equals(mode, "delete", StringComparison.OrdinalIgnoreCase) ? null : $"it stays in {mode} mode: another process has it open";
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            return e.Message;
        }
        catch (SqliteException)
        {
            return null; // damaged beyond opening: nobody is using it, and it is what the restore replaces
        }
    }

    private static string DatabaseIn(string path) =>
        Directory.Exists(path) ? Path.Combine(Path.GetFullPath(path), DatabaseFileName) : Path.GetFullPath(path);

    private static string IdOf(string grainId) => grainId[(grainId.IndexOf('/', StringComparison.Ordinal) + 1)..];

    private static SqliteConnection Open(string path, SqliteOpenMode mode, int busyTimeoutSeconds = 5)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = busyTimeoutSeconds,
        }.ToString());
        connection.Open();
        Scalar(connection, $"PRAGMA busy_timeout = {busyTimeoutSeconds * 1000};");
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static long Count(SqliteConnection connection, string sql) => (long)Scalar(connection, sql)!;
}
