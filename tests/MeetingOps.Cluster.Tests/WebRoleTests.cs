using MeetingOps.Cluster.Tests.Infrastructure;

namespace MeetingOps.Cluster.Tests;

/// <summary>MeetingOps:Role=Web: a host with the API, the hub and the pages and no silo, an Orleans client of the cluster.</summary>
[Trait("Category", "Slow")]
[Collection(ClusterCollection.Name)]
public sealed class WebRoleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_web_only_host_serves_the_api_and_the_hub_as_a_client_of_the_cluster()
    {
        var cluster = fixture.Cluster;
        await cluster.EnsureAllReadyAsync();
        var environment = new Dictionary<string, string>(cluster.Environment) { ["MeetingOps__Role"] = "Web" };
        await using var web = new ClusterHost("web", environment, cluster.Log);
        web.Start();
        await web.WaitReadyAsync(LocalCluster.ReadyTimeout);
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            using var startup = await http.GetAsync(new Uri(web.BaseAddress, "/health/startup"));
            Assert.Equal(HttpStatusCode.OK, startup.StatusCode);
        }

        // The meeting is created through the web host; commands go alternately through it and a silo host.
        var meeting = await new Chair([web]).CreateMeetingAsync(0);
        await using var onWeb = await Follower.ConnectAsync(web, [meeting.Id]);
        await using var onSilo = await Follower.ConnectAsync(cluster.Hosts[1], [meeting.Id]);
        var chair = new Chair([web, cluster.Hosts[0]]);
        await chair.RunAsync(meeting, TimeSpan.Zero, () => false, atLeast: 6, atMost: 6);

        Assert.Equal(6, meeting.Acknowledged.Count);
        Assert.Empty(chair.Unexpected);
        var convergence = await Verdict.AwaitConvergenceAsync([onWeb, onSilo], [meeting]);
        Assert.True(convergence <= Verdict.ConvergenceLimit, $"followers converged {Verdict.Seconds(convergence)} after the last command");
        await Verdict.AssertNothingLostOrDoubledAsync(chair, [meeting]);

        // It is not a silo: the silo hosts still count three active members.
        Assert.Contains("3 active silo(s)", await ReadyReport(cluster.Hosts[0]), StringComparison.Ordinal);
    }

    private static async Task<string> ReadyReport(ClusterHost host)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync(new Uri(host.BaseAddress, "/health/startup"));
    }
}
