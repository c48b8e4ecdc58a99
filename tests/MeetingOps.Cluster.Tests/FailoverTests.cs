using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using MeetingOps.Cluster.Tests.Infrastructure;

namespace MeetingOps.Cluster.Tests;

/// <summary>
/// The cluster under failure, on loopback: three hosts on a real redis-server (appendfsync always), a chair script
/// issuing commands with idempotency keys across several meetings, and a SignalR follower on every host.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ClusterCollection.Name)]
public sealed class FailoverTests(ClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan ReadyAgain = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Hosts_killed_hard_and_restarted_lose_nothing_and_double_nothing()
    {
        await using var scenario = await Scenario.StartAsync(fixture.Cluster, meetings: 4);
        var downtimes = new List<TimeSpan>();
        var kills = new List<(int SiloPort, DateTime At)>();
        var figures = await scenario.RunAsync(pace: TimeSpan.FromMilliseconds(150), after: TimeSpan.FromSeconds(3), async () =>
        {
            // kill -9 each host in turn while the chairs work, and start it again on the same ports.
            foreach (var host in scenario.Cluster.Hosts)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                var down = Stopwatch.StartNew();
                kills.Add((host.SiloPort, DateTime.UtcNow));
                await host.KillHardAsync();
                await Task.Delay(TimeSpan.FromSeconds(1));
                host.Start();
                await host.WaitReadyAsync(ReadyAgain);
                downtimes.Add(down.Elapsed);
            }
        });
        figures.Add(("hosts killed with SIGKILL and restarted", downtimes.Count.ToString(CultureInfo.InvariantCulture)));
        figures.Add(("kill -9 to declared dead by the others (each)", string.Join(", ", kills.Select(k => DeclaredDeadAfter(scenario.Cluster.Log.Text, k.SiloPort, k.At)))));
        figures.Add(("kill to ready again (each; mostly the host's own start on 2 cores)", string.Join(", ", downtimes.Select(Verdict.Seconds))));
        Verdict.Report(output, "kill-9", figures, scenario.Cluster.Log);
    }

    /// <summary>
    /// When the survivors evicted the killed silo: Orleans logs "Evicting 'S127.0.0.1:port:generation'" with the times
    /// of the suspicion votes; the last vote is the moment it was declared dead.
    /// </summary>
    private static string DeclaredDeadAfter(string log, int siloPort, DateTime killedAt)
    {
        foreach (Match line in Regex.Matches(log, $@"Evicting 'S127\.0\.0\.1:{siloPort}:\d+'[^\n]*"))
        {
            var votes = Regex.Matches(line.Value, @"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}) GMT")
                .Select(m => DateTime.ParseExact(m.Groups[1].Value, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal))
                .ToList();
            if (votes.Count > 0 && votes.Max() > killedAt)
            {
                return Verdict.Seconds(votes.Max() - killedAt);
            }
        }
        return "not logged (its successor on the same address took over first)";
    }

    [Fact]
    public async Task A_Redis_restart_fails_commands_cleanly_and_the_cluster_resumes_by_itself()
    {
        await using var scenario = await Scenario.StartAsync(fixture.Cluster, meetings: 3);
        var redis = scenario.Cluster.Redis;
        var outage = TimeSpan.Zero;
        var resumed = TimeSpan.Zero;
        var readyDuringOutage = new List<HttpStatusCode>();
        var figures = await scenario.RunAsync(pace: TimeSpan.FromMilliseconds(100), after: TimeSpan.FromSeconds(3), async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var down = Stopwatch.StartNew();
            await redis.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            using (var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
            {
                foreach (var host in scenario.Cluster.Hosts)
                {
                    using var response = await probe.GetAsync(new Uri(host.BaseAddress, "/health/ready"));
                    readyDuringOutage.Add(response.StatusCode);
                }
            }
            await Task.Delay(TimeSpan.FromSeconds(3)); // long enough that the first commands' retries run out: 503s, not just slow answers
            await redis.StartAsync();
            outage = down.Elapsed;
            var back = Stopwatch.StartNew();
            foreach (var host in scenario.Cluster.Hosts)
            {
                await host.WaitReadyAsync(ReadyAgain); // no one restarts anything: the hosts reconnect by themselves
            }
            resumed = back.Elapsed;
        });
        Assert.All(readyDuringOutage, status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.True(scenario.Chair.Unavailable > 0, "no command was refused with 503 while Redis was down");
        figures.Add(("Redis down for", Verdict.Seconds(outage)));
        figures.Add(("/health/ready during the outage", string.Join(", ", readyDuringOutage.Select(s => (int)s))));
        figures.Add(("every host ready again after Redis came back", Verdict.Seconds(resumed)));
        Verdict.Report(output, "redis-restart", figures, scenario.Cluster.Log);
    }

    [Fact]
    public async Task A_graceful_rolling_restart_loses_no_command_and_followers_stay_current()
    {
        await using var scenario = await Scenario.StartAsync(fixture.Cluster, meetings: 3);
        var stops = new List<TimeSpan>();
        var figures = await scenario.RunAsync(pace: TimeSpan.FromMilliseconds(150), after: TimeSpan.FromSeconds(3), async () =>
        {
            foreach (var host in scenario.Cluster.Hosts)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                var stopping = Stopwatch.StartNew();
                await host.StopGracefullyAsync(TimeSpan.FromSeconds(45));
                stops.Add(stopping.Elapsed);
                host.Start();
                await host.WaitReadyAsync(ReadyAgain);
            }
        });
        figures.Add(("graceful stops (SIGTERM to exit)", string.Join(", ", stops.Select(Verdict.Seconds))));
        Verdict.Report(output, "rolling-restart", figures, scenario.Cluster.Log);
    }
}
