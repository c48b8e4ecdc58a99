using System.Net.Http.Headers;
using System.Text;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>
/// PUT /format with "sessions": ["all"] is resolved by the meeting, not the edge: a resend with the same
/// Idempotency-Key after a sitting has ended since is a replay of the first answer's command, not a 409.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class FormatReplayTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;

    private Task<ApiResponse> PutFormat(string id, string json, string key, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{id}/format") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return _api.SendAsync(request);
    }

    [Fact]
    public async Task A_resend_of_all_sittings_to_hybrid_after_a_sitting_ended_replays()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        const string change = """{"sessions": ["all"], "format": "hybrid", "strategy": "compress"}""";

        var first = await PutFormat(id, change, chair, "hybrid-all-1");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(9, (long)first.Json["version"]!);

        await _api.OkAsync(id, "sessions/2022-05-23-am/start?confirm=offDay", chair);
        await _api.OkAsync(id, "sessions/2022-05-23-am/end", chair);
        var log = (await _api.GetLogAsync(id)).Json.AsArray().Count;

        var resend = await PutFormat(id, change, chair, "hybrid-all-1");

        Assert.Equal(HttpStatusCode.OK, resend.Status);
        Assert.Equal("true", resend.Header("Idempotent-Replayed"));
        // Nothing new was done: the log is as before the resend, and the plan answered is the meeting's plan now.
        Assert.Equal(log, (await _api.GetLogAsync(id)).Json.AsArray().Count);
        var schedule = await _api.GetAsync($"/api/meetings/{id}/schedule");
        Assert.True(JsonNode.DeepEquals(schedule.Json["plan"], resend.Json["plan"]));
        Assert.Equal((long)schedule.Json["version"]!, (long)resend.Json["version"]!);

        // The same key for a different change is still a conflict.
        var other = await PutFormat(id, """{"sessions": ["all"], "format": "online", "strategy": "compress"}""", chair, "hybrid-all-1");
        ApiAssert.Problem(other, HttpStatusCode.Conflict);
    }
}
