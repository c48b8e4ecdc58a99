using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeetingOps.LoadTests;

/// <summary>
/// Turns a run's results into latest.json and latest.md: every scenario with the bare hub's figures beside it (same
/// followers, same generator, same run); this build against the previous build (mode "before"); the pushes' sizes on
/// the wire; a command's time as its meeting's history grows; and issue 11's targets, each met or not with its figure.
/// </summary>
public static class Report
{
    /// <summary>The mode the targets are about (not "one host (before)", an earlier build measured for comparison).</summary>
    private const string OneHost = "one host";

    private const string Before = "one host (before)";

    /// <summary>The grain test that counts a chair command's storage writes (counted there, never timed here).</summary>
    private const string WritesTest =
        "`tests/MeetingOps.Grains.Tests/MeetingGrainTests.cs`, `A_chairs_command_is_one_storage_write_and_waits_on_no_other_grain` "
        + "(three chair commands, three writes of the meeting grain, none of the item's or sitting's)";

    private const string DeltaPushTest =
        "`tests/MeetingOps.Live.Tests/DeltaPushTests.cs` asserts the same on the wire (take up, conclude, defer)";

    public static async Task WriteAsync(string directory, string outStem, JsonSerializerOptions json)
    {
        var results = new List<ScenarioResult>();
        foreach (var file in Directory.GetFiles(directory, "scenario-*.json").Order(StringComparer.Ordinal))
        {
            results.Add(JsonSerializer.Deserialize<ScenarioResult>(await File.ReadAllTextAsync(file), json)!);
        }
        var histories = new List<HistoryResult>();
        foreach (var file in Directory.GetFiles(directory, "history-*.json").Order(StringComparer.Ordinal))
        {
            histories.Add(JsonSerializer.Deserialize<HistoryResult>(await File.ReadAllTextAsync(file), json)!);
        }
        histories = [.. histories.OrderBy(h => h.Build != "this build")]; // this build's row first, as in the other tables
        var skipped = Directory.GetFiles(directory, "skipped-*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).Select(t => t.Trim()).ToList();
        var entries = results.Select(r => ToEntry(r, results)).ToList();
        var targets = Targets(entries, histories).ToList();
        var machine = new
        {
            cores = Environment.ProcessorCount,
            cpuModel = CpuModel(),
            dotnet = RuntimeInformation.FrameworkDescription,
            os = RuntimeInformation.OSDescription,
        };
        var report = new
        {
            date = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            machine,
            scenarios = entries.Select(e => Flat(e, json)).ToList(),
            history = histories,
            targets = targets.Select(t => new { t.Target, met = t.Met, t.Figure }).ToList(),
            skipped,
        };
        await File.WriteAllTextAsync(outStem + ".json", JsonSerializer.Serialize(report, json));

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Load test results, {report.date}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{machine.cores} cores, {machine.cpuModel}, {machine.dotnet}, {machine.os}; generator and servers on this machine, loopback.");
        md.AppendLine();
        md.AppendLine("Latency: chair command sent (REST) → follower received the push of that version. p50/p99/p99.9/max over every delivery; "
            + "\"last p99\": per command, when its last follower had it. ÷ bare: the same figure over the bare SignalR hub's in this run. "
            + "Push B: the \"changed\" push's size on the wire as the followers read it (the whole SignalR JSON frame), mean over every push in the run.");
        md.AppendLine();
        WriteScenarios(md, entries);
        WriteBeforeAfter(md, entries);
        WritePayloads(md, entries, histories);
        WriteHistory(md, histories);

        md.AppendLine("## Targets (issue 11)");
        md.AppendLine();
        md.AppendLine("| target | result | figure |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var t in targets)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {t.Target} | {Verdict(t.Met)} | {t.Figure} |");
        }
        foreach (var s in skipped)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| not run | – | {s} |");
        }
        md.AppendLine();
        var failures = results.Where(r => r.ConnectionFailure is not null || r.CommandFailure is not null).ToList();
        var historyFailures = histories.Where(h => h.PushFailure is not null || h.CommandFailure is not null).ToList();
        if (failures.Count > 0 || historyFailures.Count > 0)
        {
            md.AppendLine("## First failures");
            md.AppendLine();
            foreach (var r in failures)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {r.Scenario}: connection: {r.ConnectionFailure ?? "none"}; command: {r.CommandFailure ?? "none"}");
            }
            foreach (var h in historyFailures)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- history, {h.Build}: push sizes: {h.PushFailure ?? "none"}; command: {h.CommandFailure ?? "none"}");
            }
        }
        await File.WriteAllTextAsync(outStem + ".md", md.ToString());
        Console.WriteLine(md.ToString());
    }

    private static void WriteScenarios(StringBuilder md, List<Entry> entries)
    {
        md.AppendLine("## Every scenario");
        md.AppendLine();
        md.AppendLine("| scenario | followers held / failed | p50 ms | p99 ms | p99.9 ms | max ms | last p99 ms | bare last p99 ms | p99 ÷ bare | last p99 ÷ bare | push B | deliveries/s | server CPU % | KB/follower | light / hub p50 ms | command answer p50 / p99 ms | commands sent / failed / skipped | GC | load avg |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- | ---: |");
        foreach (var e in entries)
        {
            var r = e.Result;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.ConnectionsHeld} / {r.ConnectionsFailed} | {r.P50Ms} | {r.P99Ms} | {r.P999Ms} | {r.MaxMs} | {r.LastFollowerP99Ms} | {Text(e.BareLastP99Ms)} | {Text(e.Ratio)} | {Text(e.LastRatio)} | {Bytes(r.PushBytesMean)} | {r.DeliveriesPerSecond} | {r.ServerCpuPercent} | {r.MemoryPerFollowerKb} | {r.LightP50Ms} / {r.HubClientP50Ms} | {r.CommandP50Ms} / {r.CommandP99Ms} | {r.CommandsSent} / {r.CommandsFailed} / {r.CommandsSkipped} | {r.GcMode} | {r.LoadAverage} |");
        }
        md.AppendLine();
        md.AppendLine("(Two hosts: CPU is both hosts together; memory is both hosts' growth over all followers.)");
        md.AppendLine();
    }

    /// <summary>This build and the previous build (mode "before", LOADTEST_BEFORE_DIR) at each size, with the bare hub beside them.</summary>
    private static void WriteBeforeAfter(StringBuilder md, List<Entry> entries)
    {
        var sizes = entries.Select(e => e.Result.Followers).Distinct().Order().ToList();
        var rows = sizes.Select(n => (n, This: Last(entries, OneHost, n), Before: Last(entries, Before, n), Bare: entries.LastOrDefault(e => e.Result.Target == "bare" && e.Result.Followers == n)))
            .Where(row => row.This is not null && row.Before is not null).ToList();
        md.AppendLine("## This build against the previous build (same run)");
        md.AppendLine();
        if (rows.Count == 0)
        {
            md.AppendLine("Not measured in this run: mode `before` with `LOADTEST_BEFORE_DIR` (a Release build of the previous main) gives it.");
            md.AppendLine();
            return;
        }
        md.AppendLine("| followers | last p99 ms: this / before / bare | this ÷ before | p50 ms: this / before / bare | p99 ms: this / before / bare | KB/follower: this / before / bare | server CPU %: this / before / bare | push B: this / before / bare | follow answer B: this / before |");
        md.AppendLine("| ---: | --- | ---: | --- | --- | --- | --- | --- | --- |");
        foreach (var (n, now, before, bare) in rows)
        {
            var a = now!.Result;
            var b = before!.Result;
            var c = bare?.Result;
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {n:N0} | {a.LastFollowerP99Ms} / {b.LastFollowerP99Ms} / {Text(c?.LastFollowerP99Ms)} | {Text(Ratio(a.LastFollowerP99Ms, b.LastFollowerP99Ms))} | {a.P50Ms} / {b.P50Ms} / {Text(c?.P50Ms)} | {a.P99Ms} / {b.P99Ms} / {Text(c?.P99Ms)} | {a.MemoryPerFollowerKb} / {b.MemoryPerFollowerKb} / {Text(c?.MemoryPerFollowerKb)} | {a.ServerCpuPercent} / {b.ServerCpuPercent} / {Text(c?.ServerCpuPercent)} | {Bytes(a.PushBytesMean)} / {Bytes(b.PushBytesMean)} / {Bytes(c?.PushBytesMean ?? 0)} | {Bytes(a.FollowBytes)} / {Bytes(b.FollowBytes)} |");
        }
        md.AppendLine();
    }

    private static void WritePayloads(StringBuilder md, List<Entry> entries, List<HistoryResult> histories)
    {
        md.AppendLine("## Payloads on the wire");
        md.AppendLine();
        md.AppendLine("Whole SignalR JSON frames as a follower reads them (record separator left out). The bare hub pushes the `changes` of a real "
            + "MeetingOps push of this run (kept by the first one-host scenario), in the same `{version, meetingId, since, changes}` shape.");
        md.AppendLine();
        var kinds = entries.GroupBy(e => e.Result.Mode).Select(g => g.Last().Result).Where(r => r.PushBytesMean > 0).ToList();
        if (kinds.Count > 0)
        {
            md.AppendLine("| server | push B: smallest / mean / largest | follow answer B (the 2022 sample's snapshot) |");
            md.AppendLine("| --- | --- | ---: |");
            foreach (var r in kinds)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Mode} | {r.PushBytesMin} / {r.PushBytesMean} / {r.PushBytesMax} | {Bytes(r.FollowBytes)} |");
            }
            md.AppendLine();
        }
        if (histories.Count > 0)
        {
            md.AppendLine("One item taken up, then continued, with one follower (history step, fresh server):");
            md.AppendLine();
            md.AppendLine("| build | 2022 sample: follow answer B | take up B | continue B | at the definition limits (1,000 items, 500 sittings): follow answer B | take up B | continue B |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var h in histories)
            {
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {h.Build} | {Bytes(h.SampleFollowBytes)} | {Bytes(h.SampleTakeUpPushBytes)} | {Bytes(h.SampleContinuePushBytes)} | {Bytes(h.LimitsFollowBytes)} | {Bytes(h.LimitsTakeUpPushBytes)} | {Bytes(h.LimitsContinuePushBytes)} |");
            }
            md.AppendLine();
        }
    }

    private static void WriteHistory(StringBuilder md, List<HistoryResult> histories)
    {
        md.AppendLine("## A chair command's time as its meeting's history grows");
        md.AppendLine();
        if (histories.Count == 0)
        {
            md.AppendLine("Not measured in this run (the history step runs in the `issue11` profile, or with `LOADTEST_HISTORY=1`).");
            md.AppendLine();
            return;
        }
        md.AppendLine("One command at a time (take up and continue one item in turn, each with its own Idempotency-Key), command sent → REST answer, "
            + "on a fresh server per build with a warm-up meeting first. One meeting is driven through N commands; its next commands alternate, one for one, "
            + "with a new meeting's first ones, so both p50s are taken over the same moments.");
        md.AppendLine();
        md.AppendLine("| build | after N earlier commands: p50 / p99 ms | a new meeting, in turn with them: p50 / p99 ms | ratio of p50s | the long meeting when new / in between: p50 ms | failed | seconds | load avg |");
        md.AppendLine("| --- | --- | --- | ---: | --- | ---: | ---: | ---: |");
        foreach (var h in histories)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {h.Build} | commands {h.Commands + 1:N0}–{h.Commands + h.Sample:N0}: {h.AfterP50Ms} / {h.AfterP99Ms} | commands 1–{h.Sample:N0}: {h.NewMeetingP50Ms} / {h.NewMeetingP99Ms} | {Text(h.Ratio)} | {h.FirstCommandsP50Ms} / {h.MiddleP50Ms} | {h.CommandsFailed} | {h.Seconds} | {h.LoadAverage} |");
        }
        md.AppendLine();
    }

    /// <summary>A scenario with the bare hub's figures of the same size and the ratios (flattened into the JSON entry).</summary>
    public sealed record Entry(ScenarioResult Result, double? BareP99Ms, double? BareLastP99Ms, double? Ratio, double? LastRatio,
        double? TwoHostsOverOneHost, double? TwoHostsLastOverOneHost);

    private static Entry ToEntry(ScenarioResult r, List<ScenarioResult> all)
    {
        var bare = all.LastOrDefault(b => b.Target == "bare" && b.Followers == r.Followers);
        var oneHost = all.LastOrDefault(b => b.Mode == OneHost && b.Followers == r.Followers);
        return new Entry(r,
            bare?.P99Ms,
            bare?.LastFollowerP99Ms,
            bare is null ? null : Ratio(r.P99Ms, bare.P99Ms),
            bare is null ? null : Ratio(r.LastFollowerP99Ms, bare.LastFollowerP99Ms),
            r.Hosts > 1 && oneHost is not null ? Ratio(r.P99Ms, oneHost.P99Ms) : null,
            r.Hosts > 1 && oneHost is not null ? Ratio(r.LastFollowerP99Ms, oneHost.LastFollowerP99Ms) : null);
    }

    private static double? Ratio(double value, double over) => value < 0 || over <= 0 ? null : Math.Round(value / over, 2);

    private static Entry? Last(List<Entry> entries, string mode, int followers) =>
        entries.LastOrDefault(e => e.Result.Mode == mode && e.Result.Followers == followers);

    /// <summary>The scenario's own fields with the comparison beside them, in one flat JSON object.</summary>
    private static JsonObject Flat(Entry e, JsonSerializerOptions json)
    {
        var node = JsonSerializer.SerializeToNode(e.Result, json)!.AsObject();
        node["bareP99Ms"] = e.BareP99Ms;
        node["bareLastFollowerP99Ms"] = e.BareLastP99Ms;
        node["ratio"] = e.Ratio;
        node["lastFollowerRatio"] = e.LastRatio;
        node["twoHostsOverOneHost"] = e.TwoHostsOverOneHost;
        node["twoHostsLastFollowerOverOneHost"] = e.TwoHostsLastOverOneHost;
        return node;
    }

    /// <summary>One of issue 11's targets: met, not met, or null when this run did not measure it (the figure says why).</summary>
    public sealed record TargetResult(string Target, bool? Met, string Figure);

    /// <summary>
    /// Issue 11's performance targets, on this build's one-host figures ("chair → last follower p99" is the figure the
    /// ratios are taken on too; every delivery's p99 is given beside it).
    /// </summary>
    private static IEnumerable<TargetResult> Targets(List<Entry> entries, List<HistoryResult> histories)
    {
        const string NotRun = "not measured in this run";
        foreach (var (followers, limit) in new[] { (1_000, 10.0), (10_000, 100.0) })
        {
            var target = $"chair → last follower p99 ≤ {limit} ms at {followers:N0} followers";
            yield return Last(entries, OneHost, followers) is { } e
                ? new(target, Valid(e.Result) ? e.Result.LastFollowerP99Ms <= limit : null,
                    $"{e.Result.LastFollowerP99Ms} ms (every delivery's p99 {e.Result.P99Ms} ms; bare hub's last p99 {Text(e.BareLastP99Ms)} ms){Held(e.Result)}")
                : new(target, null, NotRun);
        }
        var oneHostSizes = entries.Where(e => e.Result.Mode == OneHost).Select(e => e.Result.Followers).Distinct().Order().ToList();
        foreach (var n in oneHostSizes.Count > 0 ? oneHostSizes : [200, 1_000, 10_000])
        {
            var target = $"≤ 1.25 × the bare hub with the same payload at {n:N0} followers";
            var e = Last(entries, OneHost, n);
            yield return e is { LastRatio: { } ratio }
                ? new(target, Valid(e.Result) ? ratio <= 1.25 : null,
                    $"last p99 {ratio} × ({e.Result.LastFollowerP99Ms} / {Text(e.BareLastP99Ms)} ms; every delivery's p99 {Text(e.Ratio)} ×); push {Bytes(e.Result.PushBytesMean)} B, bare {Bytes(Bare(entries, n)?.PushBytesMean ?? 0)} B{Held(e.Result)}")
                : new(target, null, e is null ? NotRun : "not measured in this run: no bare hub scenario of this size");
        }
        foreach (var n in new[] { 1_000, 10_000 })
        {
            var target = $"two hosts ≤ 1.3 × one host at {n:N0} followers";
            var e = entries.LastOrDefault(x => x.Result.Mode == "two hosts" && x.Result.Followers == n);
            yield return e is { TwoHostsLastOverOneHost: { } ratio }
                ? new(target, Valid(e.Result) ? ratio <= 1.3 : null,
                    $"last p99 {ratio} × ({e.Result.LastFollowerP99Ms} / {Last(entries, OneHost, n)?.Result.LastFollowerP99Ms} ms; every delivery's p99 {Text(e.TwoHostsOverOneHost)} ×){Held(e.Result)}")
                : new(target, null, NotRun);
        }
        {
            var target = "≤ 40 KB server memory per follower at 10,000 followers";
            yield return Last(entries, OneHost, 10_000) is { } e
                ? new(target, Valid(e.Result) ? e.Result.MemoryPerFollowerKb <= 40 : null,
                    $"{e.Result.MemoryPerFollowerKb} KB (bare hub {Text(Bare(entries, 10_000)?.MemoryPerFollowerKb)} KB){Held(e.Result)}")
                : new(target, null, NotRun);
        }
        yield return new("storage writes per chair command: 1", null, $"counted by a grain test, not timed here: {WritesTest}");
        var now = histories.LastOrDefault(h => h.Build == "this build");
        var before = histories.LastOrDefault(h => h.Build != "this build");
        {
            var target = "a chair command's p50 after 4,000 earlier commands on the same meeting ≤ 1.5 × its p50 on a new meeting";
            yield return now is { Ratio: { } ratio }
                ? new(target, now.Commands >= 4000 && now.CommandsFailed == 0 ? ratio <= 1.5 : null,
                    $"{ratio} × ({now.AfterP50Ms} ms after {now.Commands:N0} commands, {now.NewMeetingP50Ms} ms new)"
                    + (before is { Ratio: { } b } ? $"; previous build {b} × ({before.AfterP50Ms} / {before.NewMeetingP50Ms} ms)" : "")
                    + (now.CommandsFailed > 0 ? $"; {now.CommandsFailed} commands failed: {now.CommandFailure}" : ""))
                : new(target, null, NotRun);
        }
        {
            var target = "a status change's push under 1 KB at the definition limits (1,000 items, 500 sittings)";
            yield return now is { LimitsTakeUpPushBytes: > 0 }
                ? new(target, now.LimitsTakeUpPushBytes < 1024 && now.LimitsContinuePushBytes is > 0 and < 1024,
                    $"take up {now.LimitsTakeUpPushBytes} B, continue {now.LimitsContinuePushBytes} B on the wire"
                    + (before is { LimitsTakeUpPushBytes: > 0 } ? $"; previous build {before.LimitsTakeUpPushBytes:N0} B" : "")
                    + $"; {DeltaPushTest}")
                : new(target, null, $"{NotRun}{(now?.PushFailure is { } why ? $" ({why})" : "")}; {DeltaPushTest}");
        }
        {
            // Part 3 asks it of every item status change, not only at the limits: the sample meeting's pushes too.
            var target = "(part 3) one item's status change under 1 KB on the wire, the 2022 sample";
            yield return now is { SampleTakeUpPushBytes: > 0 }
                ? new(target, now.SampleTakeUpPushBytes < 1024 && now.SampleContinuePushBytes is > 0 and < 1024,
                    $"take up {now.SampleTakeUpPushBytes} B, continue {now.SampleContinuePushBytes} B"
                    + (before is { SampleTakeUpPushBytes: > 0 } ? $"; previous build {before.SampleTakeUpPushBytes:N0} B" : ""))
                : new(target, null, NotRun);
        }
    }

    private static ScenarioResult? Bare(List<Entry> entries, int followers) =>
        entries.LastOrDefault(e => e.Result.Target == "bare" && e.Result.Followers == followers)?.Result;

    /// <summary>A scenario whose figures can decide a target: every follower held and no command failed.</summary>
    private static bool Valid(ScenarioResult r) => r.ConnectionsFailed == 0 && r.CommandsFailed == 0 && r.LastFollowerP99Ms >= 0;

    private static string Held(ScenarioResult r) =>
        Valid(r) ? "" : $"; undecided: {r.ConnectionsFailed} followers failed, {r.CommandsFailed} commands failed";

    private static string Verdict(bool? met) => met switch { true => "**met**", false => "**not met**", null => "–" };

    private static string Text(double? value) => value is null ? "–" : value.Value.ToString(CultureInfo.InvariantCulture);

    private static string Bytes(int value) => value <= 0 ? "–" : value.ToString("N0", CultureInfo.InvariantCulture);

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
}
