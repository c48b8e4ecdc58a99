using System.Diagnostics;
using MeetingOps.Tests.Shared;

namespace MeetingOps.LoadTests;

/// <summary>
/// Against one fresh server, with no followers to speak of: how big a status change's push is on the wire (the sample
/// meeting, and a meeting at the definition limits, 1,000 items and 500 sittings), then whether a chair command slows
/// down as its meeting's history grows. The chair sends one command at a time (open and continue of one item, in
/// turn, each with its own Idempotency-Key, as <see cref="Chair"/> does) on a new meeting until it has
/// <see cref="HistoryOptions.Commands"/> behind it; then the next commands on that meeting alternate, one for one, with
/// commands on a meeting created just then, so both p50s are taken over the same moments (a server still warming up
/// or a machine whose load changes weighs on both alike), and the ratio is the history's cost alone.
/// </summary>
public sealed class History(HistoryOptions options, TextWriter log)
{
    private static readonly TimeSpan PushWait = TimeSpan.FromSeconds(20);

    public async Task<HistoryResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = options.Target, Timeout = TimeSpan.FromSeconds(60) };
        var chair = new Chair(http, options.OrganizerKey);
        var result = new HistoryResult { Build = options.Build, Started = started.ToString("O") };

        var sample = await File.ReadAllTextAsync(options.Definition, cancellationToken);
        var (sampleFollow, sampleOpen, sampleContinue, sampleFailure) = await PushSizesAsync(chair, sample, Chair.Session, Chair.Item, cancellationToken);
        log.WriteLine($"{options.Build}: sample meeting: follow {sampleFollow} B, take up pushed {sampleOpen} B, continue {sampleContinue} B {sampleFailure}");
        var (limitsFollow, limitsOpen, limitsContinue, limitsFailure) =
            await PushSizesAsync(chair, LimitsMeeting.Json(), LimitsMeeting.SittingId(1), LimitsMeeting.ItemId(1), cancellationToken);
        log.WriteLine($"{options.Build}: meeting at the definition limits: follow {limitsFollow} B, take up pushed {limitsOpen} B, continue {limitsContinue} B {limitsFailure}");
        result = result with
        {
            SampleFollowBytes = sampleFollow,
            SampleTakeUpPushBytes = sampleOpen,
            SampleContinuePushBytes = sampleContinue,
            LimitsFollowBytes = limitsFollow,
            LimitsTakeUpPushBytes = limitsOpen,
            LimitsContinuePushBytes = limitsContinue,
            PushFailure = sampleFailure ?? limitsFailure,
        };

        // A first meeting warms the server up (JIT, grain types, storage), so the new meeting's commands are not its first.
        var warmup = new Driver(chair, await chair.CreateMeetingAsync(sample, cancellationToken));
        await warmup.SendAsync(options.WarmupCommands, cancellationToken);

        var driver = new Driver(chair, await chair.CreateMeetingAsync(sample, cancellationToken));
        var first = new Latencies(await driver.SendAsync(options.Sample, cancellationToken));
        log.WriteLine($"{options.Build}: the meeting's commands 1–{options.Sample}: p50 {first.Percentile(50):F2} ms");
        var middle = new Latencies(await driver.SendAsync(options.Commands - options.Sample, cancellationToken));
        var fresh = new Driver(chair, await chair.CreateMeetingAsync(sample, cancellationToken));
        List<double> later = [], young = [];
        for (var i = 0; i < options.Sample; i++)
        {
            later.AddRange(await driver.SendAsync(1, cancellationToken));
            young.AddRange(await fresh.SendAsync(1, cancellationToken));
        }
        var (after, now) = (new Latencies(later), new Latencies(young));
        log.WriteLine($"{options.Build}: commands {options.Commands + 1}–{options.Commands + options.Sample}: p50 {after.Percentile(50):F2} ms; "
            + $"a new meeting's commands 1–{options.Sample} in turn with them: p50 {now.Percentile(50):F2} ms");
        return result with
        {
            Commands = options.Commands,
            Sample = options.Sample,
            FirstCommandsP50Ms = Round(first.Percentile(50)),
            MiddleP50Ms = Round(middle.Percentile(50)),
            NewMeetingP50Ms = Round(now.Percentile(50)),
            NewMeetingP99Ms = Round(now.Percentile(99)),
            AfterP50Ms = Round(after.Percentile(50)),
            AfterP99Ms = Round(after.Percentile(99)),
            Ratio = now.Count > 0 && after.Count > 0 ? Math.Round(after.Percentile(50) / now.Percentile(50), 2) : null,
            CommandsFailed = warmup.Failed + driver.Failed + fresh.Failed,
            CommandFailure = driver.FirstFailure ?? fresh.FirstFailure ?? warmup.FirstFailure,
            Seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
            LoadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "",
        };
    }

    /// <summary>
    /// A meeting created and its sitting started, one raw WebSocket follower, then the item taken up and continued:
    /// the follow answer's size and each push's size on the wire (whole SignalR JSON frames). Zero and the failure when
    /// something did not happen (an earlier build may refuse a definition this one takes).
    /// </summary>
    private async Task<(int Follow, int TakeUp, int Continue, string? Failure)> PushSizesAsync(Chair chair, string definition, string sitting, string item,
        CancellationToken cancellationToken)
    {
        try
        {
            var meeting = await chair.CreateMeetingAsync(definition, sitting, cancellationToken);
            using var invoker = new HttpMessageInvoker(new SocketsHttpHandler { UseProxy = false });
            var hub = new UriBuilder(new Uri(options.Target, "hubs/meetings")) { Scheme = "ws" }.Uri;
            await using var follower = new LightFollower(hub, meeting.Id, 0, invoker);
            await follower.StartAsync(cancellationToken);
            if (!follower.Held)
            {
                return (0, 0, 0, $"follow: {follower.Failure}");
            }
            var sizes = new List<int>();
            foreach (var action in new[] { "open", "continue" })
            {
                var (version, failure) = await chair.CommandAsync(meeting, $"api/meetings/{meeting.Id}/items/{item}/{action}", cancellationToken);
                if (failure is not null)
                {
                    return (follower.FollowBytes, sizes.ElementAtOrDefault(0), 0, $"{action}: {failure}");
                }
                var wait = Stopwatch.StartNew();
                while (!follower.Receipts.Snapshot().Exists(r => r.Version == version))
                {
                    if (wait.Elapsed > PushWait)
                    {
                        return (follower.FollowBytes, sizes.ElementAtOrDefault(0), 0, $"{action}: no push of version {version} within {PushWait.TotalSeconds} s");
                    }
                    await Task.Delay(20, cancellationToken);
                }
                sizes.Add(follower.Pushes.Last);
            }
            return (follower.FollowBytes, sizes[0], sizes[1], null);
        }
        catch (InvalidOperationException e)
        {
            return (0, 0, 0, e.Message.Length > 300 ? e.Message[..300] : e.Message);
        }
    }

    private static double Round(double ms) => double.IsNaN(ms) ? -1 : Math.Round(ms, 2);

    /// <summary>One meeting's chair, one command at a time, taking up and continuing the sample's first item in turn.</summary>
    private sealed class Driver(Chair chair, ChairedMeeting meeting)
    {
        private bool _open;

        public int Failed { get; private set; }

        public string? FirstFailure { get; private set; }

        /// <summary>Sends <paramref name="count"/> commands, one after the other; answers each successful one's time (ms).</summary>
        public async Task<List<double>> SendAsync(int count, CancellationToken cancellationToken)
        {
            var times = new List<double>(Math.Max(0, count));
            for (var i = 0; i < count; i++)
            {
                var sentAt = Stopwatch.GetTimestamp();
                var (_, failure) = await chair.CommandAsync(meeting, $"api/meetings/{meeting.Id}/items/{Chair.Item}/{(_open ? "continue" : "open")}", cancellationToken);
                var ms = Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
                if (failure is null)
                {
                    _open = !_open;
                    times.Add(ms);
                    continue;
                }
                Failed++;
                FirstFailure ??= failure;
                if (Failed > 20)
                {
                    throw new InvalidOperationException($"More than 20 chair commands failed; the first: {FirstFailure}");
                }
            }
            return times;
        }
    }
}

