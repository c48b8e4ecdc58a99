using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MeetingOps.Live.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The secretariat's work as participants see it: announcements on the display and the follow page, the programme of
/// the day and its print, an archived meeting's pages, and a live amendment showing without a reload.
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class WorkspacePageTests(LiveFixture fixture)
{
    private async Task<JsonNode> SendAsync(HttpMethod method, string path, string key, string? json = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        using var response = await fixture.Server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    private Task<JsonNode> AnnounceAsync(string id, string key, string text, DateTimeOffset? until = null) =>
        SendAsync(HttpMethod.Post, $"/api/meetings/{id}/announcements", key,
            new JsonObject { ["text"] = text, ["until"] = until?.ToString("O") }.ToJsonString());

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("The element is not laid out.");

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    [Fact]
    public async Task An_announcement_shows_on_the_display_and_the_follow_page_without_covering_the_item_or_the_countdown_and_goes_when_withdrawn()
    {
        var (id, key) = await fixture.Server.CreateHybridMeetingAsync();
        await fixture.Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay"); // the sample's Monday is not today
        await fixture.Server.CommandAsync(id, key, "items/opening/open");
        await using var pages = new Pages(fixture);
        var display = await pages.OpenLiveAsync($"/display/{id}");
        var follow = await pages.OpenLiveAsync($"/follow/{id}", phone: true);
        await Expect(display.Locator("#title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Push });

        var text = "Informal consultations at 13:00 in Room M3";
        var made = await AnnounceAsync(id, key, text, DateTimeOffset.UtcNow.AddHours(2));
        var announcementId = (string)made["announcements"]![0]!["id"]!;

        var band = display.Locator("#notices");
        await Expect(band).ToHaveTextAsync(text, new() { Timeout = Pages.Push });
        await Expect(follow.Locator("#notices")).ToContainTextAsync(text, new() { Timeout = Pages.Push });
        await Expect(follow.Locator("#notices")).ToContainTextAsync("the Chair");
        // In the flow, not over anything: the band shares no pixel with the item, the next item or the cap's countdown.
        await Expect(display.Locator("#cap-box")).ToBeVisibleAsync();
        var bandBox = await BoxAsync(band);
        foreach (var selector in new[] { "#title", "#numbers", "#next", "#cap", "#clock" })
        {
            Assert.False(Overlap(bandBox, await BoxAsync(display.Locator(selector))), $"The announcement band covers {selector}.");
        }
        Assert.True(bandBox.Y + bandBox.Height <= Pages.Desktop.Height, "The band is below the screen's edge.");
        await Pages.ScreenshotAsync(display, "display-announcement");
        await Pages.ScreenshotAsync(follow, "follow-announcement-phone");

        await SendAsync(HttpMethod.Delete, $"/api/meetings/{id}/announcements/{announcementId}", LiveServer.OrganizerKey);

        await Expect(band).ToBeHiddenAsync(new() { Timeout = Pages.Push });
        await Expect(follow.Locator("#notices")).ToBeHiddenAsync(new() { Timeout = Pages.Push });
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task The_programme_of_a_2022_day_lists_its_sittings_items_documents_and_announcements_and_prints_without_buttons()
    {
        var (id, key) = await fixture.Server.CreateMeetingAsync();
        await AnnounceAsync(id, key, "The photo of the working groups is at 12:45 in the Rotunda.");
        await using var pages = new Pages(fixture);

        var programme = await pages.OpenAsync($"/programme/{id}?date=2022-05-23");

        await Expect(programme.Locator("#programme-date")).ToHaveTextAsync("Programme of the day: Mon 23 May 2022", new() { Timeout = Pages.Load });
        var sittings = programme.Locator(".programme-sitting");
        await Expect(sittings).ToHaveCountAsync(2);
        await Expect(sittings.Locator("h2")).ToHaveTextAsync([
            "10:00–13:00 Working Group on International Cooperation and Working Group of Government Experts on Technical Assistance",
            "15:00–18:00 Working Group on International Cooperation",
        ]);
        await Expect(sittings.Nth(0).Locator(".programme-item > .programme-numbers")).ToHaveTextAsync(["WG.3 item 1 (a) · WG.2 item 1 (a)", "WG.3 item 1 (b) · WG.2 item 1 (b)", "WG.3 item 2"]);
        await Expect(sittings.Nth(0).Locator(".programme-item-title")).ToHaveTextAsync([
            "Opening of the meeting", "Adoption of the agenda and organization of work", "Transfer of sentenced persons (article 17 of the Organized Crime Convention)",
        ]);
        await Expect(sittings.Nth(0).Locator("[data-item='transfer-of-sentenced-persons'] .programme-documents")).ToContainTextAsync("CTOC/COP/WG.3/2022/2");
        await Expect(sittings.Nth(1).Locator(".programme-item-title")).ToHaveTextAsync(["Transfer of sentenced persons (article 17 of the Organized Crime Convention) (continued)"]);
        await Expect(programme.Locator("#programme-announcements")).ToContainTextAsync("The photo of the working groups is at 12:45 in the Rotunda.");

        // Another day through its link; then on paper the buttons and day links are gone, the programme stays.
        await programme.Locator("#programme-days a", new() { HasText = "Tue 24 May" }).ClickAsync();
        await Expect(programme.Locator("#programme-date")).ToHaveTextAsync("Programme of the day: Tue 24 May 2022", new() { Timeout = Pages.Load });
        await programme.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(programme.Locator("#print")).ToBeHiddenAsync();
        await Expect(programme.Locator("#programme-days")).ToBeHiddenAsync();
        await Expect(programme.Locator(".programme-sitting").First).ToBeVisibleAsync();
        var pdf = await programme.PdfAsync();
        Assert.True(pdf.Length > 1000 && Encoding.ASCII.GetString(pdf, 0, 5) == "%PDF-", "The programme prints as a PDF.");
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task The_follow_page_prints_without_its_live_chrome()
    {
        var (id, key) = await fixture.Server.CreateMeetingAsync();
        await fixture.Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay"); // the sample's Monday is not today
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenLiveAsync($"/follow/{id}");
        await Expect(follow.Locator("#records")).ToBeVisibleAsync();

        await follow.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var chrome in new[] { "#connection", ".brand", "#records", ".skip-link" })
        {
            await Expect(follow.Locator(chrome)).ToBeHiddenAsync();
        }
        await Expect(follow.Locator("#meeting-title")).ToBeVisibleAsync();
        await Expect(follow.Locator("#agenda")).ToBeVisibleAsync();
        await Expect(follow.Locator("#schedule")).ToBeVisibleAsync();
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await follow.PdfAsync(), 0, 5), StringComparison.Ordinal);
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task An_archived_meeting_says_so_on_the_follow_page_the_display_and_the_console_and_still_serves_its_report()
    {
        var (id, key) = await fixture.Server.CreateMeetingAsync();
        await fixture.Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay"); // the sample's Monday is not today
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenLiveAsync($"/follow/{id}");
        var display = await pages.OpenLiveAsync($"/display/{id}");

        await SendAsync(HttpMethod.Delete, $"/api/meetings/{id}", LiveServer.OrganizerKey);

        // Open pages hear of it; a console opened afterwards says it too.
        await Expect(follow.Locator("#archived-note")).ToContainTextAsync("archived", new() { Timeout = Pages.Push });
        await Expect(display.Locator("#archived-note")).ToContainTextAsync("archived", new() { Timeout = Pages.Push });
        var chair = await pages.OpenChairAsync(id, key);
        await Expect(chair.Locator("#archived-note")).ToContainTextAsync("archived", new() { Timeout = Pages.Push });
        var report = await follow.APIRequest.GetAsync($"/api/meetings/{id}/report");
        Assert.Equal(200, report.Status);
        await Pages.ScreenshotAsync(display, "display-archived");
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task An_item_renamed_on_a_live_meeting_shows_on_the_follow_page_and_the_display_without_a_reload()
    {
        var (id, key) = await fixture.Server.CreateMeetingAsync();
        await fixture.Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay"); // the sample's Monday is not today
        await fixture.Server.CommandAsync(id, key, "items/opening/open");
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenLiveAsync($"/follow/{id}");
        var display = await pages.OpenLiveAsync($"/display/{id}");
        await Expect(display.Locator("#title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Push });
        await follow.EvaluateAsync("() => { window.__notReloaded = true; }");
        await display.EvaluateAsync("() => { window.__notReloaded = true; }");

        var workspace = await SendAsync(HttpMethod.Get, $"/api/meetings/{id}/definition", LiveServer.OrganizerKey);
        var definition = workspace["definition"]!;
        var opening = definition["items"]![0]!["subItems"]![0]!;
        Assert.Equal("opening", (string)opening["id"]!);
        opening["title"] = "Opening of the thirteenth meetings";
        const string renamed = "Opening of the thirteenth meetings";
        await Pages.WatchTextAsync(follow, "renamed", "#agenda", renamed);
        await Pages.WatchTextAsync(display, "renamed", "#title", renamed);
        var sentAt = await Pages.NowAsync(follow);
        await SendAsync(HttpMethod.Put, $"/api/meetings/{id}/definition", LiveServer.OrganizerKey, definition.ToJsonString(),
            $"\"{(long)workspace["version"]!}\"");

        var onFollow = await Pages.SeenAtAsync(follow, "renamed");
        var onDisplay = await Pages.SeenAtAsync(display, "renamed");
        Assert.True(onFollow - sentAt < 1000, $"The follow page showed the new title {onFollow - sentAt:0} ms after the PUT was sent.");
        Assert.True(onDisplay - sentAt < 1000, $"The display showed the new title {onDisplay - sentAt:0} ms after the PUT was sent.");
        Assert.True(await follow.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        Assert.True(await display.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        Assert.Empty(pages.Errors);
    }
}
