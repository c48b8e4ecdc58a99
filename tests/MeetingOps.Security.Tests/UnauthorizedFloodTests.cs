using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using MeetingOps.Security.Tests.Infrastructure;

namespace MeetingOps.Security.Tests;

/// <summary>
/// Attack 2: 10,000 unauthorized commands from one address, half over REST and half over the hub, with wrong keys of
/// every sort (made up, a delegation's, another meeting's chair key). None may succeed, and the failed-key limit must
/// take over after its burst: REST answers 429 problems with Retry-After, the hub answers 429 refusals as replies
/// (a thrown error would reach the caller as an exception and the host's log as an error).
/// </summary>
[Trait("Category", "Slow")]
[Collection(SecurityCollection.Name)]
public sealed class UnauthorizedFloodTests(SecurityFixture fixture)
{
    private const int AddressBlock = 20;
    private const int RestAttempts = 5_000;
    private const int HubConnections = 10;
    private const int HubAttemptsPerConnection = 500;

    [Fact]
    public async Task Ten_thousand_wrong_keys_get_nothing_and_the_failed_key_limit_answers_429_after_its_burst()
    {
        var server = fixture.Server;
        var meeting = await MeetingUnderAttack.CreateAsync(server);
        var other = await MeetingUnderAttack.CreateAsync(server);
        var before = await meeting.FingerprintAsync(server);
        var attacker = Loopback.Attacker(AddressBlock);
        string[] keys = [meeting.DelegationKey, other.ChairKey, "wrong-key-0123456789abcdef", "x"];
        string[] paths =
        [
            $"/api/meetings/{meeting.Id}/sessions/{MeetingUnderAttack.FirstSitting}/start",
            $"/api/meetings/{meeting.Id}/items/opening/open",
            $"/api/meetings/{meeting.Id}/undo",
            $"/api/meetings/{meeting.Id}/chair-key",
        ];
        var statuses = new ConcurrentDictionary<string, int>();
        var problems = new ConcurrentQueue<string>();
        void Count(string what) => statuses.AddOrUpdate(what, 1, (_, n) => n + 1);
        var clock = Stopwatch.StartNew();

        using var rest = Loopback.Client(attacker, server.BaseAddress);
        var next = -1;
        var restLoops = Enumerable.Range(0, 16).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < RestAttempts)
            {
                var answer = await SecurityServer.SendAsync(rest, HttpMethod.Post, paths[i % paths.Length], keys[i % keys.Length]);
                Count($"REST {answer.Status}");
                if (answer.Status is >= 200 and < 300)
                {
                    problems.Enqueue($"REST attempt {i} succeeded: {answer}");
                }
                else if (answer.Status == 429 && (answer.RetryAfter is not { TotalSeconds: >= 1 } || answer.ContentType != "application/problem+json"))
                {
                    problems.Enqueue($"a 429 without Retry-After or not a problem: {answer.RetryAfter} {answer.ContentType}");
                }
            }
        });

        var hubLoops = Enumerable.Range(0, HubConnections).Select(async c =>
        {
            await using var hub = await Loopback.HubAsync(attacker, server.BaseAddress);
            for (var i = 0; i < HubAttemptsPerConnection; i++)
            {
                JsonElement reply;
                try
                {
                    reply = (i % 3) switch
                    {
                        0 => await hub.CommandAsync(meeting.Id, keys[i % keys.Length], "session", MeetingUnderAttack.FirstSitting, "start"),
                        1 => await hub.CommandAsAsync(meeting.Id, keys[i % keys.Length], "item", "opening", "open", "Intruder"),
                        _ => await hub.UndoAsync(meeting.Id, keys[i % keys.Length]),
                    };
                }
                catch (Exception e)
                {
                    // A refusal thrown instead of answered: what the issue saw fill the log.
                    problems.Enqueue($"hub call {c}/{i} threw {e.GetType().Name}: {e.Message}");
                    Count("hub threw");
                    continue;
                }
                var status = reply.ProblemStatus();
                Count($"hub {status}");
                if (reply.Accepted())
                {
                    problems.Enqueue($"hub call {c}/{i} was accepted: {reply}");
                }
                else if (status == 429)
                {
                    var detail = reply.GetProperty("problem").GetProperty("detail").GetString() ?? "";
                    Count(detail.Contains("wrong or missing keys", StringComparison.Ordinal) ? "hub 429 failed keys" : "hub 429 other");
                }
            }
        });
        await Task.WhenAll(restLoops.Concat(hubLoops));
        var elapsed = clock.Elapsed;

        var summary = string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}"));
        Assert.True(problems.IsEmpty, $"{problems.Count} problems ({summary}):\n{string.Join("\n", problems.Take(20))}");
        int Of(string what) => statuses.GetValueOrDefault(what);
        Assert.Equal(RestAttempts + HubConnections * HubAttemptsPerConnection, statuses.Where(s => !s.Key.StartsWith("hub 429 ", StringComparison.Ordinal)).Sum(s => s.Value));

        // Answered as wrong keys (401/403) at most: the burst of failed attempts, what refilled while the attack ran,
        // and the attempts already in progress when the limit was reached. Everything else was refused before any work.
        var keyAnswers = Of("REST 401") + Of("REST 403") + Of("hub 401") + Of("hub 403");
        var allowance = 50 + (int)Math.Ceiling(30 * elapsed.TotalMinutes) + 16 + HubConnections;
        Assert.True(keyAnswers <= allowance, $"{keyAnswers} wrong keys were checked in {elapsed.TotalSeconds:0.0} s; the failed-key limit allows about {allowance} ({summary})");
        Assert.True(Of("REST 429") > RestAttempts / 2, $"REST: {summary}");
        Assert.True(Of("hub 429 failed keys") > 0, $"the hub never answered with the failed-key limit: {summary}");

        // Nothing changed; the meeting's own chair (another address) still acts; the attacker may still read.
        Assert.Equal(before, await meeting.FingerprintAsync(server));
        using var attackerReads = Loopback.Client(attacker, server.BaseAddress);
        Assert.Equal(200, (await SecurityServer.SendAsync(attackerReads, HttpMethod.Get, $"/api/meetings/{meeting.Id}", key: null)).Status);
        var start = await SecurityServer.SendAsync(server.Http, HttpMethod.Post, $"/api/meetings/{meeting.Id}/sessions/{MeetingUnderAttack.FirstSitting}/start?confirm=offDay", meeting.ChairKey);
        Assert.True(start.Status == 200, $"the chair, from its own address: {start}");
    }
}
