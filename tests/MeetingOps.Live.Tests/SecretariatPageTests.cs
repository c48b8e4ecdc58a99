using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeetingOps.Live.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The secretariat's page (/secretariat/{id}) in headless Chromium: a draft completed in the form and published; a live
/// meeting amended in the form with the follow page and the display showing each change without a reload; a removal the
/// record forbids refused in words with nothing changed; an announcement; a new chair key; archiving.
/// </summary>
[Collection(LiveCollection.Name)]
public sealed partial class SecretariatPageTests(LiveFixture fixture)
{
    private static readonly (int Width, int Height) Laptop = (1366, 768);

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex Year();

    /// <summary>The 2021 agenda with every line that carries a year taken out: what an officer holds before the dates are fixed.</summary>
    private static string AgendaWithoutDates() =>
        string.Join('\n', RepoFiles.Sample("ctoc-wg3-2021-annotated-agenda.txt").Split('\n').Where(line => !Year().IsMatch(line)));

    /// <summary>The secretariat page with the organizer key entered once (kept for the tab).</summary>
    private static async Task<IPage> OpenSecretariatAsync(Pages pages, string id, (int Width, int Height)? viewport = null, bool phone = false)
    {
        var page = await pages.OpenAsync($"/secretariat/{id}", viewport: viewport ?? Laptop, phone: phone);
        await page.Locator("#key-input").FillAsync(LiveServer.OrganizerKey);
        await page.Locator("#key-submit").ClickAsync();
        await Expect(page.Locator("#definition-form")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        await Expect(page.Locator("#version")).ToContainTextAsync("version", new() { Timeout = Pages.Load });
        return page;
    }

    private async Task<long> DefinitionVersionAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/{id}/definition");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LiveServer.OrganizerKey);
        using var response = await fixture.Server.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!;
    }

