using System.Net.Http.Headers;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>PUT /api/meetings/{id}/definition and POST /chair-key: amendments in the log, and every refusal changing nothing.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class DefinitionApiTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;
    private static string Organizer => ServerProcess.TestOrganizerKey;

    private Task<ApiResponse> Send(HttpMethod method, string path, string? key, HttpContent? content = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
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

    private async Task<(JsonObject Definition, string ETag)> Definition(string id)
    {
        var response = await Send(HttpMethod.Get, $"/api/meetings/{id}/definition", Organizer);
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return (response.Json["definition"]!.AsObject(), response.ETag!);
    }

    private Task<ApiResponse> Put(string id, JsonObject definition, string? ifMatch, string? key = null) =>
        Send(HttpMethod.Put, $"/api/meetings/{id}/definition", key ?? Organizer, MeetingOpsApi.JsonContent(definition.ToJsonString()), ifMatch);

    private static JsonObject FindItem(JsonObject definition, string id) =>
        Samples.FlattenItems(definition).Single(i => (string)i.Item["id"]! == id).Item;

    /// <summary>The definition without one agenda item (at any depth) and without its places in the sittings.</summary>
    private static JsonObject WithoutItem(JsonNode definition, string itemId)
    {
        var copy = definition.DeepClone().AsObject();
        void Remove(JsonArray? items)
        {
            foreach (var item in items?.ToList() ?? [])
            {
                if ((string)item!["id"]! == itemId)
                {
                    items!.Remove(item);
                }
                else
                {
                    Remove(item["subItems"]?.AsArray());
                }
            }
        }
        Remove(copy["items"]!.AsArray());
        foreach (var session in copy["sessions"]!.AsArray())
        {
            var planned = session!["items"]!.AsArray();
            foreach (var place in planned.Where(p => (string)p!["item"]! == itemId).ToList())
            {
                planned.Remove(place);
            }
        }
        return copy;
    }

    [Fact]
    public async Task Renaming_an_item_adding_a_late_document_and_a_sitting_is_one_version_with_an_amendment_each()
    {
        var created = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var (definition, etag) = await Definition(created.Id);
        Assert.Equal("\"0\"", etag);
        FindItem(definition, "other-matters")["title"] = "Other business";
        var transfer = FindItem(definition, "transfer-of-sentenced-persons");
        transfer["documents"] ??= new JsonArray();
        transfer["documents"]!.AsArray().Add(new JsonObject { ["symbols"] = new JsonArray("CTOC/COP/WG.3/2022/CRP.1"), ["title"] = "Conference room paper" });
        definition["sessions"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "2022-05-25-evening", ["start"] = "2022-05-25T18:00", ["end"] = "2022-05-25T20:00",
            ["bodies"] = new JsonArray("wg3"), ["items"] = new JsonArray(),
        });

        var put = await Put(created.Id, definition, etag);
        Assert.True(put.Status == HttpStatusCode.OK, put.ToString());
        Assert.Equal("\"1\"", put.ETag);

        var log = (await _api.GetLogAsync(created.Id)).Json.AsArray();
        Assert.All(log, e => Assert.Equal(1, (long)e!["version"]!));
        var actions = log.Select(e => ((string)e!["subject"]!, (string)e["action"]!, (string?)e["itemId"] ?? (string?)e["sessionId"])).ToList();
        Assert.Contains(("amendment", "item renamed", "other-matters"), actions);
        Assert.Contains(("amendment", "document added", "transfer-of-sentenced-persons"), actions);
        Assert.Contains(("amendment", "sitting added", "2022-05-25-evening"), actions);
        Assert.Equal(3, actions.Count);

        var snapshot = (await _api.GetMeetingAsync(created.Id)).Json;
        Assert.Equal("Other business", (string?)ApiAssert.Item(snapshot, "other-matters")["title"]);
        Assert.Equal(1, (long)snapshot["version"]!);
        ApiAssert.Session(snapshot, "2022-05-25-evening");
    }

    [Fact]
    public async Task A_stale_or_missing_If_Match_a_wrong_key_and_a_definition_with_problems_change_nothing()
    {
        var created = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var (definition, etag) = await Definition(created.Id);
        var before = await _api.StateTextAsync(created.Id);
        FindItem(definition, "other-matters")["title"] = "Other business";

        ApiAssert.Problem(await Put(created.Id, definition, null), HttpStatusCode.PreconditionRequired);
        ApiAssert.Problem(await Put(created.Id, definition, "\"7\""), HttpStatusCode.PreconditionFailed, "version-conflict");
        ApiAssert.Problem(await Put(created.Id, definition, "not-a-tag"), HttpStatusCode.BadRequest);
        ApiAssert.Problem(await Put(created.Id, definition, etag, created.ChairKey), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await Send(HttpMethod.Put, $"/api/meetings/{created.Id}/definition", null, MeetingOpsApi.JsonContent(definition.ToJsonString()), etag), HttpStatusCode.Unauthorized);
        ApiAssert.Problem(await Send(HttpMethod.Put, $"/api/meetings/{created.Id}/definition", Organizer, MeetingOpsApi.JsonContent("{\"title\": 3}"), etag), HttpStatusCode.BadRequest);

        var broken = definition.DeepClone().AsObject();
        broken.Remove("startDate");
        broken["sessions"]![0]!["bodies"] = new JsonArray("nobody");
        var problem = ApiAssert.Problem(await Put(created.Id, broken, etag), HttpStatusCode.UnprocessableEntity, "definition-has-problems");
        var paths = ApiAssert.Errors(problem).Select(e => e.Path).ToList();
        Assert.Contains("$.startDate", paths);
        Assert.Contains(paths, p => p.StartsWith("$.sessions[0].bodies", StringComparison.Ordinal));

        ApiAssert.Problem(await Put("nosuchmeeting", definition, etag), HttpStatusCode.NotFound);
        Assert.Equal(before, await _api.StateTextAsync(created.Id));
    }

    [Fact]
    public async Task Removing_an_item_that_was_taken_up_is_409_naming_it_and_nothing_changes_but_an_untouched_one_goes()
    {
        var created = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(created.Id, "sessions/2022-05-23-am/start?confirm=offDay", created.ChairKey);
        await _api.OkAsync(created.Id, "items/opening/open", created.ChairKey);
        var (definition, etag) = await Definition(created.Id);
        var before = await _api.StateTextAsync(created.Id);

        var withoutOpening = WithoutItem(definition, "opening");
        var problem = ApiAssert.Problem(await Put(created.Id, withoutOpening, etag), HttpStatusCode.Conflict);
        Assert.Contains("\"opening\"", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(before, await _api.StateTextAsync(created.Id));

        var moved = definition.DeepClone().AsObject();
        moved["sessions"]![0]!["start"] = "2022-05-23T09:30";
        var inProgress = ApiAssert.Problem(await Put(created.Id, moved, etag), HttpStatusCode.Conflict);
        Assert.Contains("in progress", (string)inProgress["detail"]!, StringComparison.Ordinal);
        Assert.Equal(before, await _api.StateTextAsync(created.Id));
    }

    [Fact]
    public async Task An_amendment_the_schedule_changes_no_longer_fit_is_409_listing_each_with_its_phrase()
    {
        var created = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var estimate = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{created.Id}/plan")
        {
            Content = MeetingOpsApi.JsonContent("""{"strategy": "fit", "estimates": {"other-matters": 30}}"""),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", created.ChairKey) },
        };
        var planned = await _api.SendAsync(estimate);
        Assert.True(planned.Status == HttpStatusCode.OK, planned.ToString());
        var (definition, etag) = await Definition(created.Id);
        var before = await _api.StateTextAsync(created.Id);

        // The re-plan estimated "other-matters"; the amendment takes the item off the agenda.
        var withoutItem = WithoutItem(definition, "other-matters");
        var problem = ApiAssert.Problem(await Put(created.Id, withoutItem, etag), HttpStatusCode.Conflict);
        Assert.Equal("amend.scheduleNoLongerFits", (string)problem["text"]!["code"]!);
        var error = Assert.Single(problem["errors"]!.AsArray())!;
        Assert.Equal("$.estimates.other-matters", (string)error["path"]!);
        Assert.Equal("item.notFound", (string)error["text"]!["code"]!);
        Assert.Equal("other-matters", (string)error["text"]!["args"]!["id"]!);
        Assert.Equal(before, await _api.StateTextAsync(created.Id));
    }

    [Fact]
    public async Task A_new_chair_key_works_and_the_old_one_is_refused()
    {
        var created = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{created.Id}/chair-key", created.ChairKey), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{created.Id}/chair-key", null), HttpStatusCode.Unauthorized);
        ApiAssert.Problem(await Send(HttpMethod.Post, "/api/meetings/nosuchmeeting/chair-key", Organizer), HttpStatusCode.NotFound);

        var rotated = await Send(HttpMethod.Post, $"/api/meetings/{created.Id}/chair-key", Organizer);
        Assert.True(rotated.Status == HttpStatusCode.OK, rotated.ToString());
        var newKey = (string)rotated.Json["chairKey"]!;
        Assert.NotEqual(created.ChairKey, newKey);

        ApiAssert.Problem(await _api.CommandAsync(created.Id, "sessions/2022-05-23-am/start?confirm=offDay", created.ChairKey), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await _api.CommandAsync(created.Id, "sessions/2022-05-23-am/start?confirm=offDay", newKey)).Status);
    }
}

