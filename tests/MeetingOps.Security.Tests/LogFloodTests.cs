using System.Diagnostics;
using MeetingOps.Security.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MeetingOps.Security.Tests;

/// <summary>
/// Attack 3, the log flood: for ten seconds one address sends wrong-key commands as fast as the server answers, over 50
/// hub connections and 8 REST loops (before the limits, 100 such connections wrote 57.7 MB of log in 10 s). The server
/// runs with the repo's own log configuration (appsettings.json, console), every byte of which the test counts. Meanwhile
/// a bystander at another address reads the list of meetings, as pages and tools do.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class LogFloodTests(SecurityFixture fixture, ITestOutputHelper output)
{
    private const int AddressBlock = 30;
    private const int HubConnections = 50;
    private const int RestLoops = 8;
    private static readonly TimeSpan FloodTime = TimeSpan.FromSeconds(10);

    /// <summary>"Under a few MB" for ten seconds of flood; the flood measured here writes a few lines.</summary>
    private const long MaxLogBytes = 1024 * 1024;

    /// <summary>The bystander reads at a pace its own address may keep up for ever (200 a second; the read limit is 1,000).</summary>
    private static readonly TimeSpan ReadPace = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task A_flood_of_wrong_keys_writes_little_log_and_other_clients_reads_stay_within_twice_their_quiet_p50()
    {
        var server = fixture.Server;
        var meeting = await MeetingUnderAttack.CreateAsync(server);
        using var bystander = Loopback.Client(Loopback.Bystander, server.BaseAddress);
        await ReadAsync(bystander, TimeSpan.FromSeconds(1)); // connections, JIT and caches warm before anything is measured

        // The latency comparison is measured twice at most. On a 2-core machine shared with other work, the flooding
        // client itself competes with the server for the same cores, and a burst of unrelated load in one window can
        // double a 1–2 ms median on its own; a second measurement separates such a moment from a server that is slowed
        // by the flood every time. The other assertions hold for every flood, the first included.
        var attempts = new List<string>();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var quiet = await ReadAsync(bystander, TimeSpan.FromSeconds(3));
            var logBefore = server.OutputBytes;
            using var flooding = new CancellationTokenSource();
            var flood = FloodAsync(server, meeting, Loopback.Attacker(AddressBlock, attempt), flooding.Token);
            await Task.Delay(TimeSpan.FromSeconds(1)); // the flood at full strength before the bystander measures
            var during = await ReadAsync(bystander, FloodTime - TimeSpan.FromSeconds(1));
            await flooding.CancelAsync();
            var (calls, thrown) = await flood;
            await Task.Delay(TimeSpan.FromSeconds(1)); // whatever the server still writes about the flood
            var logBytes = server.OutputBytes - logBefore;

            var line = $"attempt {attempt}: {calls:N0} attacking calls ({thrown} thrown), {logBytes:N0} bytes of log; bystander p50 quiet " +
                       $"{quiet.P50:0.00} ms ({quiet.Count} reads), during the flood {during.P50:0.00} ms ({during.Count} reads), refused {quiet.Refused + during.Refused}";
            output.WriteLine(line);
            attempts.Add(line);
            Assert.True(calls > 10_000, $"the flood was too weak to say anything: {line}");
            Assert.True(thrown == 0, $"hub refusals were thrown, not answered: {line}");
            Assert.True(logBytes < MaxLogBytes, $"the flood made the server write {logBytes:N0} bytes of log: {line}\n{Tail(server.Output)}");
            Assert.True(quiet.Refused + during.Refused == 0, $"the bystander's reads were refused: {line}");
            if (during.P50 <= 2 * quiet.P50)
            {
                return;
            }
        }
        Assert.Fail("Reads by another client were slower than twice their quiet p50 in both measurements:\n" + string.Join("\n", attempts));
    }

    private sealed record Reads(int Count, int Refused, double P50);

    /// <summary>Reads GET /api/meetings one after another at <see cref="ReadPace"/> for <paramref name="time"/>; the median latency in ms.</summary>
    private static async Task<Reads> ReadAsync(HttpClient client, TimeSpan time)
    {
        var latencies = new List<double>();
        var refused = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < time)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(new Uri("/api/meetings", UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                refused++;
            }
            await Task.Delay(ReadPace);
        }
        latencies.Sort();
        return new Reads(latencies.Count, refused, latencies[latencies.Count / 2]);
    }

    /// <summary>Wrong-key commands from <paramref name="attacker"/> until cancelled: how many were sent, and how many threw.</summary>
    private static async Task<(long Calls, long Thrown)> FloodAsync(SecurityServer server, MeetingUnderAttack meeting, IPAddress attacker, CancellationToken stop)
    {
        long calls = 0;
        long thrown = 0;
        var hubs = await Task.WhenAll(Enumerable.Range(0, HubConnections).Select(_ => Loopback.HubAsync(attacker, server.BaseAddress)));
        using var rest = Loopback.Client(attacker, server.BaseAddress);
        var hubLoops = hubs.Select(async hub =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await hub.CommandAsync(meeting.Id, "wrong-" + Guid.NewGuid().ToString("N"), "item", "opening", "open");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Interlocked.Increment(ref thrown);
                }
                Interlocked.Increment(ref calls);
            }
        });
        var restLoops = Enumerable.Range(0, RestLoops).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                await SecurityServer.SendAsync(rest, HttpMethod.Post, $"/api/meetings/{meeting.Id}/sessions/{MeetingUnderAttack.FirstSitting}/start",
                    "wrong-" + Guid.NewGuid().ToString("N"));
                Interlocked.Increment(ref calls);
            }
        });
        await Task.WhenAll(hubLoops.Concat(restLoops));
        foreach (var hub in hubs)
        {
            await hub.DisposeAsync();
        }
        return (calls, thrown);
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
