using System.Net.Http.Headers;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>Drafts: POST /api/meetings?draft=true, GET /definition, POST /publish; seen only with the organizer key.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class DraftTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;
    private static string Organizer => ServerProcess.TestOrganizerKey;

    private static JsonObject WithoutDates()
    {
        var definition = Samples.Json(Samples.Wg2Wg3_2022);
        definition.Remove("startDate");
        definition.Remove("endDate");
        return definition;
    }

    private Task<ApiResponse> Send(HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return _api.SendAsync(request);
    }

    private async Task<(string Id, string ChairKey, JsonNode Body)> CreateDraft(JsonObject definition)
    {
        var response = await Send(HttpMethod.Post, "/api/meetings?draft=true", Organizer, MeetingOpsApi.JsonContent(definition.ToJsonString()));
        Assert.True(response.Status == HttpStatusCode.Created, $"Creating a draft: expected 201, got {response}");
        var body = response.Json;
        return ((string)body["id"]!, (string)body["chairKey"]!, body);
    }

    [Fact]
    public async Task A_definition_without_dates_is_stored_as_a_draft_with_what_publishing_would_refuse()
    {
        var (id, chairKey, body) = await CreateDraft(WithoutDates());

        Assert.Equal("draft", (string?)body["status"]);
        Assert.False(string.IsNullOrEmpty(chairKey));
        Assert.Equal($"/secretariat/{id}", (string?)body["links"]!["secretariat"]);
        var paths = body["problems"]!.AsArray().Select(p => (string)p!["path"]!).ToList();
        Assert.Contains("$.startDate", paths);
        Assert.Contains("$.endDate", paths);
        Assert.Null(body["definition"]!["startDate"]);
    }

    [Fact]
    public async Task A_draft_is_not_listed_and_answers_404_to_the_public_and_its_definition_needs_the_organizer_key()
    {
        var (id, chairKey, _) = await CreateDraft(WithoutDates());

        Assert.DoesNotContain(id, await _api.ListTextAsync());
        ApiAssert.Problem(await _api.GetMeetingAsync(id), HttpStatusCode.NotFound);
        ApiAssert.Problem(await _api.GetLogAsync(id), HttpStatusCode.NotFound);
        ApiAssert.Problem(await _api.GetAsync($"/api/meetings/{id}/schedule"), HttpStatusCode.NotFound);
        ApiAssert.Problem(await _api.CommandAsync(id, "sessions/2022-05-23-am/start?confirm=offDay", chairKey), HttpStatusCode.NotFound);
        ApiAssert.Problem(await Send(HttpMethod.Get, $"/api/meetings/{id}/definition", null), HttpStatusCode.Unauthorized);
        ApiAssert.Problem(await Send(HttpMethod.Get, $"/api/meetings/{id}/definition", chairKey), HttpStatusCode.Forbidden);

        var definition = await Send(HttpMethod.Get, $"/api/meetings/{id}/definition", Organizer);
        Assert.Equal(HttpStatusCode.OK, definition.Status);
        Assert.Equal("\"0\"", definition.ETag);
        Assert.Equal("draft", (string?)definition.Json["status"]);
    }

    [Fact]
    public async Task Publishing_a_draft_with_gaps_answers_422_with_each_problem_and_its_path_and_it_stays_a_draft()
    {
        var (id, _, _) = await CreateDraft(WithoutDates());

        ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/publish", null), HttpStatusCode.Unauthorized);
        ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/publish", "not-the-key"), HttpStatusCode.Forbidden);
        var problem = ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/publish", Organizer), HttpStatusCode.UnprocessableEntity);
        var paths = ApiAssert.Errors(problem).Select(e => e.Path).ToList();
        Assert.Contains("$.startDate", paths);
        Assert.Contains("$.endDate", paths);

        ApiAssert.Problem(await _api.GetMeetingAsync(id), HttpStatusCode.NotFound);
        var definition = await Send(HttpMethod.Get, $"/api/meetings/{id}/definition", Organizer);
        Assert.Equal("draft", (string?)definition.Json["status"]);
        Assert.DoesNotContain(id, await _api.ListTextAsync());
    }

    [Fact]
    public async Task A_complete_draft_publishes_into_a_listed_followable_meeting_whose_chair_key_works()
    {
        var (id, chairKey, body) = await CreateDraft(Samples.Json(Samples.Wg2Wg3_2022));
        Assert.Empty(body["problems"]!.AsArray());

        var published = await Send(HttpMethod.Post, $"/api/meetings/{id}/publish", Organizer);
        Assert.True(published.Status == HttpStatusCode.OK, published.ToString());
        Assert.Equal("live", (string?)published.Json["status"]);
        Assert.Equal(id, (string?)published.Json["meeting"]!["id"]);

        Assert.Equal(HttpStatusCode.OK, (await _api.GetMeetingAsync(id)).Status);
        Assert.Contains(id, await _api.ListTextAsync());
        Assert.Equal(HttpStatusCode.OK, (await _api.CommandAsync(id, "sessions/2022-05-23-am/start?confirm=offDay", chairKey)).Status);

        // Publishing again finds it live: harmless, same answer.
        var again = await Send(HttpMethod.Post, $"/api/meetings/{id}/publish", Organizer);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("live", (string?)again.Json["status"]);
    }

    [Fact]
    public async Task A_draft_needs_the_organizer_key_and_the_definitions_shape()
    {
        ApiAssert.Problem(await Send(HttpMethod.Post, "/api/meetings?draft=true", null, MeetingOpsApi.JsonContent(WithoutDates().ToJsonString())), HttpStatusCode.Unauthorized);
        ApiAssert.Problem(await Send(HttpMethod.Post, "/api/meetings?draft=true", "wrong", MeetingOpsApi.JsonContent(WithoutDates().ToJsonString())), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await Send(HttpMethod.Post, "/api/meetings?draft=true", Organizer, MeetingOpsApi.JsonContent("[1,2]")), HttpStatusCode.BadRequest);
        var wrongShape = WithoutDates();
        wrongShape["unknownField"] = 1;
        ApiAssert.Problem(await Send(HttpMethod.Post, "/api/meetings?draft=true", Organizer, MeetingOpsApi.JsonContent(wrongShape.ToJsonString())), HttpStatusCode.BadRequest);
        ApiAssert.Problem(await Send(HttpMethod.Get, "/api/meetings/nosuchmeeting/definition", Organizer), HttpStatusCode.NotFound);
        ApiAssert.Problem(await Send(HttpMethod.Post, "/api/meetings/nosuchmeeting/publish", Organizer), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Creating_a_live_meeting_without_dates_is_still_refused_with_the_paths()
    {
        var response = await _api.PostDefinitionAsync(WithoutDates().ToJsonString(), Organizer);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }
}
