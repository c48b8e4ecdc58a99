using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MeetingOps.Server.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests;

/// <summary>
/// The floor over real HTTP on the 2022 sample with its 20 delegations: keys, the list of speakers, the 429 for a
/// flood, the report's UN wording and the CSV; and the floor after a killed host comes back.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SharedServerCollection.Name)]
public sealed class FloorApiTests(SharedServer shared)
{
    private const string Item = "transfer-of-sentenced-persons";
    private const string Am = "2022-05-23-am";

    private readonly MeetingOpsApi _api = shared.Api;

    public static async Task<ApiResponse> Send(MeetingOpsApi api, HttpMethod method, string path, string? key, string? json = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await api.SendAsync(request);
    }

    /// <summary>A meeting of the 2022 sample with its 20 delegations, and keys for the ones asked for.</summary>
    public static async Task<(string Id, string Chair, Dictionary<string, string> Keys)> MeetingWithDelegations(MeetingOpsApi api, params string[] keysFor)
    {
        var (id, chair, _) = await api.CreateAsync(Samples.Wg2Wg3_2022);
        var put = await Send(api, HttpMethod.Put, $"/api/meetings/{id}/delegations", ServerProcess.TestOrganizerKey, RepoFiles.Sample(RepoFiles.Vienna2022Delegations));
        Assert.True(put.Status == HttpStatusCode.OK, put.ToString());
        var keys = new Dictionary<string, string>();
        foreach (var delegation in keysFor)
        {
            var issued = await Send(api, HttpMethod.Post, $"/api/meetings/{id}/delegations/{delegation}/key", ServerProcess.TestOrganizerKey, idempotencyKey: "issue-" + delegation);
            Assert.True(issued.Status == HttpStatusCode.OK, issued.ToString());
            keys[delegation] = (string)issued.Json["key"]!;
        }
        return (id, chair, keys);
    }

    private Task<ApiResponse> Floor(string id, string action, string? key, string? json = null, string? idempotencyKey = null) =>
        Send(_api, HttpMethod.Post, $"/api/meetings/{id}/items/{Item}/floor/{action}", key, json, idempotencyKey);

    private async Task<JsonNode> Ok(string id, string action, string? key, string? json = null)
    {
        var response = await Floor(id, action, key, json);
        Assert.True(response.Status == HttpStatusCode.OK, $"{action}: {response}");
        return response.Json;
    }