/// <summary>The history scenario's settings, from the command line (<c>--name value</c>).</summary>
public sealed class HistoryOptions
{
    /// <summary>How the report names the server measured: "this build" or "before".</summary>
    public string Build { get; init; } = "this build";

    public Uri Target { get; init; } = new("http://127.0.0.1:5080/");
    public string OrganizerKey { get; init; } = "";
    public string Definition { get; init; } = "samples/ctoc-wg2-wg3-2022.meeting.json";

    /// <summary>The commands on the measured meeting before the second sample.</summary>
    public int Commands { get; init; } = 4000;

    /// <summary>How many commands each p50 is taken over.</summary>
    public int Sample { get; init; } = 200;

    /// <summary>Commands on a meeting of their own first, so the server's code is warm (tiered JIT) before anything is measured.</summary>
    public int WarmupCommands { get; init; } = 400;
    public string Out { get; init; } = "";
    public double DeadlineSeconds { get; init; } = 600;

    public static HistoryOptions Parse(IReadOnlyList<string> args)
    {
        var values = ScenarioOptions.Pairs(args);
        var defaults = new HistoryOptions();
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        var options = new HistoryOptions
        {
            Build = values.GetValueOrDefault("build", defaults.Build),
            Target = values.TryGetValue("target", out var target) ? new Uri(target.TrimEnd('/') + "/") : defaults.Target,
            OrganizerKey = values.GetValueOrDefault("organizer-key", Environment.GetEnvironmentVariable("MeetingOps__OrganizerKey") ?? ""),
            Definition = values.GetValueOrDefault("definition", defaults.Definition),
            Commands = Number("commands", defaults.Commands),
            Sample = Number("sample", defaults.Sample),
            WarmupCommands = Number("warmup-commands", defaults.WarmupCommands),
            Out = values.GetValueOrDefault("out", ""),
            DeadlineSeconds = Number("deadline", (int)defaults.DeadlineSeconds),
        };
        return options.Sample < 1 || options.Commands < options.Sample
            ? throw new ArgumentException($"--sample ({options.Sample}) must be at least 1 and --commands ({options.Commands}) at least --sample.")
            : options;
    }
}

