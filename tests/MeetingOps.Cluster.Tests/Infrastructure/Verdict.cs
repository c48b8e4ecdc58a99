using System.Diagnostics;
using System.Globalization;
using System.Text;
using MeetingOps.Domain;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>What a failure test checks at its end, and the figures it reports.</summary>
public static class Verdict
{
    public static readonly TimeSpan ConvergenceLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Against the audit log read back from the cluster: every acknowledged command is there, at the version its answer
    /// carried (none lost); each command's key is there once (none applied twice); versions run 1, 2, 3… with no gap
    /// or repeat (strictly increasing); the chair saw its versions strictly increase; the final state is the expected one.
    /// </summary>
    public static async Task AssertNothingLostOrDoubledAsync(Chair chair, IReadOnlyList<ChairedMeeting> meetings)
    {
        foreach (var meeting in meetings)
        {
            var log = await chair.ReadLogAsync(meeting);
            var versions = log.Select(e => e.Version).ToList();
            Assert.Equal(Enumerable.Range(1, versions.Count).Select(v => (long)v), versions);
            var byKey = log.GroupBy(e => e.CommandId).ToDictionary(g => g.Key, g => g.ToList());
            var doubled = byKey.Where(g => g.Value.Count > 1).Select(g => g.Key).ToList();
            Assert.True(doubled.Count == 0, $"meeting {meeting.Id}: applied more than once: {string.Join(", ", doubled)}");
            foreach (var ack in meeting.Acknowledged)
            {
                Assert.True(byKey.TryGetValue(ack.Key, out var entries), $"meeting {meeting.Id}: acknowledged {ack.Path} (key {ack.Key}, version {ack.Version}) is not in the log");
                Assert.Equal(ack.Version, entries![0].Version);
            }
            Assert.Equal(meeting.Acknowledged.Count, log.Count);
            var acked = meeting.Acknowledged.Select(a => a.Version).ToList();
            Assert.True(acked.Zip(acked.Skip(1)).All(p => p.First < p.Second), $"meeting {meeting.Id}: versions acknowledged out of order: {string.Join(",", acked)}");
        }
    }

    /// <summary>Polls (bounded) until every follower has every meeting at its final version with the expected status; returns how long it took.</summary>
    public static async Task<TimeSpan> AwaitConvergenceAsync(IReadOnlyList<Follower> followers, IReadOnlyList<ChairedMeeting> meetings)
    {
        var lastAck = meetings.SelectMany(m => m.Acknowledged).Max(a => a.At);
        var clock = Stopwatch.StartNew();
        var deadline = ConvergenceLimit + TimeSpan.FromSeconds(5); // wait a little past the limit, to report how late it was
        string behind = "";
        while (clock.Elapsed < deadline)
        {
            behind = Behind(followers, meetings);
            if (behind.Length == 0)
            {
                return DateTimeOffset.UtcNow - lastAck;
            }
            await Task.Delay(25); // bounded: until every follower shows the final state
        }
        Assert.Fail($"followers did not converge within {deadline.TotalSeconds} s: {behind}");
        return TimeSpan.Zero;
    }

    private static string Behind(IReadOnlyList<Follower> followers, IReadOnlyList<ChairedMeeting> meetings)
    {
        var text = new StringBuilder();
        foreach (var meeting in meetings)
        {
            var final = meeting.Acknowledged[^1].Version;
            var status = Chair.ExpectedOpeningStatus(meeting);
            foreach (var follower in followers)
            {
                var seen = follower.Seen(meeting.Id);
                if (seen is null || seen.Version != final || seen.Items.First(i => i.Id == "opening").Status != status)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{follower.Host.Name} sees {meeting.Id} at {seen?.Version.ToString(CultureInfo.InvariantCulture) ?? "nothing"} (final {final}); ");
                }
            }
        }
        return text.ToString();
    }

    /// <summary>Writes the figures to the test output and to artifacts/cluster-figures/{name}.txt (git-ignored).</summary>
    public static void Report(ITestOutputHelper output, string name, IEnumerable<(string What, string Value)> figures, OutputLog? log = null)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {name} ({DateTimeOffset.UtcNow:u})");
        foreach (var (what, value) in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{what}: {value}");
        }
        output.WriteLine(text.ToString());
        var folder = Path.Combine(RepoFiles.Root, "artifacts", "cluster-figures");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), text.ToString());
        log?.WriteTo(Path.Combine(folder, name + ".log"));
    }

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
