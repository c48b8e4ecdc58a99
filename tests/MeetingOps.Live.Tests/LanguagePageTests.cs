using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingOps.Live.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The pages in the six official languages in headless Chromium: every page in each language with no English left
/// on it, Arabic right to left (screenshot), and a French title added by a translation import shown on the French
/// follow page and the bilingual room display, pushed live without a reload.
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class LanguagePageTests(LiveFixture fixture)
{
    private static readonly string[] Languages = ["ar", "zh", "en", "fr", "ru", "es"];

    private LiveServer Server => fixture.Server;

    private static string Corpus(string name) => RepoFiles.TranslationCorpus(name);

    private static Dictionary<string, JsonElement> Catalogue(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(
            RepoFiles.CatalogueText(language))!;

    private static string Text(Dictionary<string, JsonElement> catalogue, string key) => catalogue[key].ValueKind == JsonValueKind.String
        ? catalogue[key].GetString()!
        : catalogue[key].GetProperty("other").GetString()!;

    private static Task WaitLive(IPage page) =>
        page.WaitForFunctionAsync("() => window.meetingOpsLive?.status === 'live' && window.meetingOpsLive.version >= 0", null,
            new PageWaitForFunctionOptions { Timeout = Pages.Load });

    /// <summary>
    /// Every text on the page (text nodes and the title, aria-label and placeholder attributes) that is, whole, an
    /// English catalogue text whose translation differs: English left behind. Text marked lang="en" is the meeting's
    /// own data shown in English for want of a translation (said so), or the server's own sentences (what Undo would
    /// undo, the planner's warnings), which are English in every language; it is not counted.
    /// </summary>
    private const string EnglishLeftScript = """
        templates => {
          const patterns = templates.map(t => new RegExp('^' + t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}|\{\w+\}/g, '.+?') + '$'));
          const left = [];
          const check = (text, where) => {
            const trimmed = (text ?? '').trim();
            if (trimmed && patterns.some(p => p.test(trimmed))) left.push(`${where}: ${trimmed}`);
          };
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (node.parentElement?.closest('[lang="en"], script, style, option')) continue;
            check(node.textContent, node.parentElement?.id || node.parentElement?.tagName);
          }
          for (const element of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
            if (element.closest('[lang="en"]') || element.dataset.titleLang === 'en') continue; // the server's words, marked English
            for (const name of ['title', 'aria-label', 'placeholder']) check(element.getAttribute(name), `${element.id || element.tagName}@${name}`);
          }
          check(document.title, 'title');
          return left;
        }
        """;

    /// <summary>The English texts that must not appear on a page in <paramref name="language"/>: each translated differently, and with words of its own beyond the placeholders.</summary>
    private static List<string> EnglishTemplates(string language)
    {
        var english = Catalogue("en");
        var other = Catalogue(language);
        static IEnumerable<string> Forms(JsonElement e) => e.ValueKind == JsonValueKind.String ? [e.GetString()!] : e.EnumerateObject().Select(p => p.Value.GetString()!);
        return english.Where(e => !Forms(e.Value).SequenceEqual(Forms(other[e.Key])))
            .SelectMany(e => Forms(e.Value).Where(f => !Forms(other[e.Key]).Contains(f)))
            .Where(f => System.Text.RegularExpressions.Regex.Replace(f, @"\{\w+\}", "").Count(char.IsLetter) >= 4)
            .Distinct().ToList();
    }

    [Fact]
    public async Task Each_page_renders_in_each_of_the_six_languages_with_no_English_left()
    {
        var (id, key) = await Server.CreateMeetingStartingTodayAsync();
        await Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay");
        await Server.CommandAsync(id, key, "items/opening/open");
        await using var pages = new Pages(fixture);
        var failures = new List<string>();
        foreach (var language in Languages)
        {
            var catalogue = Catalogue(language);
            var templates = language == "en" ? [] : EnglishTemplates(language);
            var device = await pages.DeviceAsync();
            var opened = new List<(string Name, IPage Page, string Selector, string Key)>
            {
                ("home", await pages.OpenAsync($"/?lang={language}", device: device), "#import-heading", "home.importHeading"),
                ("follow", await pages.OpenAsync($"/follow/{id}?lang={language}", device: device), "#agenda-heading", "follow.agenda"),
                ("display", await pages.OpenAsync($"/display/{id}?lang={language}", device: device), "#now-label", "display.underConsideration"),
                ("programme", await pages.OpenAsync($"/programme/{id}?lang={language}&date={Server_Today()}", device: device), "#print", "programme.print"),
            };
            var chair = await pages.OpenAsync($"/chair/{id}?lang={language}", device: device);
            await chair.Locator("#key-input").FillAsync(key);
            await chair.Locator("#name-input").FillAsync(Pages.Presiding);
            await chair.Locator("#key-form button[type=submit]").ClickAsync();
            opened.Add(("chair", chair, "#plan-heading", "chair.plan"));
            // The secretariat's workspace on a laptop (its form is wide), with the organizer key entered in the tab.
            var secretariat = await pages.OpenAsync($"/secretariat/{id}?lang={language}", viewport: (1366, 768));
            await secretariat.Locator("#key-input").FillAsync(LiveServer.OrganizerKey);
            await secretariat.Locator("#key-submit").ClickAsync();
            await Expect(secretariat.Locator("#definition-form")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
            await Expect(secretariat.Locator("#exports a").First).ToBeVisibleAsync(new() { Timeout = Pages.Load });
            opened.Add(("secretariat", secretariat, "#definition-heading", "secretariat.definitionHeading"));
            if (language == "ar")
            {
                // Mirrored: the cards' column stands at the left of the form, the form's fields start at the right.
                var columns = await secretariat.EvaluateAsync<double[]>("""
                    () => ['.secretariat-main', '.secretariat-side'].map(s => document.querySelector(s).getBoundingClientRect().left)
                    """);
                Assert.True(columns[0] > columns[1], $"the secretariat page is not mirrored: form at x = {columns[0]}, cards at x = {columns[1]}");
                // A document symbol typed in the form stays left to right.
                Assert.Equal("ltr", await secretariat.Locator("#definition input[data-path$='.symbols']").First.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
                await Pages.ScreenshotAsync(secretariat, "secretariat-ar-1366");
                var png = await File.ReadAllBytesAsync(Path.Combine(LiveFixture.ScreenshotFolder, "secretariat-ar-1366.png"));
                Assert.True(png.Length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "secretariat-ar-1366.png is not a PNG screenshot");
            }
            foreach (var (name, page, selector, textKey) in opened)
            {
                if (name is "follow" or "display" or "chair")
                {
                    await WaitLive(page);
                }
                if (name == "programme")
                {
                    await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new() { Timeout = Pages.Load });
                }
                Assert.Equal(language, await page.EvaluateAsync<string>("() => document.documentElement.lang"));
                Assert.Equal(language == "ar" ? "rtl" : "ltr", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));
                await Expect(page.Locator(selector)).ToHaveTextAsync(Text(catalogue, textKey), new() { Timeout = Pages.Load });
                if (name is "home" or "follow" or "chair" or "programme" or "secretariat")
                {
                    await Expect(page.Locator("#language-menu")).ToHaveValueAsync(language);
                }
                var left = await page.EvaluateAsync<string[]>(EnglishLeftScript, templates);
                failures.AddRange(left.Select(l => $"{language} {name}: {l}"));
            }
        }
        Assert.True(failures.Count == 0, "English left on the pages:\n" + string.Join("\n", failures));
        Assert.True(pages.Errors.Count == 0, string.Join("\n", pages.Errors));
    }

    private static string Server_Today() => LiveServer.TodayDefinition()["startDate"]!.GetValue<string>();

    [Fact]
    public async Task The_Arabic_follow_page_is_right_to_left_with_symbols_and_numbers_left_to_right()
    {
        var (id, key) = await Server.CreateMeetingStartingTodayAsync();
        await Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay");
        await Server.CommandAsync(id, key, "items/opening/open");
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenAsync($"/follow/{id}?lang=ar");
        await WaitLive(follow);
        var arabic = Catalogue("ar");

        Assert.Equal("rtl", await follow.EvaluateAsync<string>("() => document.documentElement.dir"));
        await Expect(follow.Locator("#agenda-heading")).ToHaveTextAsync(Text(arabic, "follow.agenda"));
        await Expect(follow.Locator("#connection")).ToHaveTextAsync(Text(arabic, "connection.live"));
        await Expect(follow.Locator("#item-opening .agenda-status")).ToHaveTextAsync(Text(arabic, "common.now"));
        // Mirrored: the numbers column starts at the right and the status sits at the left of the item's row.
        var row = await follow.EvaluateAsync<double[]>("""
            () => ['.agenda-numbers', '.agenda-main', '.agenda-status'].map(s => document.querySelector(`#item-opening ${s}`).getBoundingClientRect().left)
            """);
        Assert.True(row[0] > row[1] && row[1] > row[2], $"the row is not mirrored: numbers, title, status at x = {string.Join(", ", row)}");
        // A document symbol stays left to right inside the Arabic text.
        var symbol = follow.Locator("bdi.symbol").First;
        await Expect(symbol).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^CTOC/COP/WG\\.[23]/2022/\\d"));
        Assert.Equal("ltr", await symbol.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        // The titles (no Arabic ones in this meeting) are shown in English and marked as such.
        await Expect(follow.Locator("#titles-note")).ToHaveTextAsync(Text(arabic, "follow.titlesInEnglish"));
        await Expect(follow.Locator("#now-title .in-english")).ToHaveTextAsync(" " + Text(arabic, "title.inEnglish"));
        Assert.Equal("en", await follow.Locator("#now-title .item-title-text").GetAttributeAsync("lang"));

        await Pages.ScreenshotAsync(follow, "follow-ar-desktop");
        var phone = await pages.OpenAsync($"/follow/{id}?lang=ar", phone: true);
        await WaitLive(phone);
        await Pages.ScreenshotAsync(phone, "follow-ar-phone");
        foreach (var name in new[] { "follow-ar-desktop", "follow-ar-phone" })
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(LiveFixture.ScreenshotFolder, $"{name}.png"));
            Assert.True(bytes.Length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"{name}.png is not a PNG screenshot");
        }
        Assert.True(pages.Errors.Count == 0, string.Join("\n", pages.Errors));
    }

    [Fact]
    public async Task The_language_menu_remembers_the_choice()
    {
        var (id, _) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var device = await pages.DeviceAsync();
        var follow = await pages.OpenAsync($"/follow/{id}", device: device);
        Assert.Equal("en", await follow.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Task.WhenAll(follow.WaitForURLAsync($"**/follow/{id}"), follow.Locator("#language-menu").SelectOptionAsync("es"));
        await Expect(follow.Locator("#agenda-heading")).ToHaveTextAsync(Text(Catalogue("es"), "follow.agenda"), new() { Timeout = Pages.Load });

        // Another page on the same browser opens in Spanish; ?lang= still wins over the choice.
        var home = await pages.OpenAsync("/", device: device);
        await Expect(home.Locator("#import-heading")).ToHaveTextAsync(Text(Catalogue("es"), "home.importHeading"));
        var russian = await pages.OpenAsync("/?lang=ru", device: device);
        await Expect(russian.Locator("#import-heading")).ToHaveTextAsync(Text(Catalogue("ru"), "home.importHeading"));
        Assert.True(pages.Errors.Count == 0, string.Join("\n", pages.Errors));
    }

    [Fact]
    public async Task A_French_title_from_a_translation_import_shows_on_the_French_follow_page_and_the_bilingual_display_live()
    {
        var (id, key) = await Server.CreateMeetingFromJsonAsync(Corpus("cac-cosp-irg-2015.meeting.json"));
        await Server.CommandAsync(id, key, "sessions/2015-06-01-am/start?confirm=offDay");
        await Server.CommandAsync(id, key, "items/opening/open");
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenAsync($"/follow/{id}?lang=fr", phone: true);
        var display = await pages.OpenAsync($"/display/{id}?lang=en,fr");
        await WaitLive(follow);
        await WaitLive(display);
        var french = Catalogue("fr");
        // Before: no French title yet, so the English, said to be English.
        await Expect(follow.Locator("#now-title")).ToHaveTextAsync($"Opening of the session {Text(french, "title.inEnglish")}");
        await Expect(display.Locator("#title .display-title-line")).ToHaveTextAsync(["Opening of the session", $"Opening of the session {Text(french, "title.inEnglish")}"]);
        await Expect(follow.Locator("#titles-note")).ToBeVisibleAsync();
        await follow.EvaluateAsync("() => { window.__sameDocument = true; }");
        await display.EvaluateAsync("() => { window.__sameDocument = true; }");

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{id}/translations?lang=fr")
        {
            Content = new StringContent(Corpus("cac-cosp-irg-2015-1.fr.txt"), Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LiveServer.OrganizerKey);
        using var response = await Server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal(10, JsonNode.Parse(body)!["added"]!.GetValue<int>());

        // Pushed: the French title on the French follow page, both on the display, neither page reloaded.
        await Expect(follow.Locator("#now-title")).ToHaveTextAsync("Ouverture de la session", new() { Timeout = Pages.Push });
        await Expect(display.Locator("#title .display-title-line")).ToHaveTextAsync(["Opening of the session", "Ouverture de la session"], new() { Timeout = Pages.Push });
        Assert.Equal("fr", await display.Locator("#title .display-title-line").Nth(1).Locator(".item-title-text").GetAttributeAsync("lang"));
        await Expect(follow.Locator("#item-report .agenda-title")).ToHaveTextAsync("Adoption du rapport du Groupe d’examen de l’application sur les travaux de sa sixième session");
        await Expect(follow.Locator("#titles-note")).ToBeHiddenAsync();
        await Pages.ScreenshotAsync(display, "display-en-fr-translated");
        await Pages.ScreenshotAsync(follow, "follow-fr-translated-phone");
        Assert.True(await follow.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the follow page reloaded");
        Assert.True(await display.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the display reloaded");
        Assert.True(pages.Errors.Count == 0, string.Join("\n", pages.Errors));
    }
}