/// <summary>DELETE /api/meetings/{id}: a draft goes, a live meeting is archived with its records kept.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class ArchiveTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;
    private static string Organizer => ServerProcess.TestOrganizerKey;

    private Task<ApiResponse> Delete(string id, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/meetings/{id}");
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return _api.SendAsync(request);
    }

    [Fact]
    public async Task An_archived_meeting_leaves_the_list_refuses_commands_and_keeps_its_records()
    {
        var created = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(created.Id, "sessions/2022-05-23-am/start?confirm=offDay", created.ChairKey);
        ApiAssert.Problem(await Delete(created.Id, created.ChairKey), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await Delete(created.Id, null), HttpStatusCode.Unauthorized);
        Assert.Contains(created.Id, await _api.ListTextAsync());

        var archived = await Delete(created.Id, Organizer);
        Assert.True(archived.Status == HttpStatusCode.OK, archived.ToString());
        Assert.Equal("archived", (string?)archived.Json["status"]);
        Assert.Equal(HttpStatusCode.OK, (await Delete(created.Id, Organizer)).Status);

        Assert.DoesNotContain(created.Id, await _api.ListTextAsync());
        var snapshot = await _api.GetMeetingAsync(created.Id);
        Assert.Equal(HttpStatusCode.OK, snapshot.Status);
        Assert.True((bool)snapshot.Json["archived"]!);
        // The start and the archiving, each under its own version (an open page applies the archiving's push).
        var log = (await _api.GetLogAsync(created.Id)).Json.AsArray();
        Assert.Equal(["start", "archive"], log.Select(e => (string)e!["action"]!));
        Assert.Equal(2, (long)snapshot.Json["version"]!);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/meetings/{created.Id}/log?format=csv")).Status);
        ApiAssert.Problem(await _api.CommandAsync(created.Id, "items/opening/open", created.ChairKey), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_deleted_draft_is_gone()
    {
        var response = await _api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/meetings?draft=true")
        {
            Content = MeetingOpsApi.JsonContent(Samples.Text(Samples.Wg2Wg3_2022)),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Organizer) },
        });
        var id = (string)response.Json["id"]!;
        var deleted = await Delete(id, Organizer);
        Assert.Equal("deleted", (string?)deleted.Json["status"]);
        ApiAssert.Problem(await _api.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/{id}/definition")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Organizer) },
        }), HttpStatusCode.NotFound);
        ApiAssert.Problem(await Delete(id, Organizer), HttpStatusCode.NotFound);
        ApiAssert.Problem(await Delete("nosuchmeeting", Organizer), HttpStatusCode.NotFound);
    }
}
