using System.Net.Http.Headers;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>
/// The secretariat's routes with bad input that the other workspace tests leave out: a draft edited from a stale
/// version or published with a wrong key, an archived meeting edited, rotated or deleted again, an unknown meeting;
/// and the share card's QR code. Every refusal changes nothing, checked against the stored text before and after.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class WorkspaceRouteTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;
    private static string Organizer => ServerProcess.TestOrganizerKey;

    private Task<ApiResponse> Send(HttpMethod method, string path, string? key, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : MeetingOpsApi.JsonContent(json) };
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

    /// <summary>The draft as the secretariat sees it, exactly as sent (definition, version, status).</summary>
    private async Task<string> DraftTextAsync(string id)
    {
        var response = await Send(HttpMethod.Get, $"/api/meetings/{id}/definition", Organizer);
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return response.Body;
    }

    private async Task<(string Id, string ChairKey, JsonObject Definition)> CreateDraftAsync()
    {
        var definition = Samples.Json(Samples.Wg2Wg3_2022);
        definition.Remove("startDate");
        var response = await Send(HttpMethod.Post, "/api/meetings?draft=true", Organizer, definition.ToJsonString());
        Assert.True(response.Status == HttpStatusCode.Created, response.ToString());
        return ((string)response.Json["id"]!, (string)response.Json["chairKey"]!, definition);
    }

    [Fact]
    public async Task A_draft_edited_from_a_stale_version_with_a_wrong_key_or_without_If_Match_or_published_by_the_chair_changes_nothing()
    {
        var (id, chairKey, definition) = await CreateDraftAsync();
        definition["title"] = "Renamed in a second tab";
        var saved = await Send(HttpMethod.Put, $"/api/meetings/{id}/definition", Organizer, definition.ToJsonString(), "\"0\"");
        Assert.True(saved.Status == HttpStatusCode.OK, saved.ToString());
        var before = await DraftTextAsync(id);

        definition["title"] = "Renamed from the first tab, which still holds version 0";
        ApiAssert.Problem(await Send(HttpMethod.Put, $"/api/meetings/{id}/definition", Organizer, definition.ToJsonString(), "\"0\""),
            HttpStatusCode.PreconditionFailed, "version-conflict");
        ApiAssert.Problem(await Send(HttpMethod.Put, $"/api/meetings/{id}/definition", Organizer, definition.ToJsonString()), HttpStatusCode.PreconditionRequired);
        ApiAssert.Problem(await Send(HttpMethod.Put, $"/api/meetings/{id}/definition", chairKey, definition.ToJsonString(), "\"1\""), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await Send(HttpMethod.Put, $"/api/meetings/{id}/definition", Organizer, "{\"title\": [", "\"1\""), HttpStatusCode.BadRequest);
        ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/publish", chairKey), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/publish", null), HttpStatusCode.Unauthorized);
        // Published with its gap: 422, each problem with its path, and it stays a draft.
        var problem = ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/publish", Organizer), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(ApiAssert.Errors(problem), e => e.Path == "$.startDate");
        ApiAssert.Problem(await Send(HttpMethod.Delete, $"/api/meetings/{id}", chairKey), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/chair-key", chairKey), HttpStatusCode.Forbidden);

        Assert.Equal(before, await DraftTextAsync(id));
        Assert.DoesNotContain(id, await _api.ListTextAsync());
        ApiAssert.Problem(await _api.GetAsync($"/api/meetings/{id}/follow-qr.svg"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_archived_meeting_refuses_edits_and_a_new_chair_key_and_keeps_its_record()
    {
        var created = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var workspace = await Send(HttpMethod.Get, $"/api/meetings/{created.Id}/definition", Organizer);
        var definition = workspace.Json["definition"]!.AsObject();
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Delete, $"/api/meetings/{created.Id}", Organizer)).Status);
        var before = await _api.StateTextAsync(created.Id);
        var etag = (await Send(HttpMethod.Get, $"/api/meetings/{created.Id}/definition", Organizer)).ETag!;

        definition["title"] = "Renamed after the meeting was archived";
        ApiAssert.Problem(await Send(HttpMethod.Put, $"/api/meetings/{created.Id}/definition", Organizer, definition.ToJsonString(), etag), HttpStatusCode.Conflict);
        ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{created.Id}/announcements", Organizer, "{\"text\": \"Too late\"}"), HttpStatusCode.Conflict);

        Assert.Equal(before, await _api.StateTextAsync(created.Id));
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/meetings/{created.Id}/report")).Status);
    }

    [Fact]
    public async Task The_workspace_routes_of_an_unknown_meeting_are_404_of_a_malformed_id_400_and_without_a_key_401()
    {
        foreach (var (id, status) in new[] { ("nosuchmeeting", HttpStatusCode.NotFound), ("NOT-AN-ID", HttpStatusCode.BadRequest) })
        {
            ApiAssert.Problem(await Send(HttpMethod.Get, $"/api/meetings/{id}/definition", Organizer), status);
            ApiAssert.Problem(await Send(HttpMethod.Put, $"/api/meetings/{id}/definition", Organizer, Samples.Text(Samples.Wg2Wg3_2022), "\"0\""), status);
            ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/publish", Organizer), status);
            ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/chair-key", Organizer), status);
            ApiAssert.Problem(await Send(HttpMethod.Delete, $"/api/meetings/{id}", Organizer), status);
            ApiAssert.Problem(await _api.GetAsync($"/api/meetings/{id}/follow-qr.svg"), status);
        }
        // A malformed id says nothing of which meetings there are: it is refused (400, naming it) whatever the key.
        var malformed = ApiAssert.Problem(await Send(HttpMethod.Delete, "/api/meetings/NOT-AN-ID", null), HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal("\"NOT-AN-ID\" is not a meeting id: 1–64 lowercase letters, digits or '-'.", (string?)malformed["detail"]);
        // The key is asked for before the id is looked at, so ids cannot be probed without it.
        ApiAssert.Problem(await Send(HttpMethod.Delete, "/api/meetings/nosuchmeeting", null), HttpStatusCode.Unauthorized);
        ApiAssert.Problem(await Send(HttpMethod.Post, "/api/meetings/nosuchmeeting/chair-key", "wrong-key"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_share_card_QR_code_of_a_live_meeting_is_an_SVG_that_scales_and_changes_nothing()
    {
        var created = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var before = await _api.StateTextAsync(created.Id);

        var qr = await _api.GetAsync($"/api/meetings/{created.Id}/follow-qr.svg");

        Assert.Equal(HttpStatusCode.OK, qr.Status);
        Assert.Equal("image/svg+xml", qr.ContentHeaders.ContentType?.MediaType);
        Assert.StartsWith("<svg", qr.Body.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("viewBox=", qr.Body, StringComparison.Ordinal);
        Assert.Equal(before, await _api.StateTextAsync(created.Id));
    }
}
