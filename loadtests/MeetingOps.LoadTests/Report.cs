using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeetingOps.LoadTests;

/// <summary>
/// Turns a run's scenario results into latest.json and latest.md: one entry per scenario with the bare hub's figures
/// beside it (same followers, same generator, same run) and MeetingOps ÷ bare, the machine, and the targets of issue 8.
/// </summary>
public static class Report
{
    /// <summary>The mode the targets are about (not "one host (before)", an earlier build measured for comparison).</summary>
    private const string OneHost = "one host";

    public static async Task WriteAsync(string directory, string outStem, JsonSerializerOptions json)
    {
        var results = new List<ScenarioResult>();
        foreach (var file in Directory.GetFiles(directory, "scenario-*.json").Order(StringComparer.Ordinal))
        {
            results.Add(JsonSerializer.Deserialize<ScenarioResult>(await File.ReadAllTextAsync(file), json)!);
        }
        var skipped = Directory.GetFiles(directory, "skipped-*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).Select(t => t.Trim()).ToList();
        var entries = results.Select(r => ToEntry(r, results)).ToList();
        var machine = new
        {
            cores = Environment.ProcessorCount,
            cpuModel = CpuModel(),
            dotnet = RuntimeInformation.FrameworkDescription,
            os = RuntimeInformation.OSDescription,
        };
        var report = new { date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), machine, scenarios = entries.Select(e => Flat(e, json)).ToList(), skipped };
        await File.WriteAllTextAsync(outStem + ".json", JsonSerializer.Serialize(report, json));

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Load test results, {report.date}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{machine.cores} cores, {machine.cpuModel}, {machine.dotnet}, {machine.os}; generator and servers on this machine, loopback.");
        md.AppendLine();
        md.AppendLine("Latency: chair command sent (REST) → follower received the push of that version. p50/p99/p99.9/max over every delivery; "
            + "\"last p99\": per command, when its last follower had it. ÷ bare: the same figure over the bare SignalR hub's in this run.");
        md.AppendLine();
        md.AppendLine("| scenario | followers held / failed | p50 ms | p99 ms | p99.9 ms | max ms | last p99 ms | bare p99 ms | p99 ÷ bare | last p99 ÷ bare | deliveries/s | server CPU % | KB/follower | light / hub p50 ms | command answer p50 / p99 ms | commands sent / failed / skipped | GC | load avg |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- | ---: |");
        foreach (var e in entries)
        {
            var r = e.Result;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.ConnectionsHeld} / {r.ConnectionsFailed} | {r.P50Ms} | {r.P99Ms} | {r.P999Ms} | {r.MaxMs} | {r.LastFollowerP99Ms} | {Text(e.BareP99Ms)} | {Text(e.Ratio)} | {Text(e.LastRatio)} | {r.DeliveriesPerSecond} | {r.ServerCpuPercent} | {r.MemoryPerFollowerKb} | {r.LightP50Ms} / {r.HubClientP50Ms} | {r.CommandP50Ms} / {r.CommandP99Ms} | {r.CommandsSent} / {r.CommandsFailed} / {r.CommandsSkipped} | {r.GcMode} | {r.LoadAverage} |");
        }
        md.AppendLine();
        md.AppendLine("## Targets (issue 8)");
        md.AppendLine();
        foreach (var line in Targets(entries))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }
        foreach (var s in skipped)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- not run: {s}");
        }
        var failures = results.Where(r => r.ConnectionFailure is not null || r.CommandFailure is not null).ToList();
        if (failures.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## First failures");
            md.AppendLine();
            foreach (var r in failures)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {r.Scenario}: connection: {r.ConnectionFailure ?? "none"}; command: {r.CommandFailure ?? "none"}");
            }
        }
        await File.WriteAllTextAsync(outStem + ".md", md.ToString());
        Console.WriteLine(md.ToString());
    }

    /// <summary>A scenario with the bare hub's p99 of the same size and the ratios (flattened into the JSON entry).</summary>
    public sealed record Entry(ScenarioResult Result, double? BareP99Ms, double? Ratio, double? LastRatio, double? TwoHostsOverOneHost);

    private static Entry ToEntry(ScenarioResult r, List<ScenarioResult> all)
    {
        var bare = all.LastOrDefault(b => b.Target == "bare" && b.Followers == r.Followers);
        var oneHost = all.LastOrDefault(b => b.Mode == OneHost && b.Followers == r.Followers);
        return new Entry(r,
            bare?.P99Ms,
            bare is null || bare.P99Ms <= 0 || r.P99Ms < 0 ? null : Math.Round(r.P99Ms / bare.P99Ms, 2),
            bare is null || bare.LastFollowerP99Ms <= 0 || r.LastFollowerP99Ms < 0 ? null : Math.Round(r.LastFollowerP99Ms / bare.LastFollowerP99Ms, 2),
            r.Hosts > 1 && oneHost is { P99Ms: > 0 } ? Math.Round(r.P99Ms / oneHost.P99Ms, 2) : null);
    }

    /// <summary>The scenario's own fields with the comparison beside them, in one flat JSON object.</summary>
    private static JsonObject Flat(Entry e, JsonSerializerOptions json)
    {
        var node = JsonSerializer.SerializeToNode(e.Result, json)!.AsObject();
        node["bareP99Ms"] = e.BareP99Ms;
        node["ratio"] = e.Ratio;
        node["lastFollowerRatio"] = e.LastRatio;
        node["twoHostsOverOneHost"] = e.TwoHostsOverOneHost;
        return node;
    }

    private static IEnumerable<string> Targets(List<Entry> entries)
    {
        var one = entries.Where(e => e.Result.Mode == OneHost).ToList();
        var most = one.Where(e => e.Result.Followers >= 10_000).MaxBy(e => e.Result.ConnectionsHeld);
        if (most is not null)
        {
            yield return Verdict(most.Result.ConnectionsHeld >= 10_000, $"10,000 followers on one host: held {most.Result.ConnectionsHeld}");
        }
        foreach (var (followers, limit) in new[] { (1_000, 20.0), (10_000, 150.0) })
        {
            if (one.LastOrDefault(e => e.Result.Followers == followers) is { } e)
            {
                yield return Verdict(e.Result.LastFollowerP99Ms <= limit,
                    $"chair → last follower p99 ≤ {limit} ms at {followers:N0}: {e.Result.LastFollowerP99Ms} ms (every delivery's p99 {e.Result.P99Ms} ms)");
            }
        }
        foreach (var e in one.Where(e => e.Ratio is not null))
        {
            yield return Verdict(e.Ratio <= 1.25 && (e.LastRatio ?? 0) <= 1.25,
                $"≤ 1.25 × bare at {e.Result.Followers:N0}: p99 {e.Ratio} ×, last-follower p99 {e.LastRatio} ×");
        }
        foreach (var e in one)
        {
            yield return Verdict(e.Result.MemoryPerFollowerKb <= 40, $"≤ 40 KB server memory per follower at {e.Result.Followers:N0}: {e.Result.MemoryPerFollowerKb} KB");
        }
        foreach (var e in entries.Where(e => e.TwoHostsOverOneHost is not null))
        {
            yield return Verdict(e.TwoHostsOverOneHost <= 1.3, $"two hosts ≤ 1.3 × one host at {e.Result.Followers:N0}: p99 {e.TwoHostsOverOneHost} ×");
        }
    }

    private static string Verdict(bool met, string text) => (met ? "met: " : "NOT met: ") + text;

    private static string Text(double? value) => value is null ? "–" : value.Value.ToString(CultureInfo.InvariantCulture);

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
}
