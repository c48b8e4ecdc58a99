using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace MeetingOps.LoadTests;

/// <summary>
/// Runs one scenario against servers that are already up: meetings created and a sitting started, server memory
/// read as the baseline, followers connected (light ones and a few real hub clients), a warm-up, then chair
/// commands at the fixed rate while CPU is measured, a wait for the last pushes, and the figures.
/// </summary>
public sealed class Scenario(ScenarioOptions options, TextWriter log)
{
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(15);

    public async Task<ScenarioResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 })
        {
            BaseAddress = options.Hosts[0],
            Timeout = TimeSpan.FromSeconds(30),
        };
        var chair = new Chair(http, options.OrganizerKey);
        var bare = options.Target == "bare";
        if (bare)
        {
            await GiveBarePayloadAsync(http, cancellationToken);
        }

        var definition = await File.ReadAllTextAsync(options.Definition, cancellationToken);
        var meetings = new List<ChairedMeeting>();
        for (var m = 0; m < options.Meetings; m++)
        {
            meetings.Add(await chair.CreateMeetingAsync(definition, cancellationToken));
        }
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var rssBaseline = options.Pids.Sum(ServerProbe.ResidentKb);
        var gcMode = string.Join(" / ", options.Pids.Select(ServerProbe.GcMode).Distinct());
        log.WriteLine($"{options.Target} {options.Mode}: {options.Meetings} meetings, server RSS {rssBaseline / 1024} MiB before connecting, GC {gcMode}");

        var sources = new SourceAddresses(options.SourceAddresses);
        using var invoker = new HttpMessageInvoker(sources.Handler());
        var followers = MakeFollowers(meetings, sources, invoker);
        var connectWatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(followers, new ParallelOptions { MaxDegreeOfParallelism = options.ConnectParallelism, CancellationToken = cancellationToken },
            async (f, ct) => await f.StartAsync(ct));
        var connectSeconds = connectWatch.Elapsed.TotalSeconds;
        log.WriteLine($"  connected {followers.Count(f => f.Held)}/{followers.Count} in {connectSeconds:F1} s");

        using var stopPings = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pinging = PingLoop(followers.OfType<LightFollower>().ToList(), stopPings.Token);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var rssConnected = options.Pids.Sum(ServerProbe.ResidentKb);

            if (options.WarmupSeconds > 0)
            {
                await chair.DriveAsync(meetings, options.Rate, TimeSpan.FromSeconds(options.WarmupSeconds), cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            foreach (var f in followers)
            {
                f.Receipts.Clear();
                (f as LightFollower)?.Pushes.Clear();
            }

            var cpuBefore = options.Pids.Sum(p => ServerProbe.CpuTime(p).TotalSeconds);
            var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var window = Stopwatch.StartNew();
            var (sent, skipped) = await chair.DriveAsync(meetings, options.Rate, TimeSpan.FromSeconds(options.Seconds), cancellationToken);
            await Drain(followers, sent, cancellationToken);
            var seconds = window.Elapsed.TotalSeconds;
            var cpu = options.Pids.Sum(p => ServerProbe.CpuTime(p).TotalSeconds) - cpuBefore;
            var ownCpu = (Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore).TotalSeconds;
            var rssEnd = options.Pids.Sum(ServerProbe.ResidentKb);

            if (!bare)
            {
                await KeepPayloadAsync(followers, cancellationToken);
            }
            var light = followers.OfType<LightFollower>().Where(f => f.Held && f.Pushes.Count > 0).ToList();
            var pushes = light.Sum(f => f.Pushes.Count);
            return Measure(started, followers, sent, skipped, seconds, connectSeconds) with
            {
                PushBytesMin = light.Count == 0 ? 0 : light.Min(f => f.Pushes.Min),
                PushBytesMean = pushes == 0 ? 0 : (int)Math.Round((double)light.Sum(f => f.Pushes.Sum) / pushes),
                PushBytesMax = light.Count == 0 ? 0 : light.Max(f => f.Pushes.Max),
                FollowBytes = followers.OfType<LightFollower>().Select(f => f.FollowBytes).DefaultIfEmpty().Max(),
                ServerCpuPercent = Math.Round(cpu / seconds * 100, 1),
                GeneratorCpuPercent = Math.Round(ownCpu / seconds * 100, 1),
                ServerRssBaselineKb = rssBaseline,
                ServerRssConnectedKb = rssConnected,
                ServerRssEndKb = rssEnd,
                MemoryPerFollowerKb = Math.Round((double)(Math.Max(rssEnd, rssConnected) - rssBaseline) / Math.Max(1, followers.Count(f => f.Held)), 1),
                GcMode = gcMode,
                PayloadBytes = await PayloadBytesAsync(cancellationToken),
            };
        }
        finally
        {
            await stopPings.CancelAsync();
            await pinging;
            await Parallel.ForEachAsync(followers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (f, _) => await f.DisposeAsync());
        }
    }

    /// <summary>Followers round the meetings; hosts by block so each meeting has followers on every host; a few real hub clients spread among them.</summary>
    private List<IFollower> MakeFollowers(List<ChairedMeeting> meetings, SourceAddresses sources, HttpMessageInvoker invoker)
    {
        var hubEvery = options.HubClients > 0 ? Math.Max(1, options.Followers / options.HubClients) : int.MaxValue;
        var followers = new List<IFollower>(options.Followers);
        for (var i = 0; i < options.Followers; i++)
        {
            var m = i % meetings.Count;
            var host = options.Hosts[i / meetings.Count % options.Hosts.Count];
            var hub = new Uri(host, "hubs/meetings");
            followers.Add(i % hubEvery == 0 && followers.Count(f => f.Kind == "hub") < options.HubClients
                ? new HubFollower(hub, meetings[m].Id, m, sources)
                : new LightFollower(new UriBuilder(hub) { Scheme = "ws" }.Uri, meetings[m].Id, m, invoker));
        }
        return followers;
    }

    private static async Task PingLoop(List<LightFollower> followers, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(PingEvery, cancellationToken);
                await Parallel.ForEachAsync(followers, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
                    async (f, _) => await f.PingAsync());
            }
        }
        catch (OperationCanceledException)
        {
            // The scenario is over.
        }
    }

    /// <summary>Waits until every held follower has every version the commands made, or until <see cref="DrainWait"/>.</summary>
    private static async Task Drain(List<IFollower> followers, List<SentCommand> sent, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < DrainWait)
        {
            var expected = sent.Where(c => c.Failure is null).GroupBy(c => c.Meeting).ToDictionary(g => g.Key, g => g.Count());
            var complete = followers.Where(f => f.Held)
                .All(f => f.Receipts.Count >= expected.GetValueOrDefault(f.Meeting));
            if (complete)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private ScenarioResult Measure(DateTimeOffset started, List<IFollower> followers, List<SentCommand> sent, int skipped, double seconds, double connectSeconds)
    {
        var ok = sent.Where(c => c.Failure is null).ToList();
        var byVersion = ok.ToDictionary(c => (c.Meeting, c.Version), c => c.SentAt);
        var all = new List<double>();
        var light = new List<double>();
        var hub = new List<double>();
        var last = ok.ToDictionary(c => (c.Meeting, c.Version), _ => 0.0);
        long missed = 0;
        var held = followers.Where(f => f.Held).ToList();
        foreach (var f in held)
        {
            var got = 0;
            foreach (var (version, at) in f.Receipts.Snapshot())
            {
                if (!byVersion.TryGetValue((f.Meeting, version), out var sentAt))
                {
                    continue;
                }
                got++;
                var ms = Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds;
                all.Add(ms);
                (f.Kind == "hub" ? hub : light).Add(ms);
                last[(f.Meeting, version)] = Math.Max(last[(f.Meeting, version)], ms);
            }
            missed += ok.Count(c => c.Meeting == f.Meeting) - got;
        }
        var deliveries = new Latencies(all);
        var answers = new Latencies([.. ok.Select(c => Stopwatch.GetElapsedTime(c.SentAt, c.AnsweredAt).TotalMilliseconds)]);
        var lastFollower = new Latencies([.. last.Values]);
        var lightLatencies = new Latencies(light);
        var hubLatencies = new Latencies(hub);
        var failures = followers.Where(f => !f.Held).ToList();
        return new ScenarioResult
        {
            Scenario = $"{options.Mode}, {options.Followers} followers",
            Target = options.Target,
            Mode = options.Mode,
            Hosts = options.Hosts.Count,
            Followers = options.Followers,
            Meetings = options.Meetings,
            HubClients = followers.Count(f => f.Kind == "hub"),
            CommandsPerSecond = options.Rate,
            Seconds = Math.Round(seconds, 1),
            CommandsSent = sent.Count,
            CommandsFailed = sent.Count - ok.Count,
            CommandsSkipped = skipped,
            CommandFailure = sent.FirstOrDefault(c => c.Failure is not null)?.Failure,
            P50Ms = Round(deliveries.Percentile(50)),
            P99Ms = Round(deliveries.Percentile(99)),
            P999Ms = Round(deliveries.Percentile(99.9)),
            MaxMs = Round(deliveries.Max),
            LastFollowerP50Ms = Round(lastFollower.Percentile(50)),
            LastFollowerP99Ms = Round(lastFollower.Percentile(99)),
            LastFollowerMaxMs = Round(lastFollower.Max),
            CommandP50Ms = Round(answers.Percentile(50)),
            CommandP99Ms = Round(answers.Percentile(99)),
            LightP50Ms = Round(lightLatencies.Percentile(50)),
            LightP99Ms = Round(lightLatencies.Percentile(99)),
            HubClientP50Ms = Round(hubLatencies.Percentile(50)),
            HubClientP99Ms = Round(hubLatencies.Percentile(99)),
            Deliveries = deliveries.Count,
            DeliveriesMissed = missed,
            DeliveriesPerSecond = Math.Round(deliveries.Count / seconds, 1),
            ConnectionsHeld = held.Count,
            ConnectionsFailed = failures.Count,
            ConnectionFailure = failures.FirstOrDefault()?.Failure,
            ConnectSeconds = Math.Round(connectSeconds, 1),
            Started = started.ToString("O"),
            LoadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "",
        };
    }

    private static double Round(double ms) => double.IsNaN(ms) ? -1 : Math.Round(ms, 2);

    /// <summary>
    /// Keeps a real MeetingOps push's changes, the push's before it (the chair alternates taking up and continuing, so
    /// the two differ by a few bytes) and the snapshot a follow answers, for the bare hub to send.
    /// </summary>
    private async Task KeepPayloadAsync(List<IFollower> followers, CancellationToken cancellationToken)
    {
        var follower = followers.OfType<HubFollower>().FirstOrDefault(f => f.LastPush is not null && f.Followed is not null);
        if (follower is { LastPush: { } p, Followed: { } snapshot } && options.Payload.Length > 0)
        {
            var payload = new Dictionary<string, JsonElement> { ["version"] = p.GetProperty("version"), ["changes"] = p.GetProperty("changes"), ["snapshot"] = snapshot };
            if (follower.PushBefore is { } before)
            {
                payload["changesBefore"] = before.GetProperty("changes");
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Payload))!);
            await File.WriteAllTextAsync(options.Payload, JsonSerializer.Serialize(payload), cancellationToken);
        }
    }

    private async Task<int> PayloadBytesAsync(CancellationToken cancellationToken) =>
        File.Exists(options.Payload) ? Encoding.UTF8.GetByteCount(await File.ReadAllTextAsync(options.Payload, cancellationToken)) : 0;

    private async Task GiveBarePayloadAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (!File.Exists(options.Payload))
        {
            throw new InvalidOperationException($"The bare hub pushes a real MeetingOps push, kept in {options.Payload} by a MeetingOps scenario; run one first.");
        }
        using var content = new StringContent(await File.ReadAllTextAsync(options.Payload, cancellationToken), Encoding.UTF8, "application/json");
        using var response = await http.PutAsync("bare/payload", content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