/// <summary>
/// What the history scenario measured on one server. Push sizes are whole SignalR JSON frames as a follower reads them
/// (0 when not measured, with <see cref="PushFailure"/> saying why). Command times are the chair's REST command sent →
/// answered, one at a time: <see cref="AfterP50Ms"/> over commands <see cref="Commands"/> + 1 to <see cref="Commands"/> +
/// <see cref="Sample"/> of one meeting, <see cref="NewMeetingP50Ms"/> over a new meeting's first <see cref="Sample"/>
/// commands sent in turn with them; <see cref="Ratio"/> is the first over the second.
/// </summary>
public sealed record HistoryResult
{
    public string Build { get; init; } = "";
    public int SampleFollowBytes { get; init; }
    public int SampleTakeUpPushBytes { get; init; }
    public int SampleContinuePushBytes { get; init; }
    public int LimitsFollowBytes { get; init; }
    public int LimitsTakeUpPushBytes { get; init; }
    public int LimitsContinuePushBytes { get; init; }
    public string? PushFailure { get; init; }
    public int Commands { get; init; }
    public int Sample { get; init; }
    public double NewMeetingP50Ms { get; init; }
    public double NewMeetingP99Ms { get; init; }

    /// <summary>The long meeting's own first <see cref="Sample"/> commands (when it was new, the server less warm): their p50.</summary>
    public double FirstCommandsP50Ms { get; init; }

    /// <summary>The commands in between, for the curious: their p50.</summary>
    public double MiddleP50Ms { get; init; }
    public double AfterP50Ms { get; init; }
    public double AfterP99Ms { get; init; }
    public double? Ratio { get; init; }
    public int CommandsFailed { get; init; }
    public string? CommandFailure { get; init; }
    public double Seconds { get; init; }
    public string Started { get; init; } = "";
    public string LoadAverage { get; init; } = "";
}