    [Fact]
    public async Task Delegations_and_keys_need_the_organizer_key_and_a_resend_gives_the_same_key()
    {
        var (id, chair, keys) = await MeetingWithDelegations(_api, "brazil");
        var list = await Send(_api, HttpMethod.Get, $"/api/meetings/{id}/delegations", ServerProcess.TestOrganizerKey);
        Assert.Equal(20, list.Json["delegations"]!.AsArray().Count);
        Assert.Equal("unEntity", (string)list.Json["delegations"]![19]!["kind"]!);
        Assert.Equal(HttpStatusCode.OK, (await Send(_api, HttpMethod.Get, $"/api/meetings/{id}/delegations", chair)).Status); // to inscribe from the console
        ApiAssert.Problem(await Send(_api, HttpMethod.Get, $"/api/meetings/{id}/delegations", keys["brazil"]), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await Send(_api, HttpMethod.Get, $"/api/meetings/{id}/delegations", null), HttpStatusCode.Unauthorized);

        var bad = await Send(_api, HttpMethod.Put, $"/api/meetings/{id}/delegations", ServerProcess.TestOrganizerKey,
            """{"delegations": [{"id": "x", "name": "X", "kind": "club"}]}""");
        ApiAssert.Problem(bad, HttpStatusCode.BadRequest);
        var twice = await Send(_api, HttpMethod.Put, $"/api/meetings/{id}/delegations", ServerProcess.TestOrganizerKey,
            """{"delegations": [{"id": "x", "name": "X", "kind": "ngo"}, {"id": "x", "name": "Y", "kind": "ngo"}]}""");
        Assert.Contains(ApiAssert.Errors(ApiAssert.Problem(twice, HttpStatusCode.BadRequest)), e => e.Path == "$.delegations[1].id");
        Assert.Equal(20, (await Send(_api, HttpMethod.Get, $"/api/meetings/{id}/delegations", ServerProcess.TestOrganizerKey)).Json["delegations"]!.AsArray().Count);

        var resent = await Send(_api, HttpMethod.Post, $"/api/meetings/{id}/delegations/brazil/key", ServerProcess.TestOrganizerKey, idempotencyKey: "issue-brazil");
        Assert.Equal(keys["brazil"], (string)resent.Json["key"]!);
        Assert.Equal("true", resent.Header("Idempotent-Replayed"));
        Assert.Contains($"/follow/{id}#delegation=brazil&key=", (string)resent.Json["link"]!, StringComparison.Ordinal);
        ApiAssert.Problem(await Send(_api, HttpMethod.Post, $"/api/meetings/{id}/delegations/atlantis/key", ServerProcess.TestOrganizerKey), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Five_delegations_request_the_chair_gives_the_floor_in_order_and_the_report_says_who_spoke()
    {
        var (id, chair, keys) = await MeetingWithDelegations(_api, "austria", "brazil", "eu", "chile", "india");
        await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair);
        foreach (var d in new[] { "austria", "brazil", "eu", "chile" })
        {
            await Ok(id, "requests", keys[d], """{"kind": "statement"}""");
        }
        var afterPoint = await Ok(id, "requests", keys["india"], """{"kind": "pointOfOrder"}""");
        Assert.Equal(["india", "austria", "brazil", "eu", "chile"], afterPoint["queue"]!.AsArray().Select(q => (string)q!["delegation"]!));

        ApiAssert.Problem(await Floor(id, "next", keys["brazil"]), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await Floor(id, "requests", keys["brazil"], """{"kind": "statement"}"""), HttpStatusCode.Conflict);
        var (otherId, otherChair, otherKeys) = await MeetingWithDelegations(_api, "brazil");
        ApiAssert.Problem(await Floor(id, "requests", otherKeys["brazil"], """{"kind": "rightOfReply"}"""), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await Floor(id, "next", otherChair), HttpStatusCode.Forbidden);
        Assert.NotEqual(id, otherId);

        var order = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var given = await Ok(id, "next", chair);
            order.Add((string)given["speaking"]!["delegation"]!);
            Assert.Equal(180, (int)given["speaking"]!["limitSeconds"]!);
        }
        Assert.Equal(["india", "austria", "brazil", "eu", "chile"], order);
        await Ok(id, "finish", chair);

        var floor = await _api.GetAsync($"/api/meetings/{id}/items/{Item}/floor");
        Assert.Null(floor.Json["speaking"]);
        Assert.Empty(floor.Json["queue"]!.AsArray());

        var report = await _api.GetAsync($"/api/meetings/{id}/report");
        Assert.Contains("Statements were made by the representatives of India, Austria, Brazil and Chile. The observer for the European Union also made a statement.",
            report.Body, StringComparison.Ordinal);
        var csv = await _api.GetAsync($"/api/meetings/{id}/log?format=csv");
        Assert.Contains("floor 1,", csv.Body, StringComparison.Ordinal);
        Assert.Contains(",floor,next,India,pointOfOrder,chair,", csv.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_thousand_requests_from_one_key_in_a_second_change_nothing_beyond_its_one_request()
    {
        var (id, _, keys) = await MeetingWithDelegations(_api, "chile");
        var flood = System.Diagnostics.Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 2000).Select(_ => Floor(id, "requests", keys["chile"], """{"kind": "statement"}""")));
        flood.Stop();

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        // Never 503: the flood is refused at the edge, so it cannot pile up behind the grains until calls time out.
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Contains(a.Status, new[] { HttpStatusCode.TooManyRequests, HttpStatusCode.Conflict }));
        Assert.True(answers.Count(a => a.Status == HttpStatusCode.TooManyRequests) > 1900);
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.TooManyRequests), a => Assert.True(a.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), a.ToString()));
        // Cheaply: beyond the key's bucket nothing reached a grain (the grain's own answers are the others).
        Assert.InRange(answers.Count(a => !a.Body.Contains(EdgeRefusal, StringComparison.Ordinal)), 1, LetThrough(flood.Elapsed));
        var floor = await _api.GetAsync($"/api/meetings/{id}/items/{Item}/floor");
        Assert.Equal("\"1\"", floor.ETag);
        Assert.Equal("chile", (string)Assert.Single(floor.Json["queue"]!.AsArray())!["delegation"]!);
    }

    [Fact]
    public async Task A_flood_with_a_key_that_never_was_valid_gets_only_its_bucket_and_changes_nothing()
    {
        var (id, _, _) = await MeetingWithDelegations(_api);
        var madeUp = "made-up-" + Guid.NewGuid().ToString("N");
        var flood = System.Diagnostics.Stopwatch.StartNew();
        var answers = await Task.WhenAll(Enumerable.Range(0, 2000).Select(_ => Floor(id, "requests", madeUp, """{"kind": "statement"}""")));
        flood.Stop();

        var refusedByGrain = answers.Where(a => !a.Body.Contains(EdgeRefusal, StringComparison.Ordinal)).ToList();
        Assert.InRange(refusedByGrain.Count, 1, LetThrough(flood.Elapsed));
        Assert.All(refusedByGrain, a => ApiAssert.Problem(a, HttpStatusCode.Forbidden));
        Assert.All(answers.Except(refusedByGrain), a =>
        {
            ApiAssert.Problem(a, HttpStatusCode.TooManyRequests);
            Assert.True(a.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), a.ToString());
        });
        var floor = await _api.GetAsync($"/api/meetings/{id}/items/{Item}/floor");
        Assert.Equal("\"0\"", floor.ETag);
        Assert.Empty(floor.Json["queue"]!.AsArray());
    }

    /// <summary>The host's default floor commands per key at once (MeetingOps:RateLimits:FloorKeyBurst), which test servers keep…</summary>
    private const int FloorKeyBurst = 30;

    /// <summary>…and per second after that (FloorKeyPerSecond), added one at a time.</summary>
    private const int FloorKeyPerSecond = 2;

    /// <summary>The most the key's bucket can let through while a flood lasts: the burst and what was refilled meanwhile (a slow machine's flood lasts longer).</summary>
    private static int LetThrough(TimeSpan flood) => FloorKeyBurst + (int)Math.Ceiling(flood.TotalSeconds * FloorKeyPerSecond);

    /// <summary>Words only the edge's per-key refusal uses (the floor grain's own 429 speaks of the delegation).</summary>
    private const string EdgeRefusal = "Too many floor commands with this key";
}

