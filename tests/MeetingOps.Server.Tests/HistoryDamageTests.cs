using MeetingOps.Cli;
using MeetingOps.Server.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests;

/// <summary>
/// A damaged record of a meeting's append-only history (the grain_log table), as a failing disk leaves it: the
/// meeting answers 500 damaged naming itself, readiness says unhealthy, the other meetings go on, and
/// <c>meetingops verify</c> names the damaged meeting. (The whole-store damage cases are in the security suite.)
/// </summary>
[Trait("Category", "Slow")]
public sealed class HistoryDamageTests
{
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
}
