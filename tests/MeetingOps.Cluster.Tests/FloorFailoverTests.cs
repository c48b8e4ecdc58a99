using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MeetingOps.Cluster.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Cluster.Tests;

/// <summary>
/// The floor in cluster mode: an item's list of speakers, with a delegation speaking and its timer running, outlives the
/// host that held it. Which host holds the floor grain is Orleans' choice, so every host is killed in turn (kill -9)
/// and the floor is read from the others after each kill: whichever held it has been killed by the end, and the list
/// and the running timer must read the same from the survivors every time.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ClusterCollection.Name)]
public sealed class FloorFailoverTests(ClusterFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const string Item = "transfer-of-sentenced-persons";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };

    [Fact]
    public async Task The_list_of_speakers_and_the_running_timer_survive_a_killed_host()
    {
        var cluster = fixture.Cluster;
        await cluster.EnsureAllReadyAsync();
        var hosts = cluster.Hosts;
        var meeting = await new Chair(hosts).CreateMeetingAsync(0);
        var id = meeting.Id;
        await SendAsync(hosts, HttpMethod.Put, $"/api/meetings/{id}/delegations", LocalCluster.OrganizerKey, RepoFiles.Sample(RepoFiles.Vienna2022Delegations), "put-delegations");
        var keys = new Dictionary<string, string>();
        foreach (var d in new[] { "brazil", "austria", "india" })
        {
            keys[d] = (string)(await SendAsync(hosts, HttpMethod.Post, $"/api/meetings/{id}/delegations/{d}/key", LocalCluster.OrganizerKey, null, "issue-" + d))["key"]!;
        }
        var floor = $"/api/meetings/{id}/items/{Item}/floor";
        await SendAsync(hosts, HttpMethod.Post, $"{floor}/requests", keys["brazil"], """{"kind": "statement"}""", "brazil-asks");
        await SendAsync(hosts, HttpMethod.Post, $"{floor}/requests", keys["austria"], """{"kind": "statement"}""", "austria-asks");
        await SendAsync(hosts, HttpMethod.Post, $"{floor}/requests", keys["india"], """{"kind": "rightOfReply"}""", "india-asks");
        var given = await SendAsync(hosts, HttpMethod.Post, $"{floor}/next", meeting.ChairKey, null, "give-brazil");
        Assert.Equal("brazil", (string)given["speaking"]!["delegation"]!);
        var since = (DateTimeOffset)given["speaking"]!["since"]!;
        var version = (long)given["version"]!;
        var used = (double)given["speaking"]!["usedSeconds"]!;

        foreach (var victim in hosts)
        {
            var survivors = hosts.Where(h => h != victim).ToList();
            await victim.KillHardAsync();
            var clock = Stopwatch.StartNew();
            var after = await GetAsync(survivors, floor);
            output.WriteLine($"{victim.Name} killed: the floor read from a survivor after {clock.Elapsed.TotalSeconds:0.0} s, version {after["version"]}");

            // Exactly the floor as it was: who speaks since when, the same version, the same list, the timer still running.
            Assert.Equal(version, (long)after["version"]!);
            Assert.Equal("brazil", (string)after["speaking"]!["delegation"]!);
            Assert.Equal(since, (DateTimeOffset)after["speaking"]!["since"]!);
            Assert.False((bool)after["speaking"]!["paused"]!);
            Assert.Equal(180, (int)after["speaking"]!["limitSeconds"]!);
            var nowUsed = (double)after["speaking"]!["usedSeconds"]!;
            Assert.True(nowUsed >= used, $"the timer went back: {nowUsed} s used after the kill, {used} s before");
            used = nowUsed;
            Assert.Equal(["austria", "india"], after["queue"]!.AsArray().Select(q => (string)q!["delegation"]!));
            Assert.Equal(["statement", "rightOfReply"], after["queue"]!.AsArray().Select(q => (string)q!["kind"]!));

            victim.Start();
            await victim.WaitReadyAsync(LocalCluster.ReadyTimeout);
        }

        // And it goes on from there on any host: the next speaker, a retried command not applied twice.
        var next = await SendAsync(hosts, HttpMethod.Post, $"{floor}/next", meeting.ChairKey, null, "give-austria");
        Assert.Equal("austria", (string)next["speaking"]!["delegation"]!);
        Assert.Equal(version + 1, (long)next["version"]!);
        var again = await SendAsync(hosts.Reverse().ToList(), HttpMethod.Post, $"{floor}/next", meeting.ChairKey, null, "give-austria");
        Assert.Equal(version + 1, (long)again["version"]!);
        Assert.Equal("india", (string)Assert.Single(again["queue"]!.AsArray())!["delegation"]!);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Sends to the first host that answers; a 503 or a dead host means the next one (the same Idempotency-Key).</summary>
    private async Task<JsonNode> SendAsync(IReadOnlyList<ClusterHost> hosts, HttpMethod method, string path, string key, string? json, string idempotencyKey)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            var host = hosts[attempt % hosts.Count];
            try
            {
                using var request = new HttpRequestMessage(method, new Uri(host.BaseAddress, path));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
                request.Headers.Add("Idempotency-Key", idempotencyKey);
                if (json is not null)
                {
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }
                using var response = await _http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonNode.Parse(body)!;
                }
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable && clock.Elapsed < Deadline,
                    $"{method} {path} on {host.Name}: {(int)response.StatusCode} {body}");
            }
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && clock.Elapsed < Deadline)
            {
                // A host that is down: the next one.
            }
            await Task.Delay(200); // bounded by Deadline
        }
    }

    private async Task<JsonNode> GetAsync(IReadOnlyList<ClusterHost> hosts, string path)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; ; attempt++)
        {
            var host = hosts[attempt % hosts.Count];
            try
            {
                using var response = await _http.GetAsync(new Uri(host.BaseAddress, path));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonNode.Parse(body)!;
                }
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable && clock.Elapsed < Deadline,
                    $"GET {path} on {host.Name}: {(int)response.StatusCode} {body}");
            }
            catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && clock.Elapsed < Deadline)
            {
                // A host that is down or a call to the killed silo still timing out: the next one.
            }
            await Task.Delay(200); // bounded by Deadline
        }
    }
}
