using System.Net.Http.Headers;
using System.Text;
using MeetingOps.Server.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests;

/// <summary>
/// POST /api/meetings/{id}/translations with the French text of CAC/COSP/IRG/2015/1 as published: the French titles
/// become one amendment (one version); a text with another symbol or in no known language changes nothing.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class TranslationsApiTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;

    private static string Corpus(string name) => RepoFiles.TranslationCorpus(name);

    private Task<ApiResponse> PostText(string id, string lang, string text, string? key = ServerProcess.TestOrganizerKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{id}/translations?lang={lang}")
        {
            Content = new StringContent(text, Encoding.UTF8, "text/plain"),
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return _api.SendAsync(request);
    }

    [Fact]
    public async Task The_French_agenda_adds_its_titles_as_one_amendment_under_one_new_version()
    {
        var created = await _api.CreateFromJsonAsync(Corpus("cac-cosp-irg-2015.meeting.json"));

        var response = await PostText(created.Id, "fr", Corpus("cac-cosp-irg-2015-1.fr.txt"));

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.Equal(("fr", "CAC/COSP/IRG/2015/1", 10, 10, 1L), ((string?)response.Json["language"], (string?)response.Json["symbol"],
            (int)response.Json["matched"]!, (int)response.Json["added"]!, (long)response.Json["version"]!));
        Assert.Equal(["irg"], response.Json["bodyIds"]!.AsArray().Select(b => (string)b!));
        Assert.Empty(response.Json["warnings"]!.AsArray());
        var snapshot = (await _api.GetMeetingAsync(created.Id)).Json;
        Assert.Equal(1L, (long)snapshot["version"]!);
        var other = snapshot["items"]!.AsArray().Single(i => (string)i!["id"]! == "other-matters")!;
        Assert.Equal("Other matters", (string?)other["title"]);
        Assert.Equal("Autres questions", (string?)other["titles"]!["fr"]);
        var entry = Assert.Single((await _api.GetLogAsync(created.Id)).Json.AsArray());
        Assert.Equal("titles translated", (string?)entry!["action"]);
        Assert.Contains("French: 10 of 10 item titles", (string?)entry["to"], StringComparison.Ordinal);

        // The same text again changes nothing: no new version, no log entry.
        var again = await PostText(created.Id, "fr", Corpus("cac-cosp-irg-2015-1.fr.txt"));
        Assert.Equal((0, 1L), ((int)again.Json["added"]!, (long)again.Json["version"]!));
        Assert.Single((await _api.GetLogAsync(created.Id)).Json.AsArray());
    }

    [Fact]
    public async Task A_missing_item_comes_back_as_a_warning_with_the_rest_added()
    {
        var created = await _api.CreateFromJsonAsync(Corpus("cac-cosp-irg-2015.meeting.json"));
        var text = Corpus("cac-cosp-irg-2015-1.fr.txt").Replace("5. Questions financières et budgétaires.\n", "", StringComparison.Ordinal);

        var response = await PostText(created.Id, "fr", text);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(9, (int)response.Json["added"]!);
        var warning = Assert.Single(response.Json["warnings"]!.AsArray());
        Assert.Contains("Item 5 of irg (financial-and-budgetary-matters) has no French title", (string?)warning!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_symbol_is_422_and_a_language_outside_the_five_is_400_and_neither_changes_anything()
    {
        var created = await _api.CreateFromJsonAsync(Corpus("cac-cosp-irg-2015.meeting.json"));
        var before = await _api.StateTextAsync(created.Id);

        var otherSymbol = await PostText(created.Id, "fr", Corpus("cac-cosp-irg-2015-1.fr.txt").Replace("IRG/2015/1", "IRG/2014/1", StringComparison.Ordinal));
        var problem = ApiAssert.Problem(otherSymbol, HttpStatusCode.UnprocessableEntity, "translation-mismatch");
        Assert.Contains("CAC/COSP/IRG/2014/1", (string?)problem["detail"], StringComparison.Ordinal);

        var german = await PostText(created.Id, "de", Corpus("cac-cosp-irg-2015-1.fr.txt"));
        ApiAssert.Problem(german, HttpStatusCode.BadRequest, "bad-request");

        var noKey = await PostText(created.Id, "fr", Corpus("cac-cosp-irg-2015-1.fr.txt"), key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.Status);

        Assert.Equal(before, await _api.StateTextAsync(created.Id));
    }
}
