using System.Net;
using System.Text.Json.Nodes;
using MeetingOps.Server.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests;

/// <summary>
/// The floor's, the delegations' and the announcements' refusals over real HTTP carry their phrase (text: code and
/// args) beside the English detail, so the pages can say them in the viewer's language; the detail is unchanged.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SharedServerCollection.Name)]
public sealed class FloorServerTextApiTests(SharedServer shared)
{
    private const string Item = "transfer-of-sentenced-persons";

    private readonly MeetingOpsApi _api = shared.Api;

    private static void Says(JsonNode problem, string code, params (string Name, string Value)[] args)
    {
        var text = problem["text"];
        Assert.True(text is not null, $"no text in {problem.ToJsonString()}");
        Assert.Equal(code, (string?)text["code"]);
        var given = text["args"]!.AsObject().ToDictionary(a => a.Key, a => (string?)a.Value);
        Assert.Equal(args.ToDictionary(a => a.Name, a => (string?)a.Value), given);
    }

    private Task<ApiResponse> Floor(string id, string action, string? key, string? json = null) =>
        FloorApiTests.Send(_api, HttpMethod.Post, $"/api/meetings/{id}/items/{Item}/floor/{action}", key, json);

    [Fact]
    public async Task A_floor_refusal_names_its_phrase_the_delegation_and_the_kind()
    {
        var (id, chair, keys) = await FloorApiTests.MeetingWithDelegations(_api, "brazil");
        Assert.Equal(HttpStatusCode.OK, (await Floor(id, "requests", keys["brazil"], """{"kind": "rightOfReply"}""")).Status);

        var twice = ApiAssert.Problem(await Floor(id, "requests", keys["brazil"], """{"kind": "rightOfReply"}"""), HttpStatusCode.Conflict);
        Says(twice, "floor.alreadyRequested", ("delegation", "brazil"), ("kind", "rightOfReply"));
        Assert.Equal("Brazil already has a request for the right of reply on this item.", (string?)twice["detail"]);

        Says(ApiAssert.Problem(await Floor(id, "next", keys["brazil"]), HttpStatusCode.Forbidden), "floor.delegationKeyOnly");
        Says(ApiAssert.Problem(await Floor(id, "pause", chair), (HttpStatusCode)422), "floor.nobodySpeaking");
        Says(ApiAssert.Problem(await Floor(id, "give", chair, """{"delegation": "atlantis"}"""), HttpStatusCode.NotFound), "delegation.notFound", ("delegation", "atlantis"));
        Says(ApiAssert.Problem(await Floor(id, "shout", chair), HttpStatusCode.BadRequest), "floor.unknownAction", ("action", "shout"));
        Says(ApiAssert.Problem(await Floor(id, "next", chair, "[1]"), HttpStatusCode.BadRequest), "floor.bodyShape");
        Says(ApiAssert.Problem(await Floor(id, "next", "not-a-key"), HttpStatusCode.Forbidden), "floor.notMeetingKey");
        Says(ApiAssert.Problem(await Floor(id, "next", null), HttpStatusCode.Unauthorized), "floor.keyRequired");
        Says(ApiAssert.Problem(await _api.GetAsync($"/api/meetings/{id}/items/nine/floor"), HttpStatusCode.NotFound), "floor.noSuchItem", ("id", id), ("item", "nine"));
        Says(ApiAssert.Problem(await FloorApiTests.Send(_api, HttpMethod.Post, $"/api/meetings/{id}/delegations/atlantis/key", ServerProcess.TestOrganizerKey),
            HttpStatusCode.NotFound), "delegation.notFound", ("delegation", "atlantis"));
        Says(ApiAssert.Problem(await FloorApiTests.Send(_api, HttpMethod.Put, $"/api/meetings/{id}/delegations", ServerProcess.TestOrganizerKey,
            """{"delegations": [{"id": "x", "name": "X", "kind": "ngo"}, {"id": "x", "name": "Y", "kind": "ngo"}]}"""), HttpStatusCode.BadRequest), "delegations.problems");
        var badList = ApiAssert.Problem(await FloorApiTests.Send(_api, HttpMethod.Put, $"/api/meetings/{id}/delegations", ServerProcess.TestOrganizerKey,
            """{"delegations": [{"id": "x", "name": "X", "kind": "ngo"}, {"id": "x", "name": "Y", "kind": "ngo"}], "statementLimitSeconds": 5}"""), HttpStatusCode.BadRequest);
        var errors = badList["errors"]!.AsArray();
        Assert.Equal(["$.delegations[1].id", "$.statementLimitSeconds"], errors.Select(e => (string?)e!["path"]));
        Says(errors[0]!, "delegations.idTwice", ("id", "x"));
        Says(errors[1]!, "delegations.limitRange", ("minSeconds", "10"), ("maxSeconds", "3600"));
    }

    [Fact]
    public async Task A_delegation_sending_too_fast_is_told_the_pace_in_its_phrase()
    {
        var (id, _, keys) = await FloorApiTests.MeetingWithDelegations(_api, "chile");
        // One after another, well within the host's per-key burst: the floor grain's own pace for a delegation answers.
        ApiResponse? throttled = null;
        for (var i = 0; i < 12 && throttled is null; i++)
        {
            var answer = await Floor(id, i % 2 == 0 ? "requests" : "withdraw", keys["chile"], """{"kind": "statement"}""");
            throttled = answer.Status == HttpStatusCode.TooManyRequests ? answer : null;
        }
        Assert.NotNull(throttled);
        Says(ApiAssert.Problem(throttled, HttpStatusCode.TooManyRequests), "floor.tooMany", ("count", "5"), ("intervalSeconds", "2"));
    }

    [Fact]
    public async Task An_announcement_refused_names_its_phrase()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var empty = await FloorApiTests.Send(_api, HttpMethod.Post, $"/api/meetings/{id}/announcements", chair, """{"text": "   "}""");
        Says(ApiAssert.Problem(empty, HttpStatusCode.BadRequest), "announcement.textEmpty");
        var tooLong = await FloorApiTests.Send(_api, HttpMethod.Post, $"/api/meetings/{id}/announcements", chair,
            new JsonObject { ["text"] = new string('x', 301) }.ToJsonString());
        Says(ApiAssert.Problem(tooLong, HttpStatusCode.BadRequest), "announcement.tooLong", ("max", "300"), ("count", "301"));
        Says(ApiAssert.Problem(await FloorApiTests.Send(_api, HttpMethod.Delete, $"/api/meetings/{id}/announcements/abc", chair), HttpStatusCode.NotFound),
            "announcement.notFound", ("id", "abc"));
        Says(ApiAssert.Problem(await FloorApiTests.Send(_api, HttpMethod.Delete, $"/api/meetings/{id}/announcements/99", chair), HttpStatusCode.NotFound),
            "announcement.notFound", ("id", "99"));
    }
}
