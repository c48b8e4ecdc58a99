using System.Globalization;
using System.Text.Json.Nodes;
using MeetingOps.Live.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// Interpretation under a cap as the room, the chair and remote participants see it, in headless Chromium. The host's
/// clock is the real one, so nobody waits two hours: each meeting's hybrid sitting was booked to start nearly two hours
/// ago (a late opening), so its cap counts from that booked slot and falls a few minutes from now. One meeting reaches its
/// 15-minute warning, one its 5-minute warning, one its cap, all within about three minutes.
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class CapPageTests(LiveFixture fixture)
{
    private static readonly TimeZoneInfo Vienna = TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna");
    private static readonly (int Width, int Height) Laptop = (1366, 768);

    private LiveServer Server => fixture.Server;

    /// <summary>
    /// The 2022 sample moved in time so that its first sitting (hybrid, capped at 120 minutes from its booked start) ends
    /// at <paramref name="end"/>, started with its opening item taken up. Answers the meeting's id and chair key.
    /// </summary>
    private async Task<(string Id, string Chair)> SittingEndingAt(DateTime end)
    {
        var definition = JsonNode.Parse(RepoFiles.Sample(RepoFiles.Vienna2022))!;
        var sessions = definition["sessions"]!.AsArray();
        var shift = end.AddMinutes(-120) - Local(sessions[0]!["start"]!);
        foreach (var session in sessions)
        {
            session!["start"] = (Local(session["start"]!) + shift).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            session["end"] = (Local(session["end"]!) + shift).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        }
        sessions[0]!["format"] = "hybrid";
        definition["startDate"] = sessions.Min(s => Local(s!["start"]!)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        definition["endDate"] = sessions.Max(s => Local(s!["end"]!)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (id, chair) = await Server.CreateMeetingFromJsonAsync(definition.ToJsonString());
        await Server.CommandAsync(id, chair, "sessions/2022-05-23-am/start?confirm=offDay"); // near midnight the booked day may be yesterday
        await Server.CommandAsync(id, chair, "items/opening/open");
        return (id, chair);
    }

    private static DateTime Local(JsonNode value) => DateTime.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture);

    private static string VenueTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Vienna).ToString("HH:mm", CultureInfo.InvariantCulture);

    private async Task<DateTimeOffset> InterpretationEnd(string id) =>
        (await Server.SnapshotAsync(id))["sessions"]![0]!["interpretationEnd"]!.GetValue<DateTimeOffset>();

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not laid out.");

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    /// <summary>The band shares no pixel with any of <paramref name="selectors"/>, and all of them are on screen.</summary>
    private static async Task AssertClearAsync(IPage page, ILocator band, (int Width, int Height) screen, params string[] selectors)
    {
        var bandBox = await BoxAsync(band);
        Assert.True(bandBox.Y + bandBox.Height <= screen.Height + 0.5, $"The band ends at {bandBox.Y + bandBox.Height}, below the screen ({screen.Height}).");
        foreach (var selector in selectors)
        {
            var box = await BoxAsync(page.Locator(selector));
            Assert.False(Overlap(bandBox, box), $"The band covers {selector}.");
            Assert.True(box.Y >= 0 && box.Y + box.Height <= screen.Height + 0.5, $"{selector} is off the screen ({box.Y}..{box.Y + box.Height}).");
        }
    }

    [Fact]
    public async Task Warnings_leave_the_countdown_in_view_the_cap_s_notice_shows_on_every_page_and_an_extension_moves_the_end()
    {
        // Sittings whose warnings and cap fall two to three minutes from now: time to open the pages before them.
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Vienna).DateTime;
        var anchor = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0).AddMinutes(2);
        var (quarter, quarterChair) = await SittingEndingAt(anchor.AddMinutes(15)); // the 15-minute warning at the anchor
        var (five, _) = await SittingEndingAt(anchor.AddMinutes(5));               // the 5-minute warning at the anchor
        var (capped, cappedChair) = await SittingEndingAt(anchor.AddMinutes(1));   // the cap a minute after
        var quarterEnd = await InterpretationEnd(quarter);
        Assert.Equal(anchor.AddMinutes(15), TimeZoneInfo.ConvertTime(quarterEnd, Vienna).DateTime); // the booked slot's end, not the start's

        await using var pages = new Pages(fixture);
        var display = await pages.OpenLiveAsync($"/display/{quarter}", viewport: Pages.Desktop);
        var chair = await pages.OpenChairAsync(quarter, quarterChair, viewport: Laptop);
        var follow = await pages.OpenLiveAsync($"/follow/{quarter}", phone: true);
        var fiveDisplay = await pages.OpenLiveAsync($"/display/{five}", viewport: Laptop);
        var capDisplay = await pages.OpenLiveAsync($"/display/{capped}", viewport: Pages.Desktop);
        var capChair = await pages.OpenChairAsync(capped, cappedChair, viewport: Laptop);
        var capFollow = await pages.OpenLiveAsync($"/follow/{capped}", phone: true);
        var capFollowFrench = await pages.OpenAsync($"/follow/{capped}?lang=fr", phone: true); // says "En direct", not "Live"
        await Expect(capFollowFrench.Locator("#connection")).ToHaveTextAsync("En direct", new() { Timeout = Pages.Load });

        // Before any warning: the end of interpretation as a time, and the countdown to it.
        await Expect(display.Locator("#cap-label")).ToHaveTextAsync($"Interpretation until {VenueTime(quarterEnd)}");
        await Expect(chair.Locator("#cap")).ToContainTextAsync($"Interpretation until {VenueTime(quarterEnd)} · ");
        await Expect(follow.Locator("#now")).ToContainTextAsync($"Interpretation until {VenueTime(quarterEnd)}");

        // The 15-minute warning: in the meeting's words, without the sitting's id, beside (not over) the item and countdown.
        var warned = $"15 minutes of interpretation left in this sitting (until {VenueTime(quarterEnd)})";
        var band = display.Locator("#cap-notice");
        await Expect(band).ToHaveTextAsync(warned, new() { Timeout = 150_000 });
        await Expect(chair.Locator("#cap-notice")).ToHaveTextAsync(warned, new() { Timeout = Pages.Push });
        await Expect(follow.Locator("#cap-notice")).ToHaveTextAsync(warned, new() { Timeout = Pages.Push });
        await Expect(chair.Locator("#message")).ToHaveTextAsync(warned);
        Assert.DoesNotContain("2022-05-23-am", await band.TextContentAsync() ?? "", StringComparison.Ordinal);
        await Expect(display.Locator("#cap-box")).ToBeVisibleAsync();
        await AssertClearAsync(display, band, Pages.Desktop, "#title", "#numbers", "#next", "#cap", "#cap-label", "#clock");
        await AssertClearAsync(follow, follow.Locator("#cap-notice"), Pages.Phone, "#now-title", ".now-sitting");
        await AssertClearAsync(chair, chair.Locator("#cap-notice"), Laptop, "#cap", "#current-title");
        await Pages.ScreenshotAsync(display, "cap-warning-15-display-1920x1080");
        await Pages.ScreenshotAsync(chair, "cap-warning-15-chair-1366x768");
        await Pages.ScreenshotAsync(follow, "cap-warning-15-follow-390x844");

        // The 5-minute warning on a laptop-sized screen.
        var fiveEnd = await InterpretationEnd(five);
        var fiveBand = fiveDisplay.Locator("#cap-notice");
        await Expect(fiveBand).ToHaveTextAsync($"5 minutes of interpretation left in this sitting (until {VenueTime(fiveEnd)})", new() { Timeout = 30_000 });
        await AssertClearAsync(fiveDisplay, fiveBand, Laptop, "#title", "#numbers", "#next", "#cap", "#cap-label", "#clock");
        await Pages.ScreenshotAsync(fiveDisplay, "cap-warning-5-display-1366x768");

        // The interpreters agree to ten more minutes: one key on the console, confirmed; every page shows the new end.
        await chair.Locator("#do-extend").ClickAsync();
        await Expect(chair.Locator("#extend-question")).ToContainTextAsync($"until {VenueTime(quarterEnd.AddMinutes(10))}");
        await chair.Locator("#do-extend-confirm").ClickAsync();
        var extendedUntil = $"Interpretation until {VenueTime(quarterEnd.AddMinutes(10))}";
        await Expect(display.Locator("#cap-label")).ToHaveTextAsync(extendedUntil, new() { Timeout = Pages.Push });
        await Expect(chair.Locator("#cap")).ToContainTextAsync(extendedUntil, new() { Timeout = Pages.Push });
        await Expect(follow.Locator("#now")).ToContainTextAsync(extendedUntil, new() { Timeout = Pages.Push });
        await Expect(chair.Locator("#message")).ToHaveTextAsync($"Interpretation extended until {VenueTime(quarterEnd.AddMinutes(10))}.");
        await Expect(band).ToBeHiddenAsync(); // the warning named the old end: it goes (the next one comes from the new end)
        Assert.Equal(quarterEnd.AddMinutes(10), await InterpretationEnd(quarter));
        await Pages.ScreenshotAsync(display, "cap-extended-display-1920x1080");

        // At the cap: the sitting ends, its item is continued, and every page says so until the next sitting starts.
        var snapshot = await Server.SnapshotAsync(capped);
        var capEnd = snapshot["sessions"]![0]!["interpretationEnd"]!.GetValue<DateTimeOffset>();
        var ended = $"Interpretation ended at {VenueTime(capEnd)}; ";
        var capBand = capDisplay.Locator("#cap-notice");
        await Expect(capBand).ToContainTextAsync(ended, new() { Timeout = 150_000 });
        var notice = (await Server.SnapshotAsync(capped))["capEnded"]!;
        Assert.Equal(("2022-05-23-am", "opening", "2022-05-24-am"), ((string)notice["sessionId"]!, (string)notice["itemId"]!, (string)notice["nextSessionId"]!));
        var next = Local(snapshot["sessions"]!.AsArray().Single(s => (string)s!["id"]! == "2022-05-24-am")!["start"]!);
        var part = next.Hour < 13 ? "morning" : next.Hour < 18 ? "afternoon" : "evening";
        var words = $"{ended}WG.3 + WG.2 item 1 (a) will continue on {next.DayOfWeek} {part}.";
        await Expect(capBand).ToHaveTextAsync(words);
        await Expect(capChair.Locator("#cap-notice")).ToHaveTextAsync(words, new() { Timeout = Pages.Push });
        await Expect(capChair.Locator("#message")).ToHaveTextAsync(words); // no stale warning on the console
        await Expect(capFollow.Locator("#cap-notice")).ToHaveTextAsync(words, new() { Timeout = Pages.Push });
        await Expect(capFollowFrench.Locator("#cap-notice")).ToContainTextAsync($"L'interprétation a pris fin à {VenueTime(capEnd)} ; ", new() { Timeout = Pages.Push });
        await Expect(capDisplay.Locator("#sitting")).ToHaveTextAsync("No sitting in progress");
        await AssertClearAsync(capDisplay, capBand, Pages.Desktop, "#title", "#next", "#clock");
        await Pages.ScreenshotAsync(capDisplay, "cap-ended-display-1920x1080");
        await Pages.ScreenshotAsync(capChair, "cap-ended-chair-1366x768");
        await Pages.ScreenshotAsync(capFollow, "cap-ended-follow-390x844");
        await Pages.ScreenshotAsync(capFollowFrench, "cap-ended-follow-fr-390x844");

        // The notice stays until the next sitting starts.
        await Server.CommandAsync(capped, cappedChair, "sessions/2022-05-24-am/start?confirm=offDay");
        await Expect(capBand).ToBeHiddenAsync(new() { Timeout = Pages.Push });
        await Expect(capFollow.Locator("#cap-notice")).ToBeHiddenAsync(new() { Timeout = Pages.Push });
        Assert.True(pages.Errors.Count == 0, string.Join("\n", pages.Errors));
    }
}
