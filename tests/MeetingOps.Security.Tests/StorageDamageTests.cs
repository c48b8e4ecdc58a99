using MeetingOps.Cli;
using MeetingOps.Security.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace MeetingOps.Security.Tests;

/// <summary>
/// The storage damage cases of issue 18 against the real server process, as a careless operator or a bad disk leaves
/// its store: a database truncated or deleted under a data directory that held meetings refuses to start and says so;
/// a damaged meeting row answers 500 naming the meeting (never 503 "try again in 2 s", which a chair's console retries
/// forever), is logged at Error once and makes readiness unhealthy; writes failing for want of space make readiness
/// unhealthy; a backup of the running server restored over a damaged database keeps every acknowledged command.
/// The client limits are not the subject here: each server raises them through its options (one address, 127.0.0.1,
/// does all the work). Each test has a server and data directory of its own, since each damages its store.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SecurityCollection.Name)]
public sealed class StorageDamageTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private static Task<SecurityServer> StartAsync(IReadOnlyDictionary<string, string>? more = null) =>
        SecurityServer.StartAsync(more is null ? OneAddressLimits.Environment : OneAddressLimits.Environment.Concat(more).ToDictionary());

    private static string Database(SecurityServer server) => Path.Combine(server.DataDirectory, "meetingops.db");

    [Theory]
    [InlineData("truncated to 0 bytes", "empty (0 bytes)")]
    [InlineData("deleted", "missing")]
    public async Task A_data_directory_that_had_meetings_and_lost_its_database_refuses_to_start_and_says_so(string damage, string said)
    {
        await using var server = await StartAsync();
        await server.CreateMeetingAsync(RepoFiles.Sample(RepoFiles.Vienna2021));
        await server.KillHardAsync();

        var database = Database(server);
        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        if (damage == "deleted")
        {
            File.Delete(database);
        }
        else
        {
            File.WriteAllBytes(database, []);
        }
        var outputBefore = server.Output.Length;

        server.Relaunch();
        var exitCode = await server.WaitForExitAsync(ExitTimeout);

        Assert.NotEqual(0, exitCode);
        var output = server.Output[outputBefore..];
        Assert.Contains(database, output, StringComparison.Ordinal);
        Assert.Contains(said, output, StringComparison.Ordinal);
        Assert.Contains("held meeting state", output, StringComparison.Ordinal);
        Assert.Contains("Backups and recovery", output, StringComparison.Ordinal);
        Assert.Contains("meetingops restore", output, StringComparison.Ordinal);
        Assert.Equal(damage == "deleted", !File.Exists(database)); // nothing made in its place
    }

    [Fact]
    public async Task Garbage_in_a_frame_of_the_write_ahead_log_after_a_kill_refuses_the_start_instead_of_dropping_acknowledged_commands()
    {
        await using var server = await StartAsync();
        var (id, chairKey) = await server.CreateMeetingAsync(RepoFiles.Sample(RepoFiles.Vienna2022));
        string[] commands =
        [
            "sessions/2022-05-23-am/start?confirm=offDay",
            "items/opening/open",
            "items/opening/conclude",
            "items/adoption-of-agenda/open",
            "items/adoption-of-agenda/adopt",
            "items/transfer-of-sentenced-persons/open",
        ];
        foreach (var command in commands)
        {
            await OkAsync(server, id, command, chairKey);
        }
        await server.KillHardAsync(); // kill -9: the acknowledged commands are in the WAL, not yet in the database file

        // Garbage in the page of a frame in the middle of the log, as a bad sector would leave it.
        var wal = Database(server) + "-wal";
        var bytes = File.ReadAllBytes(wal);
        var pageSize = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8));
        var frames = (bytes.Length - 32) / (24 + pageSize);
        Assert.True(frames >= 4, $"the log holds {frames} frame(s); the commands should have written more");
        var damagedFrame = frames / 2;
        var garbage = new byte[512];
        new Random(18).NextBytes(garbage);
        garbage.CopyTo(bytes, 32 + damagedFrame * (24 + pageSize) + 24 + 64);
        File.WriteAllBytes(wal, bytes);
        var outputBefore = server.Output.Length;

        server.Relaunch();
        var exitCode = await server.WaitForExitAsync(ExitTimeout);

        var output = server.Output[outputBefore..];
        Assert.True(exitCode != 0, $"the server started on a log that drops acknowledged commits:\n{output}");
        Assert.Contains(wal, output, StringComparison.Ordinal);
        Assert.Contains($"damaged at frame {damagedFrame + 1} of {frames}", output, StringComparison.Ordinal);
        Assert.Contains("committed change(s) after it would be dropped", output, StringComparison.Ordinal);
        Assert.Contains("meetingops restore", output, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(wal)); // left as it was, for a restore or a closer look
    }

    [Fact]
    public async Task A_damaged_meeting_row_answers_500_naming_the_meeting_never_503_is_logged_once_and_readiness_is_unhealthy()
    {
        await using var server = await StartAsync();
        var (damaged, damagedChairKey) = await server.CreateMeetingAsync(RepoFiles.Sample(RepoFiles.Vienna2021));
        var (intact, _) = await server.CreateMeetingAsync(RepoFiles.Sample(RepoFiles.Vienna2022));
        await server.KillHardAsync();

        StoredRows.Damage(server.DataDirectory, damaged);
        await server.RestartAsync();
        var outputBefore = server.Output.Length;

        for (var i = 0; i < 5; i++)
        {
            var answer = await SecurityServer.SendAsync(server.Http, HttpMethod.Get, $"/api/meetings/{damaged}", null);
            var problem = Damaged(answer);
            Assert.Equal(damaged, (string?)problem["meetingId"]);
            Assert.Contains(damaged, (string?)problem["detail"], StringComparison.Ordinal);
            Assert.Contains("Backups and recovery", (string?)problem["detail"], StringComparison.Ordinal);
        }
        Damaged(await CommandAsync(server, damaged, "sessions/2021-03-25-am/start", damagedChairKey));

        // The other meeting is untouched and answers as before.
        Assert.Equal(200, (await SecurityServer.SendAsync(server.Http, HttpMethod.Get, $"/api/meetings/{intact}", null)).Status);
        Assert.Equal(503, (await SecurityServer.SendAsync(server.Http, HttpMethod.Get, "/health/ready", null)).Status);

        var logged = server.Output[outputBefore..];
        var errorLines = logged.Split('\n').Count(l => l.Contains("is damaged; it answers 500", StringComparison.Ordinal));
        Assert.True(errorLines == 1, $"expected the damaged row logged once, found {errorLines} times:{Environment.NewLine}{logged}");
        Assert.Contains("fail: MeetingOps.Server.Hosting.DamagedAnswer", logged, StringComparison.Ordinal); // at Error level
        // Orleans logs the failed activation (several errors with stack traces) the first time only: later requests are
        // answered from what the store remembers, without activating the grain again.
        var activationErrors = logged.Split('\n').Count(l => l.Contains("Error from storage provider", StringComparison.Ordinal));
        Assert.True(activationErrors == 1, $"expected one failed activation logged, found {activationErrors}:{Environment.NewLine}{logged}");
    }

    [Fact]
    public async Task Writes_that_fail_for_want_of_space_make_readiness_unhealthy_while_reads_go_on()
    {
        // The failing writes are real SQLite ones: the database's size ceiling (MeetingOps:DatabaseMaxMegabytes, SQLite's
        // max_page_count) answers SQLITE_FULL exactly as a full disk does, deterministically, and without mounting a
        // small file system (which needs root and a kernel that lets the test do it).
        await using var server = await StartAsync(new Dictionary<string, string> { ["MeetingOps__DatabaseMaxMegabytes"] = "1" });
        var (first, _) = await server.CreateMeetingAsync(RepoFiles.Sample(RepoFiles.Vienna2022));
        Assert.Equal(200, (await SecurityServer.SendAsync(server.Http, HttpMethod.Get, "/health/ready", null)).Status);

        Answer? refused = null;
        var definition = RepoFiles.Sample(RepoFiles.Vienna2022);
        for (var i = 0; i < 200 && refused is null; i++)
        {
            var answer = await SecurityServer.SendAsync(server.Http, HttpMethod.Post, "/api/meetings", SecurityServer.OrganizerKey, definition);
            if (answer.Status != 201)
            {
                refused = answer;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused!.Status == 503, $"a write into a full store: {refused}");
        Assert.Equal("application/problem+json", refused.ContentType);
        var ready = await SecurityServer.SendAsync(server.Http, HttpMethod.Get, "/health/ready", null);
        Assert.True(ready.Status == 503, $"/health/ready with the store full: {ready}");
        Assert.Equal(200, (await SecurityServer.SendAsync(server.Http, HttpMethod.Get, $"/api/meetings/{first}", null)).Status);
    }

    [Fact]
    public async Task A_backup_of_a_running_server_restored_over_a_damaged_database_keeps_every_command_acknowledged_before_it()
    {
        await using var server = await StartAsync();
        var backupFile = Path.Combine(Path.GetTempPath(), $"meetingops-security-backup-{Guid.NewGuid():N}.db");
        try
        {
            var (a, aKey) = await server.CreateMeetingAsync(RepoFiles.Sample(RepoFiles.Vienna2022));
            var (b, bKey) = await server.CreateMeetingAsync(RepoFiles.Sample(RepoFiles.Vienna2021));
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
                await OkAsync(server, a, commands[i], aKey, $"before-backup-{i}");
            }
            var acknowledged = await StateTextAsync(server, a);

            // Meeting B takes commands all through the backup: the server is writing while SQLite copies.
            using var stop = new CancellationTokenSource();
            var acknowledgedOnB = 0L;
            var writer = Task.Run(async () =>
            {
                string[] cycle = ["sessions/2021-03-25-am/start?confirm=offDay", "sessions/2021-03-25-am/suspend", "sessions/2021-03-25-am/resume"];
                await OkAsync(server, b, cycle[0], bKey);
                Interlocked.Exchange(ref acknowledgedOnB, 1);
                for (var i = 1; !stop.IsCancellationRequested; i++)
                {
                    var s = await OkAsync(server, b, cycle[1 + (i + 1) % 2], bKey);
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
            await OkAsync(server, a, "sessions/2022-05-23-pm/start?confirm=offDay", aKey);

            // The disk damages the database: half of it overwritten with garbage after the first page.
            await server.KillHardAsync();
            var database = Database(server);
            using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                // Everything committed into the file itself first, so the garbage below hits the meetings' pages.
                connection.Open();
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                checkpoint.ExecuteNonQuery();
            }
            var garbage = new byte[new FileInfo(database).Length / 2];
            new Random(18).NextBytes(garbage);
            using (var file = new FileStream(database, FileMode.Open, FileAccess.Write))
            {
                file.Position = 4096;
                file.Write(garbage);
            }

            server.Relaunch();
            Assert.NotEqual(0, await server.WaitForExitAsync(ExitTimeout)); // refuses to start on it (quick_check)
            var (damagedCode, damagedOut, _) = await Cli("verify", server.DataDirectory);
            Assert.True(damagedCode == CommandLine.Failed, $"verify of the damaged store: {damagedCode}\n{damagedOut}");
            Assert.Contains("DAMAGED", damagedOut, StringComparison.Ordinal);

            var (verifyBackupCode, verifyBackupOut, _) = await Cli("verify", backupFile);
            Assert.True(verifyBackupCode == CommandLine.Ok, $"verify of the backup: {verifyBackupCode}\n{verifyBackupOut}");
            Assert.Contains($"meeting {a}: OK, version {acknowledged.ETag!.Trim('"')}", verifyBackupOut, StringComparison.Ordinal);

            var (noForceCode, _, noForceErr) = await Cli("restore", backupFile, server.DataDirectory);
            Assert.Equal(CommandLine.Failed, noForceCode);
            Assert.Contains("--force", noForceErr, StringComparison.Ordinal);
            var (restoreCode, restoreOut, restoreErr) = await Cli("restore", backupFile, server.DataDirectory, "--force");
            Assert.True(restoreCode == CommandLine.Ok, $"restore: {restoreCode}\n{restoreOut}\n{restoreErr}");
            Assert.Single(Directory.GetFiles(server.DataDirectory, "meetingops.db.before-restore-*")); // the damaged file, kept aside
            var (verifiedCode, verifiedOut, _) = await Cli("verify", server.DataDirectory);
            Assert.True(verifiedCode == CommandLine.Ok, $"verify after restore: {verifiedCode}\n{verifiedOut}");

            await server.KillHardAsync(); // the process that refused to start has exited; forget it
            await server.RestartAsync();
            var restored = await StateTextAsync(server, a);
            Assert.Equal(acknowledged.ETag, restored.ETag);
            Assert.Equal(acknowledged.Snapshot, restored.Snapshot);
            Assert.Equal(acknowledged.Log, restored.Log);
            // A retry of a command acknowledged before the backup is a replay, not a second application.
            var retry = await CommandAsync(server, a, commands[^1], aKey, $"before-backup-{commands.Length - 1}");
            Assert.Equal("true", retry.Header("Idempotent-Replayed"));

            // B: every command acknowledged before the backup began is there, in an unbroken log.
            var logOfB = (await SecurityServer.SendAsync(server.Http, HttpMethod.Get, $"/api/meetings/{b}/log", null)).Json.AsArray()
                .Select(e => (long)e!["version"]!).ToList();
            Assert.True(logOfB.Count >= acknowledgedOnBBeforeBackup, $"B has {logOfB.Count} change(s); {acknowledgedOnBBeforeBackup} were acknowledged before the backup");
            Assert.Equal(Enumerable.Range(1, logOfB.Count).Select(v => (long)v), logOfB);
            Assert.Equal(200, (await CommandAsync(server, a, "sessions/2022-05-23-pm/start?confirm=offDay", aKey)).Status);
        }
        finally
        {
            File.Delete(backupFile);
        }
    }

    [Fact]
    public async Task Verify_names_a_meeting_whose_stored_state_is_damaged_and_no_other()
    {
        await using var server = await StartAsync();
        var (damaged, _) = await server.CreateMeetingAsync(RepoFiles.Sample(RepoFiles.Vienna2021));
        var (intact, _) = await server.CreateMeetingAsync(RepoFiles.Sample(RepoFiles.Vienna2022));
        await server.KillHardAsync();
        StoredRows.Damage(server.DataDirectory, damaged, "{\"definition\": 17");

        var (code, output, _) = await Cli("verify", server.DataDirectory);

        Assert.Equal(CommandLine.Failed, code);
        Assert.Contains($"meeting {damaged}: DAMAGED", output, StringComparison.Ordinal);
        Assert.Contains($"meeting {intact}: OK", output, StringComparison.Ordinal);
        Assert.Contains("integrity_check ok", output, StringComparison.Ordinal); // the file is sound; one row is not
    }

    /// <summary>A 500 "damaged" problem, without Retry-After: retrying cannot repair a row.</summary>
    private static System.Text.Json.Nodes.JsonNode Damaged(Answer answer)
    {
        Assert.True(answer.Status == 500, $"expected 500 damaged, got {answer}");
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Null(answer.RetryAfter);
        Assert.Null(answer.Header("Retry-After"));
        var problem = answer.Json;
        Assert.Equal("urn:meetingops:problem:damaged", (string?)problem["type"]);
        return problem;
    }

    /// <summary>POST /api/meetings/{id}/{command} with the chair key (and an Idempotency-Key when given).</summary>
    private static Task<Answer> CommandAsync(SecurityServer server, string meetingId, string command, string chairKey, string? idempotencyKey = null) =>
        SecurityServer.SendAsync(server.Http, HttpMethod.Post, $"/api/meetings/{meetingId}/{command}", chairKey,
            headers: idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey });

    /// <summary>A command that must be acknowledged; the snapshot it answers.</summary>
    private static async Task<System.Text.Json.Nodes.JsonNode> OkAsync(SecurityServer server, string meetingId, string command, string chairKey, string? idempotencyKey = null)
    {
        var answer = await CommandAsync(server, meetingId, command, chairKey, idempotencyKey);
        Assert.True(answer.Status == 200, $"{command}: expected 200, got {answer}");
        return answer.Json;
    }

    /// <summary>The snapshot and log texts (and ETag) exactly as the server sends them.</summary>
    private static async Task<(string Snapshot, string? ETag, string Log)> StateTextAsync(SecurityServer server, string meetingId)
    {
        var snapshot = await SecurityServer.SendAsync(server.Http, HttpMethod.Get, $"/api/meetings/{meetingId}", null);
        Assert.True(snapshot.Status == 200, $"GET the meeting: {snapshot}");
        var log = await SecurityServer.SendAsync(server.Http, HttpMethod.Get, $"/api/meetings/{meetingId}/log", null);
        Assert.True(log.Status == 200, $"GET the log: {log}");
        return (snapshot.Body, snapshot.Header("ETag"), log.Body);
    }

    private static async Task<(int Code, string Out, string Err)> Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
