using System.Net;
using System.Text.Json.Nodes;
using MeetingOps.Server.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests;

/// <summary>
/// <c>POST /api/meetings/{id}/sessions/{sessionId}/extend {"minutes": n}</c> over real HTTP: the chair's and the
/// organizer's keys extend, any other key is refused, bad minutes are refused in words with nothing changed, a resend
/// with the same Idempotency-Key replays, and the end of interpretation in the snapshot moves.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SharedServerCollection.Name)]
public sealed class ExtendApiTests(SharedServer shared)
{
    private const string Am = "2022-05-23-am";

    private readonly MeetingOpsApi _api = shared.Api;

    /// <summary>The 2022 sample with its Monday morning hybrid (capped at 120 minutes), that sitting started.</summary>
    private async Task<(string Id, string Chair, DateTimeOffset End)> StartedHybridSitting()
    {
        var definition = Samples.Json(Samples.Wg2Wg3_2022);
        definition["sessions"]![0]!["format"] = "hybrid";
        var (id, chair, _) = await _api.CreateFromJsonAsync(definition.ToJsonString());
        var started = await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair); // the sample's Monday is not today
        var sitting = ApiAssert.Session(started, Am);
        // Opened years after its booked slot: interpretation was booked again, from the actual start.
        Assert.Equal(((DateTimeOffset)sitting["startedAt"]!).AddMinutes(120), (DateTimeOffset)sitting["interpretationEnd"]!);
        return (id, chair, (DateTimeOffset)sitting["interpretationEnd"]!);
    }

    private Task<ApiResponse> Extend(string id, string? key, string body, string? idempotencyKey = null, string session = Am) =>
        FloorApiTests.Send(_api, HttpMethod.Post, $"/api/meetings/{id}/sessions/{session}/extend", key, body, idempotencyKey);

    [Fact]
    public async Task The_chair_and_the_organizer_extend_and_the_end_of_interpretation_moves_with_a_log_entry()
    {
        var (id, chair, end) = await StartedHybridSitting();

        var byChair = await Extend(id, chair, """{"minutes": 10}""");
        Assert.True(byChair.Status == HttpStatusCode.OK, byChair.ToString());
        Assert.Equal(end.AddMinutes(10), (DateTimeOffset)ApiAssert.Session(byChair.Json, Am)["interpretationEnd"]!);
        Assert.Equal("\"2\"", byChair.ETag);

        var byOrganizer = await Extend(id, ServerProcess.TestOrganizerKey, """{"minutes": 5}""");
        Assert.True(byOrganizer.Status == HttpStatusCode.OK, byOrganizer.ToString());
        Assert.Equal(end.AddMinutes(15), (DateTimeOffset)ApiAssert.Session(byOrganizer.Json, Am)["interpretationEnd"]!);

        var log = (await _api.GetLogAsync(id)).Json.AsArray();
        var entries = log.Where(e => (string?)e!["action"] == "extend").ToList();
        Assert.Equal([("schedule", Am, "0", "10"), ("schedule", Am, "10", "5")],
            entries.Select(e => ((string)e!["subject"]!, (string)e["sessionId"]!, (string)e["from"]!, (string)e["to"]!)));
        Assert.StartsWith("interpretation extended by 10 minutes, from ", (string)entries[0]!["note"]!, StringComparison.Ordinal);
        Assert.Equal(("chair", "organizer"), ((string)entries[0]!["actor"]!["role"]!, (string)entries[1]!["actor"]!["role"]!));
        Assert.Equal(end.AddMinutes(15), (DateTimeOffset)ApiAssert.Session((await _api.GetMeetingAsync(id)).Json, Am)["interpretationEnd"]!);
    }

    [Fact]
    public async Task A_wrong_key_or_bad_minutes_are_refused_in_words_and_nothing_changes()
    {
        var (id, chair, end) = await StartedHybridSitting();
        var before = await _api.StateTextAsync(id);

        ApiAssert.Problem(await Extend(id, null, """{"minutes": 10}"""), HttpStatusCode.Unauthorized);
        ApiAssert.Problem(await Extend(id, "not-the-chair-key", """{"minutes": 10}"""), HttpStatusCode.Forbidden);

        var zero = ApiAssert.Problem(await Extend(id, chair, """{"minutes": 0}"""), HttpStatusCode.BadRequest);
        Assert.Equal("An extension is 1 to 60 minutes.", (string)zero["detail"]!);
        var hours = ApiAssert.Problem(await Extend(id, chair, """{"minutes": 600}"""), HttpStatusCode.BadRequest);
        Assert.Equal("An extension is 1 to 60 minutes.", (string)hours["detail"]!);
        var missing = ApiAssert.Problem(await Extend(id, chair, "{}"), HttpStatusCode.BadRequest);
        Assert.Contains(ApiAssert.Errors(missing), e => e.Path == "$.minutes");
        var words = ApiAssert.Problem(await Extend(id, chair, """{"minutes": "ten"}"""), HttpStatusCode.BadRequest);
        Assert.Contains("minutes", words.ToJsonString(), StringComparison.Ordinal);
        ApiAssert.Problem(await Extend(id, chair, """{"minutes": 10}""", session: "2022-05-23-pm"), HttpStatusCode.BadRequest); // in person: no cap
        ApiAssert.Problem(await Extend(id, chair, """{"minutes": 10}""", session: "no-such-sitting"), HttpStatusCode.NotFound);

        Assert.Equal(before, await _api.StateTextAsync(id));
        Assert.Equal(end, (DateTimeOffset)ApiAssert.Session((await _api.GetMeetingAsync(id)).Json, Am)["interpretationEnd"]!);
    }

    [Fact]
    public async Task A_resend_with_the_same_idempotency_key_replays_and_extends_once()
    {
        var (id, chair, end) = await StartedHybridSitting();

        var first = await Extend(id, chair, """{"minutes": 10}""", "extend-once");
        var again = await Extend(id, chair, """{"minutes": 10}""", "extend-once");

        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());
        Assert.True(again.Status == HttpStatusCode.OK, again.ToString());
        Assert.Equal(first.ETag, again.ETag);
        Assert.Equal("true", again.Header("Idempotent-Replayed"));
        Assert.Equal(end.AddMinutes(10), (DateTimeOffset)ApiAssert.Session((await _api.GetMeetingAsync(id)).Json, Am)["interpretationEnd"]!);
        Assert.Single((await _api.GetLogAsync(id)).Json.AsArray(), e => (string?)e!["action"] == "extend");
        // The same key for another extension is a different request: refused, not applied.
        ApiAssert.Problem(await Extend(id, chair, """{"minutes": 20}""", "extend-once"), HttpStatusCode.Conflict, "conflict");
        Assert.Equal(end.AddMinutes(10), (DateTimeOffset)ApiAssert.Session((await _api.GetMeetingAsync(id)).Json, Am)["interpretationEnd"]!);
    }
}
