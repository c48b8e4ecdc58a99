using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using MeetingOps.Cluster.Tests.Infrastructure;

namespace MeetingOps.Cluster.Tests;

/// <summary>
/// Cluster mode, a meeting's value in a real redis-server damaged (half a JSON document, as a torn write or a stray
/// HSET leaves it): the meeting answers 500 naming it and what to do, never 503 "Retry-After" (the activation's
/// "Error from storage provider" used to read as a Redis outage, so a chair's console retried forever); the host logs
/// it at Error once however often it is asked; /health/ready says unhealthy and why; the other meeting is served.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DamagedRedisStateTests
{
    [Fact]
    public async Task A_damaged_meeting_value_in_redis_answers_500_naming_the_meeting_is_logged_once_at_error_and_readiness_is_unhealthy()
    {
        await using var cluster = await LocalCluster.StartAsync(1);
        var host = cluster.Hosts[0];
        var chair = new Chair([host]);
        var kept = await chair.CreateMeetingAsync(0);
        var broken = await chair.CreateMeetingAsync(1);
        await chair.RunAsync(broken, TimeSpan.Zero, () => false, atLeast: 2, atMost: 2);
        Assert.Empty(chair.Unexpected);
        // Stopped, so the meeting's grain is read from Redis again at its next call.
        await host.StopGracefullyAsync(TimeSpan.FromSeconds(30));

        var key = $"cluster-tests/state/meeting/{broken.Id}/meeting";
        var set = await RedisCliAsync(cluster.Redis.Port, "HSET", key, "data", "{\"definition\":{\"title\":");
        Assert.True(set.StartsWith('0'), $"redis-cli HSET of the existing field: {set}"); // 0: it existed, so this is the meeting's value

        host.Start();
        await host.WaitReadyAsync(LocalCluster.ReadyTimeout);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var before = cluster.Log.Count("is damaged; it answers 500");

        for (var i = 0; i < 4; i++)
        {
            using var response = await http.GetAsync(new Uri($"/api/meetings/{broken.Id}", UriKind.Relative));
            await AssertDamagedAsync(response, broken.Id);
        }
        using (var command = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{broken.Id}/items/opening/open"))
        {
            command.Headers.Authorization = new AuthenticationHeaderValue("Bearer", broken.ChairKey);
            using var response = await http.SendAsync(command);
            await AssertDamagedAsync(response, broken.Id);
        }

        using (var other = await http.GetAsync(new Uri($"/api/meetings/{kept.Id}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }
        using (var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            var said = await ready.Content.ReadAsStringAsync();
            Assert.True(ready.StatusCode == HttpStatusCode.ServiceUnavailable, $"/health/ready: {(int)ready.StatusCode} {said}");
            Assert.Contains(broken.Id, said, StringComparison.Ordinal);
            Assert.Contains("verify --redis", said, StringComparison.Ordinal);
        }
        var logged = cluster.Log.Count("is damaged; it answers 500") - before;
        Assert.True(logged == 1, $"expected the damaged value logged once, found {logged} times:\n{cluster.Log.Text}");
        Assert.True(cluster.Log.Count("fail: MeetingOps.Server.Hosting.DamagedAnswer") >= 1, $"not logged at Error:\n{cluster.Log.Text}");
    }

    private static async Task AssertDamagedAsync(HttpResponseMessage response, string meetingId)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"expected 500 damaged, got {(int)response.StatusCode}: {body}");
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal("urn:meetingops:problem:damaged", (string?)problem["type"]);
        Assert.Equal(meetingId, (string?)problem["meetingId"]);
        Assert.Contains(meetingId, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("AOF/RDB", (string?)problem["detail"], StringComparison.Ordinal);
    }

    private static async Task<string> RedisCliAsync(int port, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(process.ExitCode == 0, $"redis-cli {string.Join(' ', arguments)}: {text}");
        return text.Trim();
    }
}