    private async Task<HttpStatusCode> ChairCommandStatusAsync(string id, string chairKey, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{id}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chairKey);
        using var response = await fixture.Server.Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_text_without_dates_imports_as_a_draft_the_officer_fills_in_the_dates_in_the_form_and_publishes()
    {
        await using var pages = new Pages(fixture);
        var home = await pages.OpenAsync("/", viewport: Laptop);
        await home.Locator("#import-key").FillAsync(LiveServer.OrganizerKey);
        await home.Locator("#import-text").FillAsync(AgendaWithoutDates());

        await home.Locator("#import-create").ClickAsync();

        // The draft opens in the form, with what publishing would refuse listed by path next to the fields.
        await home.WaitForURLAsync("**/secretariat/*", new() { Timeout = Pages.Load });
        var page = home;
        var id = page.Url.Split('/')[^1];
        await Expect(page.Locator("#status")).ToHaveTextAsync("Draft", new() { Timeout = Pages.Load });
        await Expect(page.Locator("#new-chair-key code")).Not.ToBeEmptyAsync();
        await Expect(page.Locator("#problems")).ToContainTextAsync("$.startDate");
        await Expect(page.Locator("[data-field-path='$.startDate'] .field-problem")).ToBeVisibleAsync();
        await Expect(page.Locator("#publish-card")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "secretariat-draft-1366");

        await page.Locator("input[data-path='$.startDate']").FillAsync("2026-06-08");
        await page.Locator("input[data-path='$.endDate']").FillAsync("2026-06-09");
        await page.Locator(".add-sitting").ClickAsync();
        await page.Locator("input[data-path='$.sessions[0].start']").FillAsync("2026-06-08T10:00");
        await page.Locator("input[data-path='$.sessions[0].end']").FillAsync("2026-06-08T13:00");
        await page.Locator(".add-sitting").ClickAsync();
        await page.Locator("input[data-path='$.sessions[1].start']").FillAsync("2026-06-09T15:00");
        await page.Locator("input[data-path='$.sessions[1].end']").FillAsync("2026-06-09T18:00");
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#save-message")).ToContainTextAsync("Saved", new() { Timeout = Pages.Load });

        await page.Locator("#publish").ClickAsync();

        await Expect(page.Locator("#status")).ToHaveTextAsync("Live", new() { Timeout = Pages.Load });
        await Expect(page.Locator("#share-card")).ToBeVisibleAsync();
        var list = await fixture.Server.Http.GetStringAsync(new Uri("/api/meetings", UriKind.Relative));
        Assert.Contains(id, list, StringComparison.Ordinal);
        var snapshot = await fixture.Server.SnapshotAsync(id);
        Assert.Equal("2026-06-08", (string)snapshot["startDate"]!);
        Assert.Equal(2, snapshot["sessions"]!.AsArray().Count);
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task On_a_live_meeting_the_officer_adds_a_sitting_renames_an_item_and_adds_a_late_document_and_the_pages_show_each_within_a_second()
    {
        var (id, key) = await fixture.Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenLiveAsync($"/follow/{id}");
        var display = await pages.OpenLiveAsync($"/display/{id}");
        var page = await OpenSecretariatAsync(pages, id);
        await Expect(page.Locator("#status")).ToHaveTextAsync("Live");
        await follow.EvaluateAsync("() => { window.__notReloaded = true; }");
        await display.EvaluateAsync("() => { window.__notReloaded = true; }");

        // An extra sitting before the first: the display (no sitting in progress) names it as the next one.
        var sittings = await page.Locator(".secretariat-sitting").CountAsync();
        await page.Locator(".add-sitting").ClickAsync();
        await page.Locator($"input[data-path='$.sessions[{sittings}].id']").FillAsync("early-consultations");
        await page.Locator($"input[data-path='$.sessions[{sittings}].start']").FillAsync("2022-05-23T08:30");
        await page.Locator($"input[data-path='$.sessions[{sittings}].end']").FillAsync("2022-05-23T09:30");
        await Pages.WatchTextAsync(follow, "sitting", "#schedule", "08:30");
        await Pages.WatchTextAsync(display, "sitting", "#title", "08:30");
        var sentAt = await Pages.NowAsync(follow);
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#save-message")).ToContainTextAsync("Saved", new() { Timeout = Pages.Load });
        await AssertShownWithinASecondAsync(follow, display, "sitting", sentAt);

        // The opening is taken up, then renamed in the form.
        await fixture.Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay"); // the sample's Monday is not today
        await fixture.Server.CommandAsync(id, key, "items/opening/open");
        await Expect(display.Locator("#title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Push });
        await page.Locator("#reload").ClickAsync(); // the form at the version the chair's commands made
        await Expect(page.Locator("#version")).ToHaveTextAsync($"version {await DefinitionVersionAsync(id)}", new() { Timeout = Pages.Load });
        const string renamed = "Opening of the thirteenth meetings";
        await page.Locator("[data-item='opening'] > .secretariat-grid input[data-path$='.title']").FillAsync(renamed);
        await Pages.WatchTextAsync(follow, "renamed", "#agenda", renamed);
        await Pages.WatchTextAsync(display, "renamed", "#title", renamed);
        sentAt = await Pages.NowAsync(follow);
        await page.Locator("#save").ClickAsync();
        await AssertShownWithinASecondAsync(follow, display, "renamed", sentAt);

        // A conference room paper issued late, on the item under consideration.
        const string symbol = "CTOC/COP/WG.3/2022/CRP.1";
        await page.Locator("[data-item='opening'] > .secretariat-documents > button").ClickAsync();
        await page.Locator("[data-item='opening'] > .secretariat-documents .secretariat-document input[data-path$='.symbols']").Last.FillAsync(symbol);
        await Pages.WatchTextAsync(follow, "document", "#agenda", symbol);
        await Pages.WatchTextAsync(display, "document", "#documents", symbol);
        sentAt = await Pages.NowAsync(follow);
        await page.Locator("#save").ClickAsync();
        await AssertShownWithinASecondAsync(follow, display, "document", sentAt);
        await Expect(page.Locator("#save-message")).ToContainTextAsync("Saved");
        Assert.True(await follow.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        Assert.True(await display.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        await Pages.ScreenshotAsync(page, "secretariat-live-1366");

        // Removing the item that was taken up: refused in words, nothing changed.
        var before = await DefinitionVersionAsync(id);
        await page.Locator("[data-item='opening'] > .secretariat-entry-head .item-remove").ClickAsync();
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#save-message")).ToContainTextAsync("cannot be removed", new() { Timeout = Pages.Load });
        await Expect(page.Locator("#save-message")).ToContainTextAsync("Nothing was changed");
        Assert.Equal(before, await DefinitionVersionAsync(id));
        var items = (await fixture.Server.SnapshotAsync(id))["items"]!.ToJsonString();
        Assert.Contains("\"opening\"", items, StringComparison.Ordinal);
        await Expect(display.Locator("#title")).ToHaveTextAsync(renamed);
        // The only console error is the browser's own line for the refused PUT (409): the page answered it in words above.
        Assert.All(pages.Errors, e => Assert.Contains("status of 409", e, StringComparison.Ordinal));
    }

    private static async Task AssertShownWithinASecondAsync(IPage follow, IPage display, string watch, double sentAt)
    {
        var onFollow = await Pages.SeenAtAsync(follow, watch);
        var onDisplay = await Pages.SeenAtAsync(display, watch);
        Assert.True(onFollow - sentAt < 1000, $"The follow page showed the change ({watch}) {onFollow - sentAt:0} ms after the save was clicked.");
        Assert.True(onDisplay - sentAt < 1000, $"The display showed the change ({watch}) {onDisplay - sentAt:0} ms after the save was clicked.");
    }

    [Fact]
    public async Task An_announcement_a_new_chair_key_the_share_card_and_archiving_from_the_page()
    {
        var (id, oldKey) = await fixture.Server.CreateMeetingAsync();
        await fixture.Server.CommandAsync(id, oldKey, "sessions/2022-05-23-am/start?confirm=offDay"); // the sample's Monday is not today
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenLiveAsync($"/follow/{id}", phone: true);
        var display = await pages.OpenLiveAsync($"/display/{id}");
        var page = await OpenSecretariatAsync(pages, id, Pages.Desktop);

        // The share card: the follow link and its QR code, drawn by the server.
        await Expect(page.Locator("#share-link")).ToHaveTextAsync(new Regex($"/follow/{id}$"));
        await page.WaitForFunctionAsync("() => document.getElementById('share-qr').complete && document.getElementById('share-qr').naturalWidth > 0");
        var qr = await page.APIRequest.GetAsync($"/api/meetings/{id}/follow-qr.svg");
        Assert.Equal(200, qr.Status);
        Assert.StartsWith("image/svg+xml", qr.Headers["content-type"], StringComparison.Ordinal);

        const string text = "Informal consultations at 13:00 in Room M3";
        await page.Locator("#announce-text").FillAsync(text);
        await page.Locator("#announce").ClickAsync();
        await Expect(display.Locator("#notices")).ToHaveTextAsync(text, new() { Timeout = Pages.Push });
        await Expect(follow.Locator("#notices")).ToContainTextAsync(text, new() { Timeout = Pages.Push });
        await Expect(follow.Locator("#notices")).ToContainTextAsync("the Secretariat");
        await Expect(page.Locator("#announcements")).ToContainTextAsync(text);
        await Pages.ScreenshotAsync(page, "secretariat-live-1920");

        // A new chair key, shown once; the old one is refused from then on.
        await page.Locator("#rotate").ClickAsync();
        await page.Locator("#new-chair-key .button-primary").ClickAsync();
        await Expect(page.Locator("#chair-key-value")).Not.ToBeEmptyAsync(new() { Timeout = Pages.Load });
        var newKey = await page.Locator("#chair-key-value").TextContentAsync();
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal(HttpStatusCode.Forbidden, await ChairCommandStatusAsync(id, oldKey, "items/opening/open"));
        Assert.Equal(HttpStatusCode.OK, await ChairCommandStatusAsync(id, newKey!, "items/opening/open"));

        // Archive, with a confirmation: off the list, its report still downloads.
        await page.Locator("#remove").ClickAsync();
        await Expect(page.Locator("#remove-question")).ToContainTextAsync("Archive");
        await page.Locator("#remove-yes").ClickAsync();
        await Expect(page.Locator("#status")).ToHaveTextAsync("Archived", new() { Timeout = Pages.Load });
        await Expect(page.Locator("#archived-secretariat")).ToBeVisibleAsync();
        var list = await fixture.Server.Http.GetStringAsync(new Uri("/api/meetings", UriKind.Relative));
        Assert.DoesNotContain(id, list, StringComparison.Ordinal);
        var home = await pages.OpenAsync("/");
        await Expect(home.Locator("#meetings")).Not.ToContainTextAsync("Loading");
        await Expect(home.Locator($"[data-meeting='{id}']")).ToHaveCountAsync(0);
        var download = page.WaitForDownloadAsync();
        await page.Locator("#exports a", new() { HasText = "Report (organization" }).ClickAsync();
        var report = await download;
        Assert.Null(await report.FailureAsync());
        Assert.Equal(200, (await page.APIRequest.GetAsync($"/api/meetings/{id}/report")).Status);
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task The_page_fits_a_phone_and_a_laptop_and_the_home_page_links_to_it()
    {
        var (id, _) = await fixture.Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var home = await pages.OpenAsync("/");
        await Expect(home.Locator($"[data-meeting='{id}'] a[href='/secretariat/{id}']")).ToBeVisibleAsync(new() { Timeout = Pages.Load });

        foreach (var (size, phone, name) in new[] { (Pages.Phone, true, "secretariat-live-390"), (Laptop, false, "secretariat-live-1366") })
        {
            var page = await OpenSecretariatAsync(pages, id, size, phone);
            // Nothing wider than the screen: the form wraps instead of scrolling sideways.
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"At {size.Width}×{size.Height} the page is {overflow} px wider than the screen.");
            await Pages.ScreenshotAsync(page, name);
        }
        // The share card on the room screen: the QR code large, with the link in words.
        var room = await OpenSecretariatAsync(pages, id, Pages.Desktop);
        await room.Locator("#share-screen").ClickAsync();
        await Expect(room.Locator("#share-overlay")).ToBeVisibleAsync();
        var box = await room.Locator("#share-overlay-qr").BoundingBoxAsync();
        Assert.True(box is { Height: >= 500 }, "The QR code on the room screen is at least 500 px high.");
        await Pages.ScreenshotAsync(room, "secretariat-share-screen-1920");
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task The_chair_console_shows_the_officers_offers_the_chair_as_presiding_and_announces()
    {
        var definition = JsonNode.Parse(RepoFiles.Sample(RepoFiles.Vienna2022))!;
        definition["bodies"]![0]!["officers"] = new JsonObject
        {
            ["chair"] = "Mr. Thomas Burrows", ["viceChairs"] = new JsonArray("Ms. Maria Lopez"), ["rapporteur"] = "Mr. Kenji Sato",
        };
        var (id, key) = await fixture.Server.CreateMeetingFromJsonAsync(definition.ToJsonString());
        await fixture.Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay"); // the sample's Monday is not today
        await using var pages = new Pages(fixture);
        var display = await pages.OpenLiveAsync($"/display/{id}");
        var chair = await pages.OpenAsync($"/chair/{id}", viewport: Laptop);

        await Expect(chair.Locator("#name-input")).ToHaveValueAsync("Mr. Thomas Burrows", new() { Timeout = Pages.Load });
        await chair.Locator("#key-input").FillAsync(key);
        await chair.Locator("#key-form button[type=submit]").ClickAsync();
        await Expect(chair.Locator("#presiding")).ToHaveTextAsync("Presiding: Mr. Thomas Burrows");
        await Expect(chair.Locator("#officers")).ToContainTextAsync("Mr. Thomas Burrows");
        await Expect(chair.Locator("#officers")).ToContainTextAsync("Ms. Maria Lopez");
        await Expect(chair.Locator("#officers")).ToContainTextAsync("Mr. Kenji Sato");

        const string text = "The photo of the working groups is at 12:45 in the Rotunda.";
        await chair.Locator("#chair-announce-text").FillAsync(text);
        await chair.Locator("#chair-announce").ClickAsync();
        await Expect(display.Locator("#notices")).ToHaveTextAsync(text, new() { Timeout = Pages.Push });
        await Expect(chair.Locator("#chair-announcements")).ToContainTextAsync(text, new() { Timeout = Pages.Push });
        await Pages.ScreenshotAsync(chair, "chair-officers-1366");
        Assert.Empty(pages.Errors);
    }
}
