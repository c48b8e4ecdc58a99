using MeetingOps.Live.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// Parallel sittings on the room display, in headless Chromium: a WG.3-only and a WG.2-only sitting at once (the 2022
/// sample's Monday afternoon and Wednesday morning) show side by side on the unfiltered display; ?body= shows one.
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class ParallelDisplayTests(LiveFixture fixture)
{
    private const string Transfer = "Transfer of sentenced persons (article 17 of the Organized Crime Convention)";

    private LiveServer Server => fixture.Server;

    [Fact]
    public async Task The_unfiltered_display_shows_every_sitting_in_progress_side_by_side_and_a_body_s_display_only_its_own()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await Server.CommandAsync(id, key, "sessions/2022-05-23-pm/start?confirm=offDay"); // WG.3 only
        await Server.CommandAsync(id, key, "items/transfer-of-sentenced-persons/open");
        await using var pages = new Pages(fixture);
        var display = await pages.OpenLiveAsync($"/display/{id}", Pages.Desktop);

        // One sitting: the display as it always was.
        await Expect(display.Locator("#title")).ToHaveTextAsync(Transfer, new() { Timeout = Pages.Load });
        await Expect(display.Locator("#sittings")).ToBeHiddenAsync();

        // WG.2 starts its own sitting meanwhile and takes up an item of its own: the display shows both, one per body.
        await Server.CommandAsync(id, key, "sessions/2022-05-25-am/start?confirm=offDay"); // WG.2 only
        var wg2Item = (await Server.SnapshotAsync(id))["sessions"]!.AsArray().Single(s => (string?)s!["id"] == "2022-05-25-am")!["planned"]![0]!["item"]!.GetValue<string>();
        await Server.CommandAsync(id, key, $"items/{wg2Item}/open?session=2022-05-25-am");
        var wg2Title = (await Server.SnapshotAsync(id))["items"]!.AsArray().Single(i => (string?)i!["id"] == wg2Item)!["title"]!.GetValue<string>();

        var panels = display.Locator("#sittings .display-sitting-panel");
        await Expect(panels).ToHaveCountAsync(2, new() { Timeout = Pages.Push });
        await Expect(display.Locator(".display-now")).ToBeHiddenAsync();
        var wg3 = display.Locator("[data-session='2022-05-23-pm']");
        var wg2 = display.Locator("[data-session='2022-05-25-am']");
        await Expect(wg3.Locator(".sitting-bodies")).ToHaveTextAsync("Working Group on International Cooperation");
        await Expect(wg3.Locator(".sitting-numbers")).ToHaveTextAsync("Item 2");
        await Expect(wg3.Locator(".sitting-title")).ToHaveTextAsync(Transfer);
        await Expect(wg2.Locator(".sitting-bodies")).ToHaveTextAsync("Working Group of Government Experts on Technical Assistance");
        await Expect(wg2.Locator(".sitting-title")).ToHaveTextAsync(wg2Title);
        await Expect(display.Locator("#bodies")).ToHaveTextAsync("2 sittings in progress");

        // Side by side, both whole on a 1920×1080 screen: WG.3 (the meeting's first body) on the left.
        var left = await wg3.BoundingBoxAsync();
        var right = await wg2.BoundingBoxAsync();
        Assert.NotNull(left);
        Assert.NotNull(right);
        Assert.True(left.X + left.Width <= right.X, $"the WG.3 panel ({left.X}+{left.Width}) is not left of the WG.2 panel ({right.X})");
        Assert.True(Math.Abs(left.Y - right.Y) < 1, "the panels are not side by side");
        foreach (var box in new[] { left, right })
        {
            Assert.True(box.Y >= 0 && box.Y + box.Height <= Pages.Desktop.Height && box.X + box.Width <= Pages.Desktop.Width, $"a panel is off the screen: {box.X},{box.Y} {box.Width}×{box.Height}");
        }
        await Pages.ScreenshotAsync(display, "display-parallel-desktop");

        // A body's own display: that body's sitting alone.
        var wg2Display = await pages.OpenLiveAsync($"/display/{id}?body=wg2", Pages.Desktop);
        await Expect(wg2Display.Locator("#title")).ToHaveTextAsync(wg2Title, new() { Timeout = Pages.Load });
        await Expect(wg2Display.Locator("#sittings")).ToBeHiddenAsync();
        await Expect(wg2Display.Locator("#bodies")).ToHaveTextAsync("Working Group of Government Experts on Technical Assistance");

        // When WG.2's sitting ends, the unfiltered display goes back to the one sitting left.
        await Server.CommandAsync(id, key, "sessions/2022-05-25-am/end");
        await Expect(display.Locator("#sittings")).ToBeHiddenAsync(new() { Timeout = Pages.Push });
        await Expect(display.Locator("#title")).ToHaveTextAsync(Transfer);

        var png = await File.ReadAllBytesAsync(Path.Combine(LiveFixture.ScreenshotFolder, "display-parallel-desktop.png"));
        Assert.True(png.Length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "display-parallel-desktop.png is not a PNG screenshot");
        Assert.True(pages.Errors.Count == 0, string.Join("\n", pages.Errors));
    }
}
