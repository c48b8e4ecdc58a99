using MeetingOps.Cli;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>
/// A real server on a damaged or lost store (issue 18, part 4): a store that held meetings and lost its database
/// refuses to start and says so; a damaged meeting row answers 500 naming the meeting, never "try again in 2 s", and
/// readiness says unhealthy; a store that cannot take writes makes readiness unhealthy.
/// </summary>
public sealed class StorageIntegrityTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("truncated to 0 bytes", "empty (0 bytes)")]
    [InlineData("deleted", "missing")]
    public async Task A_data_directory_that_had_meetings_and_lost_its_database_refuses_to_start_and_says_so(string damage, string said)
    {
        await using var server = await ServerProcess.StartAsync();
        var api = new MeetingOpsApi(server);
        await api.CreateAsync(Samples.Wg3_2021);
        server.KillHard();

        var database = Path.Combine(server.DataDirectory, "meetingops.db");
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
    public async Task A_damaged_meeting_row_answers_500_naming_the_meeting_is_logged_once_and_readiness_is_unhealthy()
    {
        await using var server = await ServerProcess.StartAsync();
        var api = new MeetingOpsApi(server);
        var damaged = await api.CreateAsync(Samples.Wg3_2021);
        var intact = await api.CreateAsync(Samples.Wg2Wg3_2022);
        server.KillHard();

        StoredRows.Damage(server.DataDirectory, damaged.Id);
        await server.RestartAsync();
        var outputBefore = server.Output.Length;

        for (var i = 0; i < 5; i++)
        {
            var answer = await api.GetMeetingAsync(damaged.Id);
            var problem = ApiAssert.Problem(answer, HttpStatusCode.InternalServerError, "damaged");
            Assert.Null(answer.Header("Retry-After"));
            Assert.Equal(damaged.Id, (string?)problem["meetingId"]);
            Assert.Contains(damaged.Id, (string?)problem["detail"], StringComparison.Ordinal);
            Assert.Contains("Backups and recovery", (string?)problem["detail"], StringComparison.Ordinal);
        }
        ApiAssert.Problem(await api.CommandAsync(damaged.Id, "sessions/2021-03-25-am/start", damaged.ChairKey), HttpStatusCode.InternalServerError, "damaged");

        // The other meeting is untouched and answers as before.
        Assert.Equal(HttpStatusCode.OK, (await api.GetMeetingAsync(intact.Id)).Status);

        using var ready = await server.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        var logged = server.Output[outputBefore..];
        var errorLines = logged.Split('\n').Count(l => l.Contains("is damaged; it answers 500", StringComparison.Ordinal));
        Assert.True(errorLines == 1, $"expected the damaged row logged once, found {errorLines} times:{Environment.NewLine}{logged}");
        // Orleans logs the failed activation (several errors with stack traces) the first time only: later requests
        // are answered from what the store remembers, without activating the grain again.
        var activationErrors = logged.Split('\n').Count(l => l.Contains("Error from storage provider", StringComparison.Ordinal));
        Assert.True(activationErrors == 1, $"expected one failed activation logged, found {activationErrors}:{Environment.NewLine}{logged}");
    }

    [Fact]
    public async Task A_damaged_record_of_a_meetings_history_answers_500_damaged_and_verify_names_the_meeting()
    {
        await using var server = await ServerProcess.StartAsync();
        var api = new MeetingOpsApi(server);
        var damaged = await api.CreateAsync(Samples.Wg3_2021);
        var intact = await api.CreateAsync(Samples.Wg2Wg3_2022);
        Assert.Equal(HttpStatusCode.OK, (await api.CommandAsync(damaged.Id, "sessions/2021-03-25-am/start?confirm=offDay", damaged.ChairKey)).Status);
        server.KillHard();

        StoredRows.DamageRecord(server.DataDirectory, damaged.Id, seq: 1); // the start's record; the head row is intact
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(["verify", server.DataDirectory], stdout, stderr, CancellationToken.None);
        Assert.Equal(CommandLine.Failed, code);
        Assert.Contains($"meeting {damaged.Id}: DAMAGED: its stored history does not read", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains($"meeting {intact.Id}: OK", stdout.ToString(), StringComparison.Ordinal);

        await server.RestartAsync();
        var problem = ApiAssert.Problem(await api.GetMeetingAsync(damaged.Id), HttpStatusCode.InternalServerError, "damaged");
        Assert.Equal(damaged.Id, (string?)problem["meetingId"]);
        Assert.Equal(HttpStatusCode.OK, (await api.GetMeetingAsync(intact.Id)).Status);
        using var ready = await server.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task Writes_that_fail_for_want_of_space_make_readiness_unhealthy_while_reads_go_on()
    {
        // The failing writes are real SQLite ones: the database's size ceiling (MeetingOps:DatabaseMaxMegabytes, SQLite's
        // max_page_count) answers SQLITE_FULL exactly as a full disk does, deterministically and without a small file system.
        await using var server = await ServerProcess.StartAsync(extraEnvironment: new Dictionary<string, string>
        {
            ["MeetingOps__DatabaseMaxMegabytes"] = "1",
        });
        var api = new MeetingOpsApi(server);
        var first = await api.CreateAsync(Samples.Wg2Wg3_2022);
        using (var before = await server.Client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        ApiResponse? refused = null;
        for (var i = 0; i < 200 && refused is null; i++)
        {
            var answer = await api.PostDefinitionAsync(Samples.Text(Samples.Wg2Wg3_2022), ServerProcess.TestOrganizerKey);
            if (answer.Status != HttpStatusCode.Created)
            {
                refused = answer;
            }
        }

        Assert.NotNull(refused);
        ApiAssert.Problem(refused!, HttpStatusCode.ServiceUnavailable);
        using (var after = await server.Client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await api.GetMeetingAsync(first.Id)).Status);
    }
}
