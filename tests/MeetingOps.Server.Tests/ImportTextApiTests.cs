using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MeetingOps.Server.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests;

/// <summary>
/// The importer's and the translation import's words over HTTP: every warning, gap and refusal answers, beside its English
/// message, the phrase code and arguments a page translates (<c>text</c>), and a stored draft keeps them.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class ImportTextApiTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;

    private static string Sample(string name) => File.ReadAllText(Path.Combine(RepoFiles.SamplesFolder, name));

    private static string TranslationCorpus(string name) => RepoFiles.TranslationCorpus(name);

    private Task<ApiResponse> Post(string path, string text, string mediaType = "text/plain")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(text, Encoding.UTF8, mediaType) };
        request.Headers.ExpectContinue = true;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.TestOrganizerKey);
        return _api.SendAsync(request);
    }

    // The 2021 agenda with every year taken out: dates become a gap, and the organization of work's dates lose their year.
    private static string WithoutDates() =>
        string.Join('\n', Sample("ctoc-wg3-2021-annotated-agenda.txt").Split('\n')
            .Where(line => !System.Text.RegularExpressions.Regex.IsMatch(line, @"\b(19|20)\d\d\b")));

    private static void EachHasItsPhrase(JsonArray said)
    {
        Assert.NotEmpty(said);
        Assert.All(said, w => Assert.False(string.IsNullOrEmpty((string?)w!["text"]?["code"]), w!.ToJsonString()));
        Assert.All(said, w => Assert.False(string.IsNullOrEmpty((string?)w!["message"]), w!.ToJsonString()));
    }

    [Fact]
    public async Task A_preview_and_a_stored_draft_carry_each_warning_and_gap_as_a_phrase()
    {
        var preview = await Post("/api/meetings/import?dryRun=true", WithoutDates());
        Assert.True(preview.Status == HttpStatusCode.OK, preview.ToString());
        EachHasItsPhrase(preview.Json["warnings"]!.AsArray());
        EachHasItsPhrase(preview.Json["gaps"]!.AsArray());
        var dates = preview.Json["gaps"]!.AsArray().Single(g => (string?)g!["field"] == "dates")!;
        Assert.Equal("import.noDates", (string?)dates["text"]!["code"]);
        // The gap and the warning that say the same thing say it with the same phrase.
        Assert.Contains(preview.Json["warnings"]!.AsArray(), w => (string?)w!["text"]!["code"] == "import.noDates" && (string?)w["message"] == (string?)dates["message"]);
        Assert.Equal("import.gapVenue", (string?)preview.Json["gaps"]!.AsArray().Single(g => (string?)g!["field"] == "venue")!["text"]!["code"]);

        // The draft keeps its warnings, phrases included, through the grain's storage and back.
        var created = await Post("/api/meetings/import", WithoutDates());
        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        EachHasItsPhrase(created.Json["warnings"]!.AsArray());
        var stored = await _api.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/{(string)created.Json["id"]!}/definition")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.TestOrganizerKey) },
        });
        Assert.True(stored.Status == HttpStatusCode.OK, stored.ToString());
        EachHasItsPhrase(stored.Json["warnings"]!.AsArray());
        Assert.Equal(
            created.Json["warnings"]!.AsArray().Select(w => w!["text"]!.ToJsonString()),
            stored.Json["warnings"]!.AsArray().Select(w => w!["text"]!.ToJsonString()));
    }

    [Fact]
    public async Task A_refused_document_says_why_as_a_phrase()
    {
        var nothing = ApiAssert.Problem(await Post("/api/meetings/import", "Nothing in here looks like an agenda."), HttpStatusCode.UnprocessableEntity, "agenda-not-importable");
        Assert.Equal("import.noAgenda", (string?)nothing["text"]!["code"]);
        Assert.Equal("import.noAgenda", (string?)nothing["errors"]![0]!["text"]!["code"]);

        var json = ApiAssert.Problem(await Post("/api/meetings/import", "{}", "application/json"), HttpStatusCode.BadRequest);
        Assert.Equal(("import.wrongType", "application/json; charset=utf-8"), ((string?)json["text"]!["code"], (string?)json["text"]!["args"]!["type"]));

        var garbage = new byte[10_000];
        new Random(7).NextBytes(garbage);
        "%PDF-1.7\n"u8.CopyTo(garbage);
        var content = new ByteArrayContent(garbage) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings/import") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.TestOrganizerKey);
        var damaged = ApiAssert.Problem(await _api.SendAsync(request), HttpStatusCode.UnprocessableEntity, "agenda-file-not-readable");
        Assert.StartsWith("file.", (string?)damaged["text"]!["code"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translation_import_answers_its_warnings_and_refusals_as_phrases()
    {
        var created = await _api.CreateFromJsonAsync(TranslationCorpus("cac-cosp-irg-2015.meeting.json"));
        var french = TranslationCorpus("cac-cosp-irg-2015-1.fr.txt");

        var missing = await Post($"/api/meetings/{created.Id}/translations?lang=fr", french.Replace("5. Questions financières et budgétaires.\n", "", StringComparison.Ordinal));
        Assert.True(missing.Status == HttpStatusCode.OK, missing.ToString());
        var warning = Assert.Single(missing.Json["warnings"]!.AsArray())!;
        Assert.Equal("translation.noTitle", (string?)warning["text"]!["code"]);
        Assert.Equal(
            new Dictionary<string, string?> { ["number"] = "5", ["body"] = "irg", ["id"] = "financial-and-budgetary-matters", ["language"] = "fr" },
            warning["text"]!["args"]!.AsObject().ToDictionary(a => a.Key, a => (string?)a.Value));

        var otherSymbol = ApiAssert.Problem(await Post($"/api/meetings/{created.Id}/translations?lang=fr", french.Replace("IRG/2015/1", "IRG/2014/1", StringComparison.Ordinal)),
            HttpStatusCode.UnprocessableEntity, "translation-mismatch");
        Assert.Equal(("translation.symbolDiffers", "CAC/COSP/IRG/2015/1"), ((string?)otherSymbol["text"]!["code"], (string?)otherSymbol["text"]!["args"]!["symbol"]));

        var german = ApiAssert.Problem(await Post($"/api/meetings/{created.Id}/translations?lang=de", french), HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal(("translation.languageUnknown", "de"), ((string?)german["text"]!["code"], (string?)german["text"]!["args"]!["code"]));
    }
}
