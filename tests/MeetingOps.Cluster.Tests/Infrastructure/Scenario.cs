using System.Diagnostics;
using System.Globalization;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>
/// One failure test's run on the shared 3-host cluster: several meetings each driven by the chair script, a follower on every
/// host, and some trouble made while the chairs work. Then the verdict (nothing lost, nothing doubled, versions
/// strictly increasing, followers converged) and the figures.
/// </summary>
public sealed class Scenario : IAsyncDisposable
{
    private Scenario(LocalCluster cluster, Chair chair, IReadOnlyList<ChairedMeeting> meetings, IReadOnlyList<Follower> followers)
    {
        Cluster = cluster;
        Chair = chair;
        Meetings = meetings;
        Followers = followers;
    }

    public LocalCluster Cluster { get; }

    public Chair Chair { get; }

    public IReadOnlyList<ChairedMeeting> Meetings { get; }

    public IReadOnlyList<Follower> Followers { get; }

    private int _retriesBefore;

    public static async Task<Scenario> StartAsync(LocalCluster cluster, int meetings)
    {
        // A test that failed half-way may have left a host down: every test starts on a whole cluster.
        await cluster.EnsureAllReadyAsync();
        var followers = new List<Follower>();
        try
        {
            var chair = new Chair(cluster.Hosts);
            var created = new List<ChairedMeeting>();
            for (var i = 0; i < meetings; i++)
            {
                created.Add(await chair.CreateMeetingAsync(i));
            }
            foreach (var host in cluster.Hosts)
            {
                followers.Add(await Follower.ConnectAsync(host, created.Select(m => m.Id)));
            }
            return new Scenario(cluster, chair, created, followers) { _retriesBefore = cluster.Log.Count(RetryLine) };
        }
        catch
        {
            foreach (var follower in followers)
            {
                await follower.DisposeAsync();
            }
            throw;
        }
    }

    /// <summary>
    /// Runs the chairs (one command per <paramref name="pace"/> per meeting) while <paramref name="trouble"/> runs, and
    /// for <paramref name="after"/> more once it is over; then checks the outcome and returns the figures.
    /// </summary>
    public async Task<List<(string What, string Value)>> RunAsync(TimeSpan pace, TimeSpan after, Func<Task> trouble)
    {
        var clock = Stopwatch.StartNew();
        Cluster.Log.Append("test", "the chairs start");
        TimeSpan? troubleOver = null;
        var chairs = Meetings.Select(m => Task.Run(() => Chair.RunAsync(m, pace, () => troubleOver is not { } over || clock.Elapsed < over + after, atLeast: 10, atMost: 400))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1)); // the chairs are at work before the trouble starts
        await trouble();
        troubleOver = clock.Elapsed;
        await Task.WhenAll(chairs);
        Assert.Empty(Chair.Unexpected);

        var convergence = await Verdict.AwaitConvergenceAsync(Followers, Meetings);
        await Verdict.AssertNothingLostOrDoubledAsync(Chair, Meetings);
        Assert.True(convergence <= Verdict.ConvergenceLimit, $"followers converged {Verdict.Seconds(convergence)} after the last command (limit {Verdict.ConvergenceLimit.TotalSeconds} s)");

        var acks = Meetings.SelectMany(m => m.Acknowledged).ToList();
        var took = acks.Select(a => a.Took).Order().ToList();
        return
        [
            ("meetings", Meetings.Count.ToString(CultureInfo.InvariantCulture)),
            ("commands acknowledged", acks.Count.ToString(CultureInfo.InvariantCulture)),
            ("lost / applied twice", "0 / 0 (checked against the audit log)"),
            ("acknowledged as replays (Idempotent-Replayed)", acks.Count(a => a.Replayed).ToString(CultureInfo.InvariantCulture)),
            ("commands sent again by the chair", Chair.Resent.ToString(CultureInfo.InvariantCulture)),
            ("503 answers (with Retry-After)", Chair.Unavailable.ToString(CultureInfo.InvariantCulture)),
            ("slowest 503", Chair.Unavailable == 0 ? "-" : Verdict.Seconds(Chair.Slowest503)),
            ("connection errors (host down)", Chair.ConnectionErrors.ToString(CultureInfo.InvariantCulture)),
            ("grain-call retries inside the hosts (Polly)", (Cluster.Log.Count(RetryLine) - _retriesBefore).ToString(CultureInfo.InvariantCulture)),
            ("command latency median / p99 / max", $"{Verdict.Seconds(took[took.Count / 2])} / {Verdict.Seconds(took[(int)(took.Count * 0.99)])} / {Verdict.Seconds(took[^1])}"),
            ("follower resyncs (gaps, reconnects)", Followers.Sum(f => f.Resyncs - Meetings.Count).ToString(CultureInfo.InvariantCulture)),
            ("followers converged after the last command", Verdict.Seconds(convergence)),
            ("scenario duration", Verdict.Seconds(clock.Elapsed)),
        ];
    }

    /// <summary>What the hosts log for each retry of a grain call (ResilienceSetup).</summary>
    private const string RetryLine = "Grain call retry";

    public async ValueTask DisposeAsync()
    {
        foreach (var follower in Followers)
        {
            await follower.DisposeAsync();
        }
    }
}