/// <summary>The floor after the host is killed and started again on the same SQLite file: exactly as it was, timer included.</summary>
[Trait("Category", "Slow")]
public sealed class FloorRestartTests
{
    [Fact]
    public async Task The_floor_survives_a_killed_host_exactly()
    {
        await using var server = await ServerProcess.StartAsync();
        var api = new MeetingOpsApi(server);
        var (id, chair, keys) = await FloorApiTests.MeetingWithDelegations(api, "brazil", "austria");
        const string floorPath = "/api/meetings/{0}/items/transfer-of-sentenced-persons/floor";
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, floorPath, id);
        Assert.Equal(HttpStatusCode.OK, (await FloorApiTests.Send(api, HttpMethod.Post, path + "/requests", keys["brazil"], "{}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await FloorApiTests.Send(api, HttpMethod.Post, path + "/requests", keys["austria"], "{}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await FloorApiTests.Send(api, HttpMethod.Post, path + "/next", chair)).Status);
        var before = (await api.GetAsync(path)).Json;

        await server.RestartAsync();

        var after = (await api.GetAsync(path)).Json;
        Assert.Equal((string)before["speaking"]!["delegation"]!, (string)after["speaking"]!["delegation"]!);
        Assert.Equal((DateTimeOffset)before["speaking"]!["since"]!, (DateTimeOffset)after["speaking"]!["since"]!);
        Assert.Equal((long)before["version"]!, (long)after["version"]!);
        Assert.Equal("austria", (string)after["queue"]![0]!["delegation"]!);
        // The timer runs on from the stored instant: time used grows, it does not restart from zero.
        Assert.True((double)after["speaking"]!["usedSeconds"]! >= (double)before["speaking"]!["usedSeconds"]!);
        var next = await FloorApiTests.Send(api, HttpMethod.Post, path + "/next", chair);
        Assert.Equal("austria", (string)next.Json["speaking"]!["delegation"]!);
        Assert.Equal(HttpStatusCode.OK, (await FloorApiTests.Send(api, HttpMethod.Post, path + "/requests", keys["brazil"], """{"kind": "rightOfReply"}""")).Status);
    }
}
