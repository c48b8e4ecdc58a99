using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeetingOps.Live.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The secretariat chooses the agenda as issued (a .docx or a PDF of the 2022 sample, written by the test) on the home
/// page, on the office laptop and on a phone: the file is sent as it is, previewed with what the importer was unsure
/// of, and the meeting created from it; a damaged file shows the server's reason in words and the page carries on.
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class ImportFilePageTests(LiveFixture fixture)
{
    private const string Agenda2022 = "ctoc-wg2-wg3-2022-annotated-agenda.txt";
    private const string Title2022 =
        "Thirteenth meetings of the Working Group on International Cooperation and the Working Group of Government Experts on Technical Assistance";
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The office laptop's screen and a phone's.</summary>
    private static readonly (int Width, int Height) Laptop = (1366, 768);

    private static (string MimeType, byte[] Bytes) Document(string name)
    {
        var text = RepoFiles.Sample(Agenda2022);
        return name.EndsWith(".pdf", StringComparison.Ordinal)
            ? ("application/pdf", AgendaDocuments.Pdf(text))
            : (WordType, AgendaDocuments.Word(text));
    }

    /// <summary>What the server answers for these bytes sent as the page sends them (octet-stream, a dry run).</summary>
    private async Task<(HttpStatusCode Status, JsonNode Body)> DryRunAsync(byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings/import?dryRun=true") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LiveServer.OrganizerKey);
        using var response = await fixture.Server.Http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static async Task ChooseAsync(IPage home, string name, string mimeType, byte[] bytes)
    {
        await home.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = mimeType, Buffer = bytes });
        await Expect(home.Locator("#import-text")).ToHaveValueAsync(new Regex($"^{Regex.Escape(name)} \\(\\d+ KB\\) will be sent as it is"));
    }

    public static TheoryData<string, bool> Files => new()
    {
        { "agenda.docx", false },
        { "agenda.pdf", false },
        { "agenda.docx", true },
        { "agenda.pdf", true },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task A_word_or_pdf_file_chosen_on_the_home_page_is_previewed_with_its_warnings_then_created(string name, bool phone)
    {
        var (mimeType, bytes) = Document(name);
        // The preview must show exactly the warnings the server gives for this file, each with its line: said from their
        // phrases by the English catalogue, which prints quotes and apostrophes typographically.
        var (status, expected) = await DryRunAsync(bytes);
        Assert.True(status == HttpStatusCode.OK, expected.ToJsonString());
        static string Typographic(string message) => Regex.Replace(message, "\"([^\"]*)\"", "\u201c$1\u201d").Replace('\'', '\u2019');
        var warnings = expected["warnings"]!.AsArray()
            .Select(w => Typographic((int)w!["line"]! > 0 ? $"Line {(int)w["line"]!}: {(string)w["message"]!}" : (string)w["message"]!))
            .ToArray();
        var definition = expected["definition"]!;
        var items = definition["items"]!.AsArray().Count;
        var sessions = definition["sessions"]!.AsArray().Count;
        // The 2022 sample: two working groups meeting back to back over a week, morning and afternoon sittings.
        Assert.Equal(Title2022, (string?)definition["title"]);
        Assert.Equal(9, sessions);

        await using var pages = new Pages(fixture);
        var size = phone ? Pages.Phone : Laptop;
        var home = await pages.OpenAsync("/", viewport: size, phone: phone);
        var shot = $"home-import-{Path.GetExtension(name).TrimStart('.')}-{size.Width}x{size.Height}";

        await home.Locator("#import-key").FillAsync(LiveServer.OrganizerKey);
        await ChooseAsync(home, name, mimeType, bytes);
        await home.Locator("#import-preview").ClickAsync();

        var result = home.Locator("#import-result");
        await Expect(result.Locator(".lead")).ToHaveTextAsync(Title2022, new() { Timeout = Pages.Load });
        await Expect(result).ToContainTextAsync(
            "Vienna (Europe/Vienna), 2022-05-23 to 2022-05-27 · Working Group on International Cooperation · Working Group of Government Experts on Technical Assistance");
        await Expect(result).ToContainTextAsync($"{items} top-level items · {sessions} sessions");
        if (warnings.Length == 0)
        {
            await Expect(result).ToContainTextAsync("The importer was sure of everything.");
        }
        else
        {
            await Expect(result.Locator(".warnings-heading")).ToHaveTextAsync(
                $"What the importer was unsure of ({warnings.Length}); check each before creating the meeting:");
            await Expect(result.Locator(".warnings li")).ToHaveTextAsync(warnings);
        }
        await result.ScrollIntoViewIfNeededAsync();
        await Pages.ScreenshotAsync(home, $"{shot}-preview");

        await home.Locator("#import-create").ClickAsync();
        await Expect(result).ToContainTextAsync($"Created “{Title2022}”.", new() { Timeout = Pages.Load });
        await Expect(result.Locator("code")).ToHaveTextAsync(new Regex(@"\S{16,}"));
        // The key is on one line even on a phone: broken at a hyphen it would be copied wrong.
        var key = await result.Locator("code").BoundingBoxAsync();
        Assert.True(key is { Height: < 28 } && key.X + key.Width <= size.Width, $"The chair key is laid out at {key?.X},{key?.Y} {key?.Width}x{key?.Height}.");
        var href = await result.Locator("a", new() { HasTextString = "Chair console" }).GetAttributeAsync("href");
        Assert.StartsWith("/chair/", href, StringComparison.Ordinal);
        var id = href!["/chair/".Length..];
        await Expect(home.Locator($"#meetings [data-meeting='{id}']")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        if (warnings.Length > 0)
        {
            // Still listed once created, now as what to check in the meeting made.
            await Expect(result.Locator(".warnings-heading")).ToHaveTextAsync($"What the importer was unsure of ({warnings.Length}):");
            await Expect(result.Locator(".warnings li")).ToHaveTextAsync(warnings);
        }

        // The meeting made from the file is the sample's: its bodies and sittings as the preview said.
        var created = await fixture.Server.SnapshotAsync(id);
        Assert.Equal(Title2022, (string?)created["title"]);
        Assert.Equal(definition["bodies"]!.AsArray().Select(b => (string?)b!["name"]), created["bodies"]!.AsArray().Select(b => (string?)b!["name"]));
        Assert.Equal(sessions, created["sessions"]!.AsArray().Count);
        await result.ScrollIntoViewIfNeededAsync();
        await Pages.ScreenshotAsync(home, $"{shot}-created");
        Assert.Empty(pages.Errors);
    }

    public static TheoryData<string> Damaged => new() { "cut.docx", "garbled.pdf" };

    [Theory]
    [MemberData(nameof(Damaged))]
    public async Task A_damaged_file_shows_the_servers_reason_in_words_and_the_page_carries_on(string name)
    {
        var (mimeType, whole) = Document(name);
        byte[] bytes;
        if (name.EndsWith(".docx", StringComparison.Ordinal))
        {
            bytes = whole[..(whole.Length / 2)]; // a download cut off half way
        }
        else
        {
            bytes = new byte[10_000]; // says it is a PDF, and nothing after is
            new Random(7).NextBytes(bytes);
            "%PDF-1.7\n"u8.CopyTo(bytes);
        }
        var (status, problem) = await DryRunAsync(bytes);
        Assert.True(status == HttpStatusCode.UnprocessableEntity, problem.ToJsonString());
        var detail = (string)problem["detail"]!;
        Assert.Contains("damaged or cut short", detail, StringComparison.Ordinal);
        var before = await fixture.Server.Http.GetStringAsync(new Uri("/api/meetings", UriKind.Relative));

        await using var pages = new Pages(fixture);
        var home = await pages.OpenAsync("/", viewport: Pages.Phone, phone: true);
        await home.Locator("#import-key").FillAsync(LiveServer.OrganizerKey);
        await ChooseAsync(home, name, mimeType, bytes);
        await home.Locator("#import-preview").ClickAsync();

        var error = home.Locator("#import-result .error");
        await Expect(error.Locator("p")).ToHaveTextAsync(detail, new() { Timeout = Pages.Load });
        await home.Locator("#import-create").ClickAsync();
        await Expect(error.Locator("p")).ToHaveTextAsync(detail, new() { Timeout = Pages.Load });
        await error.ScrollIntoViewIfNeededAsync();
        await Pages.ScreenshotAsync(home, $"home-import-{name.Replace('.', '-')}-390x844");
        Assert.Equal(before, await fixture.Server.Http.GetStringAsync(new Uri("/api/meetings", UriKind.Relative)));

        // Nothing broke: the whole file, chosen next, previews.
        await ChooseAsync(home, name, mimeType, whole);
        await home.Locator("#import-preview").ClickAsync();
        await Expect(home.Locator("#import-result .lead")).ToHaveTextAsync(Title2022, new() { Timeout = Pages.Load });
        await Expect(home.Locator("#import-result .error")).ToHaveCountAsync(0);
        // Chromium logs each refused request (the two 422s) on the console; nothing else may be there (no uncaught error).
        Assert.All(pages.Errors, e => Assert.Contains("the server responded with a status of 422", e, StringComparison.Ordinal));
        Assert.Equal(2, pages.Errors.Count);
    }
}
