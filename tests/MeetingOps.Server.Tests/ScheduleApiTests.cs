using System.Net.Http.Headers;
using System.Text;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>PUT /format and GET /schedule over real HTTP: the 2022 sample switched to hybrid.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class ScheduleApiTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;

    private Task<ApiResponse> PutFormat(string id, string json, string? key, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{id}/format") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return _api.SendAsync(request);
    }

    [Fact]
    public async Task Switching_every_sitting_to_hybrid_returns_the_new_plan_and_a_new_version()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var response = await PutFormat(id, """{"sessions": ["all"], "format": "hybrid", "strategy": "fit"}""", chair, ifMatch: "\"0\"");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("\"9\"", response.ETag);
        var body = response.Json;
        Assert.Equal(9, (long)body["version"]!);
        Assert.Equal("fit", (string?)body["plan"]!["strategy"]);
        Assert.Equal(1620, (int)body["plan"]!["plannedMinutes"]!);
        Assert.Equal(1080, (int)body["plan"]!["availableMinutes"]!);
        // Fit compresses by two thirds and everything fits (the report takes Thursday afternoon as planned, then Friday).
        Assert.Equal(0, (int)body["overflow"]!["minutes"]!);
        var first = body["plan"]!["sessions"]![0]!;
        Assert.Equal(("2022-05-23-am", "2022-05-23T10:00:00", "2022-05-23T08:00:00+00:00", 120), ((string?)first["sessionId"], (string?)first["localStart"], (string?)first["start"], (int)first["capMinutes"]!));
        Assert.All(first["allocations"]!.AsArray(), a => Assert.NotNull((string?)a!["itemId"]));

        var schedule = await _api.GetAsync($"/api/meetings/{id}/schedule");
        Assert.Equal(HttpStatusCode.OK, schedule.Status);
        Assert.True(JsonNode.DeepEquals(body["plan"], schedule.Json["plan"]));
        var snapshot = (await _api.GetMeetingAsync(id)).Json;
        Assert.All(snapshot["sessions"]!.AsArray(), s => Assert.Equal(("hybrid", 120), ((string?)s!["format"], (int)s["capMinutes"]!)));
        var log = (await _api.GetLogAsync(id)).Json.AsArray();
        Assert.Equal(9, log.Count);
        Assert.All(log, e => Assert.Equal(("schedule", "format", "chair"), ((string?)e!["subject"], (string?)e["action"], (string?)e["actor"]!["role"])));
    }

    [Fact]
    public async Task Bad_format_changes_are_refused_and_change_nothing()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var before = await _api.StateTextAsync(id);

        ApiAssert.Problem(await PutFormat(id, """{"sessions": ["all"], "format": "hybrid", "strategy": "fit"}""", null), HttpStatusCode.Unauthorized);
        ApiAssert.Problem(await PutFormat(id, """{"sessions": ["all"], "format": "hybrid", "strategy": "fit"}""", "guess"), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await PutFormat(id, """{"sessions": ["nope"], "format": "hybrid", "strategy": "fit"}""", chair), HttpStatusCode.NotFound);
        ApiAssert.Problem(await PutFormat(id, """{"sessions": ["all"], "format": "hybrid", "strategy": "fit"}""", chair, ifMatch: "\"7\""), HttpStatusCode.PreconditionFailed, "version-conflict");
        var badFormat = ApiAssert.Problem(await PutFormat(id, """{"sessions": ["all"], "format": "purple", "strategy": "fit"}""", chair), HttpStatusCode.BadRequest);
        Assert.Equal("$.format", ApiAssert.Errors(badFormat).Single().Path);
        var badStart = ApiAssert.Problem(await PutFormat(id, """{"sessions": ["2022-05-23-am"], "format": "hybrid", "start": "25:00", "strategy": "reflow"}""", chair), HttpStatusCode.BadRequest);
        Assert.Equal("$.start", ApiAssert.Errors(badStart).Single().Path);

        Assert.Equal(before, await _api.StateTextAsync(id));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/api/meetings/nosuchmeeting/schedule")).Status);
    }

    [Fact]
    public async Task A_sitting_that_has_ended_cannot_change_format()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, "sessions/2022-05-23-am/start?confirm=offDay", chair);
        await _api.OkAsync(id, "sessions/2022-05-23-am/end", chair);

        var problem = ApiAssert.Problem(await PutFormat(id, """{"sessions": ["2022-05-23-am"], "format": "hybrid", "strategy": "compress"}""", chair), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Session 2022-05-23-am has ended; its format can no longer change.", (string?)problem["detail"]);
        // "all" means every sitting not yet ended.
        var all = await PutFormat(id, """{"sessions": ["all"], "format": "hybrid", "strategy": "compress"}""", chair);
        Assert.Equal(HttpStatusCode.OK, all.Status);
        Assert.Equal(2 + 8, (long)all.Json["version"]!);
    }
}
