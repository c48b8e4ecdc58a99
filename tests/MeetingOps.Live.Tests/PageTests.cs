using MeetingOps.Live.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>The pages in headless Chromium against the real server: chair console, room display, participant view.</summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class PageTests(LiveFixture fixture)
{
    private LiveServer Server => fixture.Server;

    [Fact]
    public async Task A_chair_click_reaches_the_room_display_and_the_participant_view_within_a_second()
    {
        // Monday is today: the console starts its sitting without the confirmation another day needs.
        var (id, key) = await Server.CreateMeetingStartingTodayAsync(hybridFirstSitting: false);
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenChairAsync(id, key);
        var display = await pages.OpenLiveAsync($"/display/{id}");
        var follow = await pages.OpenLiveAsync($"/follow/{id}", phone: true);

        await chair.Locator("#do-start").ClickAsync();
        await Expect(display.Locator("#sitting")).ToHaveTextAsync("Sitting 10:00–13:00", new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#next-title")).ToHaveTextAsync("Opening of the meeting");
        // Followers hear of a change before the chair's own answer arrives; the console takes the next key once the
        // answer is in (its buttons are enabled again), as a chair sees it.
        await Expect(chair.Locator("#do-next")).ToBeEnabledAsync(new() { Timeout = Pages.Load });

        // One key on the podium: take up the next item. The time is taken in the pages, from the key to the text shown.
        await Pages.WatchTextAsync(display, "take-up", "#title", "Opening of the meeting");
        await Pages.WatchTextAsync(follow, "take-up", "#now-title", "Opening of the meeting");
        var pressed = await Pages.NowAsync(chair);
        await chair.Keyboard.PressAsync("n");
        await Task.WhenAll(
            Expect(display.Locator("#title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Push }),
            Expect(display.Locator("#numbers")).ToContainTextAsync("Item 1 (a)", new() { Timeout = Pages.Push }),
            Expect(follow.Locator("#item-opening")).ToHaveAttributeAsync("aria-current", "true", new() { Timeout = Pages.Push }),
            Expect(follow.Locator("#now-title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Push }));
        var reached = Math.Max(await Pages.SeenAtAsync(display, "take-up"), await Pages.SeenAtAsync(follow, "take-up")) - pressed;
        Assert.True(reached < 1000, $"the take-up reached the display and the follow page {reached:0} ms after the key");

        // What comes next is on the display, and the follow page announces the change to screen readers.
        await Expect(display.Locator("#next")).ToContainTextAsync("Adoption of the agenda and organization of work");
        await Expect(follow.Locator("#announcer")).ToContainTextAsync("Now under consideration: WG.3 + WG.2 item 1 (a), Opening of the meeting.");

        // Concluding shows at once as well.
        await Expect(chair.Locator("#do-conclude")).ToBeEnabledAsync(new() { Timeout = Pages.Load });
        await Pages.WatchTextAsync(follow, "conclude", "#item-opening .agenda-status", "Concluded");
        await Pages.WatchTextAsync(display, "conclude", "#now-label", "no item at the moment");
        pressed = await Pages.NowAsync(chair);
        await chair.Keyboard.PressAsync("k");
        await Task.WhenAll(
            Expect(follow.Locator("#item-opening .agenda-status")).ToHaveTextAsync("Concluded", new() { Timeout = Pages.Push }),
            Expect(display.Locator("#now-label")).ToHaveTextAsync("Under consideration: no item at the moment", new() { Timeout = Pages.Push }));
        var concluded = Math.Max(await Pages.SeenAtAsync(follow, "conclude"), await Pages.SeenAtAsync(display, "conclude")) - pressed;
        Assert.True(concluded < 1000, $"concluding showed {concluded:0} ms after the key");
        // The chair's own page applies the same push on its own socket, possibly a moment after the other two: wait
        // for it to reach their version, then all three hold the same one.
        var shown = await Pages.VersionAsync(display);
        await chair.WaitForFunctionAsync("v => window.meetingOpsLive.version >= v", shown, new() { Timeout = Pages.Push });
        Assert.Equal(await Pages.VersionAsync(chair), await Pages.VersionAsync(display));
        Assert.Equal(await Pages.VersionAsync(chair), await Pages.VersionAsync(follow));
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task A_page_that_lost_the_network_shows_it_and_catches_up_by_itself()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var display = await pages.OpenLiveAsync($"/display/{id}");
        var follow = await pages.OpenLiveAsync($"/follow/{id}", phone: true);
        await Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay");
        await Expect(display.Locator("#sitting")).ToHaveTextAsync("Sitting 10:00–13:00", new() { Timeout = Pages.Load });

        // The network goes; the pages say so.
        await display.Context.SetOfflineAsync(true);
        await follow.Context.SetOfflineAsync(true);
        await Expect(display.Locator("#reconnecting")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        await Expect(follow.Locator("#connection")).Not.ToHaveTextAsync("Live", new() { Timeout = Pages.Load });

        // Meanwhile the chair goes on.
        await Server.CommandAsync(id, key, "items/opening/open");
        await Server.CommandAsync(id, key, "items/opening/conclude");
        var latest = await Server.CommandAsync(id, key, "items/adoption-of-agenda/open");

        // The network comes back: both catch up without a reload.
        await display.Context.SetOfflineAsync(false);
        await follow.Context.SetOfflineAsync(false);
        await Expect(display.Locator("#title")).ToHaveTextAsync("Adoption of the agenda and organization of work", new() { Timeout = Pages.Load });
        await Expect(display.Locator("#reconnecting")).ToBeHiddenAsync();
        await Expect(follow.Locator("#connection")).ToHaveTextAsync("Live", new() { Timeout = Pages.Load });
        await Expect(follow.Locator("#item-opening .agenda-status")).ToHaveTextAsync("Concluded");
        await Expect(follow.Locator("#item-adoption-of-agenda")).ToHaveAttributeAsync("aria-current", "true");
        Assert.Equal(latest, await Pages.VersionAsync(display));
        Assert.Equal(latest, await Pages.VersionAsync(follow));

        // And they are live again: the next change arrives as a push.
        await Server.CommandAsync(id, key, "items/adoption-of-agenda/adopt");
        await Expect(follow.Locator("#item-adoption-of-agenda .agenda-status")).ToHaveTextAsync("Adopted", new() { Timeout = Pages.Push });
    }

    [Fact]
    public async Task A_page_whose_connection_closes_starts_a_new_one_and_follows_again()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var display = await pages.OpenLiveAsync($"/display/{id}");
        var firstConnection = await display.EvaluateAsync<string>("() => window.meetingOpsLive.connection.connectionId");

        // The server side of the connection goes away (as when a proxy or the host drops it): a new connection, in no group.
        await display.EvaluateAsync("() => window.meetingOpsLive.connection.stop()");
        await display.WaitForFunctionAsync("id => window.meetingOpsLive.connection.connectionId && window.meetingOpsLive.connection.connectionId !== id",
            firstConnection, new PageWaitForFunctionOptions { Timeout = Pages.Load });
        await Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay");
        var latest = await Server.CommandAsync(id, key, "items/opening/open");

        await Expect(display.Locator("#title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Load });
        Assert.Equal(latest, await Pages.VersionAsync(display));
        Assert.Equal("live", await display.EvaluateAsync<string>("() => document.body.dataset.connection"));
    }

    [Fact]
    public async Task A_page_that_misses_a_push_sees_the_gap_and_resyncs_from_a_snapshot()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenLiveAsync($"/follow/{id}");
        var before = await Pages.VersionAsync(follow);

        // The page's connection leaves the meeting's group for one change, then rejoins without taking the snapshot.
        await follow.EvaluateAsync("id => window.meetingOpsLive.connection.invoke('Unfollow', id)", id);
        var missed = await Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay");
        await follow.EvaluateAsync("id => window.meetingOpsLive.connection.invoke('Follow', id).then(() => true)", id);
        Assert.Equal(before, await Pages.VersionAsync(follow));

        // The next push is a version ahead of what the page expects: it resyncs and shows both changes.
        var next = await Server.CommandAsync(id, key, "items/opening/open");
        await Expect(follow.Locator("#item-opening")).ToHaveAttributeAsync("aria-current", "true", new() { Timeout = Pages.Push });
        await Expect(follow.Locator("[data-session='2022-05-23-am'] .session-status")).ToHaveTextAsync("In progress");
        Assert.Equal(before + 1, missed);
        Assert.Equal(next, await Pages.VersionAsync(follow));
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task A_participant_page_cannot_act_as_chair_even_by_invoking_the_hub_itself()
    {
        var (id, _) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenLiveAsync($"/follow/{id}");
        var version = await Pages.VersionAsync(follow);

        var statuses = await follow.EvaluateAsync<int[]>(@"async id => {
            const live = window.meetingOpsLive;
            const noKey = await live.command({ chairKey: null, kind: 'session', id: '2022-05-23-am', action: 'start', idempotencyKey: 'participant-1' });
            const guessed = await live.command({ chairKey: 'guessed-chair-key', kind: 'session', id: '2022-05-23-am', action: 'start', idempotencyKey: 'participant-2' });
            const raw = await live.connection.invoke('Command', { meetingId: id, chairKey: '', kind: 'item', id: 'opening', action: 'open', idempotencyKey: 'participant-3' });
            return [noKey, guessed, raw].map(r => r.accepted ? 200 : r.problem.status);
        }", id);

        Assert.Equal([401, 403, 401], statuses);
        var snapshot = await Server.SnapshotAsync(id);
        Assert.Equal(version, snapshot["version"]!.GetValue<long>());
        Assert.Equal("scheduled", snapshot["sessions"]![0]!["status"]!.GetValue<string>());
        Assert.Empty(await Server.LogAsync(id));
        Assert.Equal(version, await Pages.VersionAsync(follow));
    }

    [Fact]
    public async Task A_participant_in_New_York_sees_the_10_00_Vienna_sitting_at_04_00_their_time()
    {
        var (id, _) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenLiveAsync($"/follow/{id}", timeZone: "America/New_York", phone: true);

        var sitting = follow.Locator("[data-session='2022-05-23-am']");
        await Expect(sitting.Locator(".venue-time")).ToHaveTextAsync("Vienna 10:00–13:00");
        await Expect(sitting.Locator(".your-time")).ToHaveTextAsync("Your time 04:00–07:00");
        await Expect(follow.Locator("#zones")).ToContainTextAsync("in your time zone (America/New_York)");
        var afternoon = follow.Locator("[data-session='2022-05-23-pm']");
        await Expect(afternoon.Locator(".your-time")).ToHaveTextAsync("Your time 09:00–12:00");
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task A_participant_far_east_sees_the_day_when_it_differs_from_the_venue_s()
    {
        var (id, _) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenLiveAsync($"/follow/{id}", timeZone: "Pacific/Auckland");

        // 15:00 in Vienna on Monday 23 May is 01:00 on Tuesday 24 May in Auckland (UTC+12).
        await Expect(follow.Locator("[data-session='2022-05-23-pm'] .your-time")).ToHaveTextAsync("Your time Tue 24 May, 01:00–04:00");
    }

    [Fact]
    public async Task The_chair_key_is_asked_once_per_tab_and_asked_again_when_it_is_wrong()
    {
        var (id, _) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenChairAsync(id, "this-is-not-the-chair-key");

        await chair.Locator("#do-start").ClickAsync();

        await Expect(chair.Locator("#key-panel")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        // The page says the server's refusal from its catalogue, with a typographic apostrophe.
        await Expect(chair.Locator("#key-error")).ToContainTextAsync("not this meeting’s chair key");
        Assert.Null(await chair.EvaluateAsync<string?>("id => sessionStorage.getItem('meetingops:chair-key:' + id)", id));
        Assert.Empty(await Server.LogAsync(id));
    }

    [Fact]
    public async Task Screenshots_of_the_pages_on_a_large_screen_and_on_a_phone()
    {
        var (id, key) = await Server.CreateMeetingStartingTodayAsync();
        await Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay");
        await Server.CommandAsync(id, key, "items/opening/open");
        await Server.CommandAsync(id, key, "items/opening/conclude");
        await Server.CommandAsync(id, key, "items/adoption-of-agenda/open");
        await using var pages = new Pages(fixture);

        foreach (var (device, phone) in new[] { ("desktop", false), ("phone", true) })
        {
            var tabs = await pages.DeviceAsync(phone: phone, timeZone: "America/New_York"); // one device, a tab per page
            var chair = await pages.OpenChairAsync(id, key, phone, tabs);
            await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Adoption of the agenda and organization of work", new() { Timeout = Pages.Load });
            await Expect(chair.Locator("#forecast")).ToContainTextAsync("Projected to end", new() { Timeout = Pages.Load });
            await Pages.ScreenshotAsync(chair, $"chair-{device}");

            var display = await pages.OpenLiveAsync($"/display/{id}", device: tabs);
            await Expect(display.Locator("#title")).ToHaveTextAsync("Adoption of the agenda and organization of work", new() { Timeout = Pages.Load });
            await Pages.ScreenshotAsync(display, $"display-{device}");

            var follow = await pages.OpenLiveAsync($"/follow/{id}", device: tabs);
            await Expect(follow.Locator("#now-title")).ToHaveTextAsync("Adoption of the agenda and organization of work", new() { Timeout = Pages.Load });
            await Pages.ScreenshotAsync(follow, $"follow-{device}");

            var home = await pages.OpenAsync("/", device: tabs);
            await Expect(home.Locator($"[data-meeting='{id}']")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
            await Pages.ScreenshotAsync(home, $"home-{device}");
        }

        foreach (var name in new[] { "chair", "display", "follow", "home" }.SelectMany(p => new[] { $"{p}-desktop", $"{p}-phone" }))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(LiveFixture.ScreenshotFolder, $"{name}.png"));
            Assert.True(bytes.Length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', $"{name}.png is not a PNG screenshot");
        }
        Assert.True(pages.Errors.Count == 0, string.Join("\n", pages.Errors));
    }

    [Fact]
    public async Task A_capped_sitting_shows_the_time_left_under_its_cap()
    {
        // Its first sitting today (and hybrid): the console's start needs no confirmation of another day.
        var (id, key) = await Server.CreateMeetingStartingTodayAsync();
        await using var pages = new Pages(fixture);
        var display = await pages.OpenLiveAsync($"/display/{id}");
        var chair = await pages.OpenChairAsync(id, key);
        await Expect(display.Locator("#cap-box")).ToBeHiddenAsync();

        await chair.Locator("#do-start").ClickAsync();

        await Expect(display.Locator("#cap-box")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        // The end of interpretation as a time and a countdown: the booked slot's end (10:00 + 120 minutes at the venue), or
        // two hours from now when the test runs after that slot has passed; the server's end, as the snapshot says it.
        var sitting = (await Server.SnapshotAsync(id))["sessions"]![0]!;
        var end = sitting["interpretationEnd"]!.GetValue<DateTimeOffset>();
        var until = $"Interpretation until {TimeZoneInfo.ConvertTime(end, TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna")):HH:mm}";
        Assert.Contains(end, new[] { sitting["startedAt"]!.GetValue<DateTimeOffset>().AddMinutes(120), DateTimeOffset.Parse(sitting["startUtc"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).AddMinutes(120) });
        await Expect(display.Locator("#cap-label")).ToHaveTextAsync(until);
        await Expect(display.Locator("#cap")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(\d+:)?\d\d?:\d\d$"));
        await Expect(chair.Locator("#cap")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($@"^{until} · (\d+:)?\d\d?:\d\d$"));
        await Expect(chair.Locator("#sitting")).ToContainTextAsync("Hybrid");
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task A_room_display_for_one_body_shows_that_body_s_numbers()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay");
        await Server.CommandAsync(id, key, "items/opening/open");
        await Server.CommandAsync(id, key, "items/opening/conclude");
        await Server.CommandAsync(id, key, "items/adoption-of-agenda/open");
        await Server.CommandAsync(id, key, "items/adoption-of-agenda/adopt");
        await Server.CommandAsync(id, key, "items/transfer-of-sentenced-persons/open");
        await using var pages = new Pages(fixture);

        var wg3 = await pages.OpenLiveAsync($"/display/{id}?body=wg3");
        var wg2 = await pages.OpenLiveAsync($"/display/{id}?body=wg2");

        await Expect(wg3.Locator("#bodies")).ToHaveTextAsync("Working Group on International Cooperation");
        await Expect(wg3.Locator("#numbers")).ToHaveTextAsync("Item 2");
        await Expect(wg3.Locator("#title")).ToHaveTextAsync("Transfer of sentenced persons (article 17 of the Organized Crime Convention)");
        await Expect(wg2.Locator("#bodies")).ToHaveTextAsync("Working Group of Government Experts on Technical Assistance");
        await Expect(wg2.Locator("#numbers")).ToHaveTextAsync("WG.3Item 2"); // not on WG.2's agenda: shown as WG.3's item
        await Expect(wg2.Locator("#title")).ToHaveTextAsync("Transfer of sentenced persons (article 17 of the Organized Crime Convention)");
        Assert.Empty(pages.Errors);
    }
}
