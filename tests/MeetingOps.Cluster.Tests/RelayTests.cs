using MeetingOps.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MeetingOps.Cluster.Tests;

/// <summary>
/// Pushes reach followers on every host over Orleans (each host's relay), not through a SignalR Redis backplane: a
/// follower on a host that does not hold the meeting's grain gets the changes as pushes and converges.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ClusterCollection.Name)]
public sealed class RelayTests(ClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Followers_on_every_host_get_the_pushes_relayed_and_converge()
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
            // Without a backplane, a follower on a host that does not hold the grain converges only if pushes reach it,
            // and it follows again only on a gap: every relayed push must arrive, in order, so each follower followed
            // exactly once (when it connected) and applied the 12 changes as pushes.
            var follows = string.Join(", ", followers.Select(f => $"{f.Host.Name} {f.Resyncs} [{string.Join("; ", f.Gaps)}]"));
            output.WriteLine("follows per follower (1 = none after the first): " + follows);
            Assert.All(followers, f => Assert.True(f.Resyncs == 1, $"a follower followed again (a relayed push missed or out of order): {follows}"));
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
