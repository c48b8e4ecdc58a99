using MeetingOps.Cluster.Tests.Infrastructure;

namespace MeetingOps.Cluster.Tests;

/// <summary>
/// Pushes reach followers on every host over Orleans (each host's relay), not through a SignalR Redis backplane: a
/// follower on a host that does not hold the meeting's grain gets every change as a push, in order, without following
/// again to catch up.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ClusterCollection.Name)]
public sealed class RelayTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Followers_on_every_host_get_every_push_without_following_again()
    {
        var cluster = fixture.Cluster;
        await cluster.EnsureAllReadyAsync();
        var meeting = await new Chair([cluster.Hosts[0]]).CreateMeetingAsync(0);
        var followers = new List<Follower>();
        try
        {
            foreach (var host in cluster.Hosts)
            {
                followers.Add(await Follower.ConnectAsync(host, [meeting.Id]));
            }
            // Commands through every host in turn: wherever the grain is, the others hear of each change by relay.
            var chair = new Chair(cluster.Hosts);
            await chair.RunAsync(meeting, TimeSpan.FromMilliseconds(50), () => false, atLeast: 12, atMost: 12);

            Assert.Empty(chair.Unexpected);
            var convergence = await Verdict.AwaitConvergenceAsync(followers, [meeting]);
            Assert.True(convergence <= Verdict.ConvergenceLimit, $"followers converged {Verdict.Seconds(convergence)} after the last command");
            // One follow each at the start and none after: every change arrived as a push that applied.
            Assert.All(followers, f => Assert.Equal(1, f.Resyncs));
        }
        finally
        {
            foreach (var follower in followers)
            {
                await follower.DisposeAsync();
            }
        }
    }
}
