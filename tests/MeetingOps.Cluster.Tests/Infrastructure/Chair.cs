using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>A meeting the chair script runs: its id, chair key, and every command the cluster acknowledged, in order.</summary>
public sealed class ChairedMeeting(string id, string chairKey, int index)
{
    public string Id { get; } = id;

    public string ChairKey { get; } = chairKey;

    public int Index { get; } = index;

    public List<Acknowledged> Acknowledged { get; } = [];
}

/// <summary>One acknowledged command: its Idempotency-Key, what it did, the version the answer carried.</summary>
public sealed record Acknowledged(string Key, string Path, long Version, bool Replayed, TimeSpan Took, int Attempts, DateTimeOffset At);

/// <summary>
/// The chair script: one chair per meeting, one command at a time, each with its own Idempotency-Key, spread over the
/// hosts. A command that fails (503, a refused connection to a dead host, a timeout) is sent again with the same key to
/// the next host until it is acknowledged; anything else (a 4xx) is a defect and stops the script. It counts what it saw.
/// </summary>
public sealed class Chair(IReadOnlyList<ClusterHost> hosts)
{
    public static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private int _unavailable;
    private int _connectionErrors;
    private int _resent;
    private long _slowest503Ticks;

    public ConcurrentQueue<string> Unexpected { get; } = new();

    /// <summary>503 answers seen (with Retry-After).</summary>
    public int Unavailable => _unavailable;

    /// <summary>Connections refused or dropped, and client timeouts.</summary>
    public int ConnectionErrors => _connectionErrors;

    /// <summary>The longest a 503 took to come back: how fast a request fails while a dependency is down.</summary>
    public TimeSpan Slowest503 => TimeSpan.FromTicks(Interlocked.Read(ref _slowest503Ticks));

    /// <summary>Commands sent again after a failure.</summary>
    public int Resent => _resent;

    public async Task<ChairedMeeting> CreateMeetingAsync(int index)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(hosts[index % hosts.Count].BaseAddress, "/api/meetings"))
        {
            Content = new StringContent(RepoFiles.Sample(RepoFiles.Vienna2022), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LocalCluster.OrganizerKey);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating a meeting: {(int)response.StatusCode} {body}");
        // The answer as the shared wire record, as the CLI and the load tests read it.
        var created = JsonSerializer.Deserialize<CreatedMeeting>(body, MeetingOpsJson.Options)!;
        return new ChairedMeeting(created.Id, created.ChairKey, index);
    }

    /// <summary>
    /// Starts the first sitting, then takes up and continues the opening item in turn, every <paramref name="pace"/>,
    /// until <paramref name="keepGoing"/> says stop (and at least <paramref name="atLeast"/> commands), at most <paramref name="atMost"/>.
    /// </summary>
    public async Task RunAsync(ChairedMeeting meeting, TimeSpan pace, Func<bool> keepGoing, int atLeast, int atMost)
    {
        await CommandAsync(meeting, 0, $"/api/meetings/{meeting.Id}/sessions/2022-05-23-am/start?confirm=offDay");
        for (var n = 1; n < atMost && (n < atLeast || keepGoing()); n++)
        {
            await Task.Delay(pace); // the chair's pace, so the script spans the failures
            var action = n % 2 == 1 ? "open" : "continue";
            await CommandAsync(meeting, n, $"/api/meetings/{meeting.Id}/items/opening/{action}");
        }
    }

    /// <summary>The status the opening item must have after the commands acknowledged so far.</summary>
    public static ItemStatus ExpectedOpeningStatus(ChairedMeeting meeting) =>
        meeting.Acknowledged.Count % 2 == 0 ? ItemStatus.Open : (meeting.Acknowledged.Count == 1 ? ItemStatus.Pending : ItemStatus.Continued);

    private async Task CommandAsync(ChairedMeeting meeting, int n, string path)
    {
        var key = $"{meeting.Id}-{n:D4}";
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            if (clock.Elapsed > CommandDeadline)
            {
                throw new TimeoutException($"{path} (key {key}) was not acknowledged within {CommandDeadline.TotalSeconds} s.");
            }
            if (attempt > 0)
            {
                Interlocked.Increment(ref _resent);
            }
            var host = hosts[(meeting.Index + n + attempt) % hosts.Count];
            var sent = Stopwatch.StartNew();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.BaseAddress, path));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", meeting.ChairKey);
                request.Headers.Add("Idempotency-Key", key);
                using var response = await _http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var version = JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt64();
                    var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var r) && r.Contains("true");
                    lock (meeting.Acknowledged)
                    {
                        meeting.Acknowledged.Add(new Acknowledged(key, path, version, replayed, clock.Elapsed, attempt + 1, DateTimeOffset.UtcNow));
                    }
                    return;
                }
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref _unavailable);
                    for (var slowest = Interlocked.Read(ref _slowest503Ticks); sent.Elapsed.Ticks > slowest;
                         slowest = Interlocked.Read(ref _slowest503Ticks))
                    {
                        if (Interlocked.CompareExchange(ref _slowest503Ticks, sent.Elapsed.Ticks, slowest) == slowest)
                        {
                            break;
                        }
                    }
                    Assert.True(response.Headers.RetryAfter?.Delta is not null, $"a 503 without Retry-After: {body}");
                    Assert.Contains("urn:meetingops:problem:unavailable", body, StringComparison.Ordinal);
                    Assert.Contains("\"code\":\"host.unavailable\"", body, StringComparison.Ordinal);
                    var wait = response.Headers.RetryAfter!.Delta!.Value;
                    await Task.Delay(wait > TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait); // bounded by CommandDeadline
                    continue;
                }
                Unexpected.Enqueue($"{path} (key {key}) on {host.Name}: {(int)response.StatusCode} {body}");
                throw new InvalidOperationException($"{path} (key {key}) on {host.Name} answered {(int)response.StatusCode}: {body}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _connectionErrors);
                await Task.Delay(200); // a dead host: try the next one; bounded by CommandDeadline
            }
        }
    }

    /// <summary>The meeting's audit log, read from any host that answers.</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadLogAsync(ChairedMeeting meeting)
    {
        foreach (var host in hosts.Where(h => h.IsRunning))
        {
            using var response = await _http.GetAsync(new Uri(host.BaseAddress, $"/api/meetings/{meeting.Id}/log"));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonSerializer.Deserialize<List<LogEntry>>(await response.Content.ReadAsStringAsync(), MeetingOpsJson.Options)!;
            }
        }
        throw new InvalidOperationException($"No host answered the log of meeting {meeting.Id}.");
    }
}
