using System.Text.Json;
using MeetingOps.Contracts;
using MeetingOps.Server.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingOps.Server.Tests;

/// <summary>
/// A damaged meeting row met through the hub (issue 18, part 4): every call for the meeting is answered with its name
/// and what to do, as REST answers it, the damage is logged once, and later calls are answered before they reach
/// Orleans, so a console or room screen retrying over the hub does not log a failed activation per call.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DamagedMeetingHubTests
{
    [Fact]
    public async Task Hub_calls_for_a_damaged_meeting_are_answered_naming_it_and_logged_once()
    {
        await using var server = await ServerProcess.StartAsync();
        var api = new MeetingOpsApi(server);
        var damaged = await api.CreateAsync(Samples.Wg3_2021);
        var intact = await api.CreateAsync(Samples.Wg2Wg3_2022);
        server.KillHard();
        StoredRows.Damage(server.DataDirectory, damaged.Id);
        await server.RestartAsync();
        var outputBefore = server.Output.Length;

        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, "/hubs/meetings")).Build();
        await hub.StartAsync();

        // The first call meets the damage in the grain; the others are answered from what the store remembers.
        for (var i = 0; i < 5; i++)
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("Follow", damaged.Id));
            Assert.Contains($"meeting \"{damaged.Id}\"", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Trying again will not help", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Backups and recovery", refused.Message, StringComparison.Ordinal);
        }
        for (var i = 0; i < 5; i++)
        {
            var reply = await hub.InvokeAsync<JsonElement>("Command",
                new ChairCommand(damaged.Id, "session", "2021-03-25-am", "start", damaged.ChairKey, $"damaged-{i}"));
            Assert.False(reply.GetProperty("accepted").GetBoolean());
            var problem = reply.GetProperty("problem");
            Assert.Equal("urn:meetingops:problem:damaged", problem.GetProperty("type").GetString());
            Assert.Equal(500, problem.GetProperty("status").GetInt32());
            Assert.Contains($"meeting \"{damaged.Id}\"", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // The other meeting follows as before, on the same connection.
        var snapshot = await hub.InvokeAsync<JsonElement>("Follow", intact.Id);
        Assert.Equal(intact.Id, snapshot.GetProperty("id").GetString());

        var logged = server.Output[outputBefore..];
        var lines = logged.Split('\n');
        var damagedLines = lines.Count(l => l.Contains("is damaged; it answers 500", StringComparison.Ordinal));
        Assert.True(damagedLines == 1, $"expected the damaged row logged once, found {damagedLines} times:{Environment.NewLine}{logged}");
        var activationErrors = lines.Count(l => l.Contains("Error from storage provider", StringComparison.Ordinal));
        Assert.True(activationErrors == 1, $"expected one failed activation logged, found {activationErrors}:{Environment.NewLine}{logged}");
        // Neither SignalR ("Failed to invoke hub method ...") nor the hub's own failure log (HubFailureLog) reports a call.
        var hubErrors = lines.Count(l => l.Contains("hub method", StringComparison.OrdinalIgnoreCase) || l.Contains("Hub call", StringComparison.Ordinal));
        Assert.True(hubErrors == 0, $"expected no hub call logged as failed, found {hubErrors}:{Environment.NewLine}{logged}");
    }
}
