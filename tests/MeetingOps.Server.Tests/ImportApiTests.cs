using System.Net.Http.Headers;
using System.Text;
using MeetingOps.Server.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests;

/// <summary>POST /api/meetings/import over real HTTP: the agenda document's text in, a meeting ready to run out.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class ImportApiTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;

    private static string Document(string name) => File.ReadAllText(Path.Combine(RepoFiles.SamplesFolder, name));

    private Task<ApiResponse> Import(string text, string? key, string query = "", string mediaType = "text/plain")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings/import" + query) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
        // As a careful client does with a big upload: wait for the server's go-ahead before sending the body.
        // Without it a refusal (401, 413) can close the connection while the client is still writing,
        // and the client sees a broken pipe instead of the answer.
        request.Headers.ExpectContinue = true;
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return _api.SendAsync(request);
    }

    // The 2021 agenda's cover and items with every date taken out: what an officer holds before the dates are fixed.
    private static string WithoutDates() =>
        string.Join('\n', Document("ctoc-wg3-2021-annotated-agenda.txt").Split('\n')
            .Where(line => !System.Text.RegularExpressions.Regex.IsMatch(line, @"\b(19|20)\d\d\b")));

    [Fact]
    public async Task An_agenda_without_dates_is_previewed_with_its_gaps_and_imported_as_a_draft_nobody_else_sees()
    {
        var text = WithoutDates();
        var preview = await Import(text, ServerProcess.TestOrganizerKey, "?dryRun=true");
        Assert.True(preview.Status == HttpStatusCode.OK, preview.ToString());
        Assert.Contains(preview.Json["gaps"]!.AsArray(), g => (string?)g!["field"] == "dates");
        Assert.NotEmpty(preview.Json["definition"]!["items"]!.AsArray());

        var before = await _api.ListTextAsync();
        var created = await Import(text, ServerProcess.TestOrganizerKey);
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        Assert.Equal("draft", (string?)created.Json["status"]);
        var id = (string)created.Json["id"]!;
        // The importer's stand-in days are not taken for facts: the draft has no dates until the officer enters them.
        Assert.Null(created.Json["definition"]!["startDate"]);
        Assert.NotEmpty(created.Json["definition"]!["items"]!.AsArray());
        Assert.Equal(before, await _api.ListTextAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/{id}"))).Status);
    }

    [Fact]
    public async Task A_dry_run_returns_the_definition_and_creates_nothing()
    {
        var before = await _api.ListTextAsync();

        var response = await Import(Document("ctoc-wg3-2021-annotated-agenda.txt"), ServerProcess.TestOrganizerKey, "?dryRun=true");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var definition = response.Json["definition"]!;
        Assert.Equal("Europe/Vienna", (string?)definition["timeZone"]);
        Assert.Equal(4, definition["sessions"]!.AsArray().Count);
        Assert.NotNull(response.Json["warnings"]!.AsArray());
        Assert.Equal(before, await _api.ListTextAsync());
    }

    [Fact]
    public async Task An_imported_meeting_is_created_and_runs_through_the_core_API()
    {
        var response = await Import(Document("ctoc-wg2-wg3-2022-annotated-agenda.txt"), ServerProcess.TestOrganizerKey);

        Assert.Equal(HttpStatusCode.Created, response.Status);
        var id = (string)response.Json["id"]!;
        var chair = (string)response.Json["chairKey"]!;
        Assert.Equal(["wg3", "wg2"], response.Json["meeting"]!["bodies"]!.AsArray().Select(b => (string?)b!["id"]));
        await _api.OkAsync(id, "sessions/2022-05-23-am/start?confirm=offDay", chair);
        var opened = await _api.OkAsync(id, "items/opening/open", chair);
        Assert.Equal("opening", (string?)opened["currentItemId"]);
    }

    [Fact]
    public async Task Bad_documents_and_missing_keys_are_refused_with_problems()
    {
        var before = await _api.ListTextAsync();

        ApiAssert.Problem(await Import("anything", null), HttpStatusCode.Unauthorized);
        ApiAssert.Problem(await Import("anything", "not-the-key"), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await Import("{}", ServerProcess.TestOrganizerKey, mediaType: "application/json"), HttpStatusCode.BadRequest);
        ApiAssert.Problem(await Import("Nothing in here looks like an agenda.", ServerProcess.TestOrganizerKey), HttpStatusCode.UnprocessableEntity);
        ApiAssert.Problem(await Import(new string('x', 2 * 1024 * 1024 + 10), ServerProcess.TestOrganizerKey), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, await _api.ListTextAsync());
    }
}
