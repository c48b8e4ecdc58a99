using MeetingOps.Cli;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>
/// Backups of a running server (issue 18, part 5): <c>meetingops backup</c> while commands are being acknowledged,
/// the database damaged, <c>meetingops verify</c> says so, <c>meetingops restore</c> puts the backup back, and the
/// restarted server has every command acknowledged before the backup.
/// </summary>
[Trait("Category", "Slow")]
public sealed class BackupRestoreTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_backup_of_a_running_server_restored_over_a_damaged_database_keeps_every_command_acknowledged_before_it()
    {
        await using var server = await ServerProcess.StartAsync();
        var api = new MeetingOpsApi(server);
        var backupFile = Path.Combine(server.DataDirectory, "..", $"meetingops-backup-{Guid.NewGuid():N}.db");
        try
        {
            var a = await api.CreateAsync(Samples.Wg2Wg3_2022);
            var b = await api.CreateAsync(Samples.Wg3_2021);
            string[] commands =
            [
                "sessions/2022-05-23-am/start?confirm=offDay",
                "items/opening/open",
                "items/opening/conclude",
                "items/adoption-of-agenda/open",
                "items/adoption-of-agenda/adopt",
                "items/transfer-of-sentenced-persons/open",
                "sessions/2022-05-23-am/end",
            ];
            for (var i = 0; i < commands.Length; i++)
            {
                await api.OkAsync(a.Id, commands[i], a.ChairKey, new CommandOptions(IdempotencyKey: $"before-backup-{i}"));
            }
            var acknowledged = await api.StateTextAsync(a.Id);

            // Meeting B takes commands all through the backup: the server is writing while SQLite copies.
            using var stop = new CancellationTokenSource();
            var acknowledgedOnB = 0L;
            var writer = Task.Run(async () =>
            {
                string[] cycle = ["sessions/2021-03-25-am/start?confirm=offDay", "sessions/2021-03-25-am/suspend", "sessions/2021-03-25-am/resume"];
                await api.OkAsync(b.Id, cycle[0], b.ChairKey);
                Interlocked.Exchange(ref acknowledgedOnB, 1);
                for (var i = 1; !stop.IsCancellationRequested; i++)
                {
                    var s = await api.OkAsync(b.Id, cycle[1 + (i + 1) % 2], b.ChairKey);
                    Interlocked.Exchange(ref acknowledgedOnB, (long)s["version"]!);
                }
            });
            while (Interlocked.Read(ref acknowledgedOnB) < 3 && !writer.IsCompleted)
            {
                await Task.Delay(20); // wait until B is being written to
            }
            Assert.False(writer.IsFaulted, $"the commands on B failed: {writer.Exception}");
            var acknowledgedOnBBeforeBackup = Interlocked.Read(ref acknowledgedOnB);
            var (backupCode, backupOut, backupErr) = await Cli("backup", server.DataDirectory, backupFile);
            await stop.CancelAsync();
            await writer;
            Assert.True(backupCode == CommandLine.Ok, $"backup: {backupCode}\n{backupOut}\n{backupErr}");
            Assert.Contains("2 meeting(s)", backupOut, StringComparison.Ordinal);

            // A restore over the running server's store is refused, whatever --force says.
            var (inUseCode, _, inUseErr) = await Cli("restore", backupFile, server.DataDirectory, "--force");
            Assert.Equal(CommandLine.Failed, inUseCode);
            Assert.Contains("stop the server", inUseErr, StringComparison.Ordinal);

            // Acknowledged after the backup: not in it, and lost by the restore (as the README says).
            await api.OkAsync(a.Id, "sessions/2022-05-23-pm/start?confirm=offDay", a.ChairKey);

            // The disk damages the database.
            server.KillHard();
            var database = Path.Combine(server.DataDirectory, "meetingops.db");
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False"))
            {
                // Everything committed into the file itself first, so the garbage below hits the meetings' pages.
                connection.Open();
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                checkpoint.ExecuteNonQuery();
            }
            var length = new FileInfo(database).Length;
            var garbage = new byte[length / 2];
            new Random(18).NextBytes(garbage);
            using (var file = new FileStream(database, FileMode.Open, FileAccess.Write))
            {
                file.Position = 4096;
                file.Write(garbage);
            }

            server.Relaunch();
            Assert.NotEqual(0, await server.WaitForExitAsync(ExitTimeout)); // refuses to start on it
            var (damagedCode, damagedOut, _) = await Cli("verify", server.DataDirectory);
            Assert.True(damagedCode == CommandLine.Failed, $"verify of the damaged store: {damagedCode}\n{damagedOut}");
            Assert.Contains("DAMAGED", damagedOut, StringComparison.Ordinal);

            var (verifyBackupCode, verifyBackupOut, _) = await Cli("verify", backupFile);
            Assert.True(verifyBackupCode == CommandLine.Ok, $"verify of the backup: {verifyBackupCode}\n{verifyBackupOut}");
            Assert.Contains($"meeting {a.Id}: OK, version {acknowledged.ETag!.Trim('"')}", verifyBackupOut, StringComparison.Ordinal);

            var (noForceCode, _, noForceErr) = await Cli("restore", backupFile, server.DataDirectory);
            Assert.Equal(CommandLine.Failed, noForceCode);
            Assert.Contains("--force", noForceErr, StringComparison.Ordinal);
            var (restoreCode, restoreOut, restoreErr) = await Cli("restore", backupFile, server.DataDirectory, "--force");
            Assert.True(restoreCode == CommandLine.Ok, $"restore: {restoreCode}\n{restoreOut}\n{restoreErr}");
            Assert.Single(Directory.GetFiles(server.DataDirectory, "meetingops.db.before-restore-*")); // the damaged file, kept aside
            var (verifiedCode, verifiedOut, _) = await Cli("verify", server.DataDirectory);
            Assert.True(verifiedCode == CommandLine.Ok, $"verify after restore: {verifiedCode}\n{verifiedOut}");

            await server.RestartAsync();
            var restored = await api.StateTextAsync(a.Id);
            Assert.Equal(acknowledged.ETag, restored.ETag);
            Assert.Equal(acknowledged.Snapshot, restored.Snapshot);
            Assert.Equal(acknowledged.Log, restored.Log);
            // A retry of a command acknowledged before the backup is a replay, not a second application.
            var retry = await api.CommandAsync(a.Id, commands[^1], a.ChairKey, new CommandOptions(IdempotencyKey: $"before-backup-{commands.Length - 1}"));
            Assert.Equal("true", retry.Header("Idempotent-Replayed"));

            // B: every command acknowledged before the backup began is there, in an unbroken log.
            var logOfB = (await api.GetLogAsync(b.Id)).Json.AsArray().Select(e => (long)e!["version"]!).ToList();
            Assert.True(logOfB.Count >= acknowledgedOnBBeforeBackup, $"B has {logOfB.Count} change(s); {acknowledgedOnBBeforeBackup} were acknowledged before the backup");
            Assert.Equal(Enumerable.Range(1, logOfB.Count).Select(v => (long)v), logOfB);
            Assert.Equal(HttpStatusCode.OK, (await api.CommandAsync(a.Id, "sessions/2022-05-23-pm/start?confirm=offDay", a.ChairKey)).Status);
        }
        finally
        {
            File.Delete(backupFile);
        }
    }

    [Fact]
    public async Task Verify_names_a_meeting_whose_stored_state_is_damaged_and_the_backup_refuses_nothing_else()
    {
        await using var server = await ServerProcess.StartAsync();
        var api = new MeetingOpsApi(server);
        var damaged = await api.CreateAsync(Samples.Wg3_2021);
        var intact = await api.CreateAsync(Samples.Wg2Wg3_2022);
        server.KillHard();
        StoredRows.Damage(server.DataDirectory, damaged.Id, "{\"definition\": 17");

        var (code, output, _) = await Cli("verify", server.DataDirectory);

        Assert.Equal(CommandLine.Failed, code);
        Assert.Contains($"meeting {damaged.Id}: DAMAGED", output, StringComparison.Ordinal);
        Assert.Contains($"meeting {intact.Id}: OK", output, StringComparison.Ordinal);
        Assert.Contains("integrity_check ok", output, StringComparison.Ordinal); // the file is sound; one row is not
    }

    private static async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
