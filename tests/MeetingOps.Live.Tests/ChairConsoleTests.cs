using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeetingOps.Live.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The chair console in headless Chromium on the 2022 sample, as a chair runs it: slips undone from the console leave
/// no trace in the report, the console survives its server being killed, it fits the podium laptop, operates parallel
/// sittings, names who presides, defers and reopens with a confirmation.
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed partial class ChairConsoleTests(LiveFixture fixture)
{
    private LiveServer Server => fixture.Server;

    private static readonly (int Width, int Height) Podium = (1366, 768);

    [Fact]
    public async Task A_wrong_start_a_wrong_take_up_and_a_mistaken_end_undone_from_the_console_leave_no_trace_in_the_report()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenChairAsync(id, key, viewport: Podium);

        // A wrong start: Monday afternoon instead of Monday morning.
        await chair.Locator("#start-session").SelectOptionAsync("2022-05-23-pm");
        await chair.Locator("#do-start").ClickAsync();
        await Expect(chair.Locator("#start-question")).ToHaveTextAsync(new Regex("^This sitting is planned for Mon,? 23 May 2022; start it now\\? It is .* at the venue\\.$"), new() { Timeout = Pages.Load });
        Assert.Empty(await Server.LogAsync(id));
        await chair.Locator("#do-start-confirm").ClickAsync();
        await Expect(chair.Locator("#sitting")).ToContainTextAsync("2022-05-23-pm", new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#undo-text")).ToHaveTextAsync("Undo: starting session 2022-05-23-pm", new() { Timeout = Pages.Push });
        await chair.Keyboard.PressAsync("u");
        await Expect(chair.Locator("#message")).ToHaveTextAsync("Done — Undo: starting session 2022-05-23-pm.", new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#do-start")).ToBeVisibleAsync();

        // The right sitting; then a wrong take-up from the plan (item 2 before item 1).
        await chair.Locator("#start-session").SelectOptionAsync("2022-05-23-am");
        await StartConfirmedAsync(chair);
        await Expect(chair.Locator("#next-title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Load });
        await chair.Locator("[data-item='transfer-of-sentenced-persons'] .plan-open").ClickAsync();
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Transfer of sentenced persons (article 17 of the Organized Crime Convention)", new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#undo-text")).ToHaveTextAsync(new Regex("^Undo: taking up .*item 2 in session 2022-05-23-am$"), new() { Timeout = Pages.Push });
        await chair.Locator("#do-undo").ClickAsync();
        await Expect(chair.Locator("#current")).ToHaveTextAsync("No item is under consideration.", new() { Timeout = Pages.Load });
        await Expect(chair.Locator("[data-item='transfer-of-sentenced-persons'] .pill")).ToHaveTextAsync("Pending");

        // What the server says comes next: item 1 (a). Taken up and concluded by key.
        await Expect(chair.Locator("#next-title")).ToHaveTextAsync("Opening of the meeting");
        await chair.Keyboard.PressAsync("n");
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#do-conclude")).ToBeEnabledAsync();
        await chair.Keyboard.PressAsync("k");
        await Expect(chair.Locator("[data-item='opening'] .pill")).ToHaveTextAsync("Concluded", new() { Timeout = Pages.Load });

        // A mistaken end (confirmed, as an end always is), undone: the sitting is in progress again.
        await chair.Locator("#do-end").ClickAsync();
        await Expect(chair.Locator("#do-end")).ToHaveTextAsync("Confirm: end the sitting");
        await chair.Locator("#do-end").ClickAsync();
        await Expect(chair.Locator("#do-start")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#undo-text")).ToHaveTextAsync("Undo: ending session 2022-05-23-am", new() { Timeout = Pages.Push });
        await chair.Keyboard.PressAsync("u");
        await Expect(chair.Locator("#sitting-status")).ToHaveTextAsync("In progress", new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#next-title")).ToHaveTextAsync("Adoption of the agenda and organization of work");

        // The log keeps each slip and its correction, every entry in the presiding officer's name.
        var log = await Server.LogAsync(id);
        Assert.Equal(["start", "undo", "start", "open", "undo", "open", "conclude", "end", "undo"], log.Select(e => e!["action"]!.GetValue<string>()));
        Assert.All(log, e => Assert.Equal(Pages.Presiding, e!["actor"]!["name"]?.GetValue<string>()));

        // The report reads as a clean run of the same sitting: no afternoon meeting, no item 2, no end.
        var (clean, cleanKey) = await Server.CreateMeetingAsync();
        foreach (var path in new[] { "sessions/2022-05-23-am/start?confirm=offDay", "items/opening/open", "items/opening/conclude" })
        {
            await CommandAsPresidingAsync(clean, cleanKey, path);
        }
        var report = await ReportAsync(id);
        Assert.Equal(WithoutTimes(await ReportAsync(clean)).Replace(clean, id, StringComparison.Ordinal), WithoutTimes(report));
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task A_cap_s_automatic_end_is_undone_from_the_console_and_leaves_no_trace_in_the_report()
    {
        // The first sitting hybrid with a one-minute cap: the cap really fires (the server's own clock; the host has no
        // test clock), so this test waits a minute.
        var definition = JsonNode.Parse(MeetingOps.Tests.Shared.RepoFiles.Sample(MeetingOps.Tests.Shared.RepoFiles.Vienna2022))!;
        definition["sessions"]![0]!["format"] = "hybrid";
        definition["sessions"]![0]!["capMinutes"] = 1;
        var (id, key) = await Server.CreateMeetingFromJsonAsync(definition.ToJsonString());
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenChairAsync(id, key, viewport: Podium);

        await StartConfirmedAsync(chair);
        await Expect(chair.Locator("#cap")).ToContainTextAsync("Interpretation until ", new() { Timeout = Pages.Load });
        await chair.Keyboard.PressAsync("n");
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Load });

        await Expect(chair.Locator("#undo-text")).ToHaveTextAsync("Undo: ending session 2022-05-23-am (at its cap)", new() { Timeout = 120_000 });
        await Expect(chair.Locator("#do-start")).ToBeVisibleAsync();
        await chair.Keyboard.PressAsync("u");
        await Expect(chair.Locator("#message")).ToHaveTextAsync("Done — Undo: ending session 2022-05-23-am (at its cap).", new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Opening of the meeting");
        await Expect(chair.Locator("#sitting-status")).ToHaveTextAsync("In progress");

        var snapshot = await Server.SnapshotAsync(id);
        var sitting = snapshot["sessions"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "2022-05-23-am")!;
        Assert.Equal("inProgress", sitting["status"]!.GetValue<string>());
        Assert.Equal("opening", sitting["currentItemId"]?.GetValue<string>());
        var log = await Server.LogAsync(id);
        Assert.Equal("undo", log[^1]!["action"]!.GetValue<string>());
        var report = await ReportAsync(id);
        Assert.DoesNotContain("cap", report, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task A_key_pressed_while_the_server_is_killed_is_sent_once_when_it_is_back_or_clearly_not_sent()
    {
        await using var server = await LiveServer.StartAsync();
        var (id, key) = await server.CreateMeetingAsync();
        await server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay");
        await server.CommandAsync(id, key, "items/opening/open");
        await using var pages = new Pages(fixture, server);
        var chair = await pages.OpenChairAsync(id, key, viewport: Podium);
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Load });

        // kill -9 the server; C pressed while the console says so: held, in words.
        await server.KillAsync();
        await Expect(chair.Locator("#connection")).Not.ToHaveTextAsync("Live", new() { Timeout = Pages.Load });
        await chair.Keyboard.PressAsync("c");
        await Expect(chair.Locator("#pending-text")).ToHaveTextAsync(new Regex("^Continue .*item 1 \\(a\\): will be sent when the connection is back\\.$"));
        await Expect(chair.Locator("#cancel-pending")).ToBeVisibleAsync();
        // A second key meanwhile is refused at once, in words.
        await chair.Keyboard.PressAsync("k");
        await Expect(chair.Locator("#message")).ToContainTextAsync("Not sent:");

        // The server comes back on the same port and data: the console reconnects, re-renders and sends C once.
        await server.RestartAsync();
        await Expect(chair.Locator("#connection")).ToHaveTextAsync("Live", new() { Timeout = 30_000 });
        await Expect(chair.Locator("#message")).ToHaveTextAsync(new Regex("^(Done|Already done): .*item 1 \\(a\\) continued\\.$"), new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#pending")).ToBeHiddenAsync();
        await Expect(chair.Locator("[data-item='opening'] .pill")).ToHaveTextAsync("Continued");
        Assert.Equal(1, (await server.LogAsync(id)).Count(e => e!["action"]!.GetValue<string>() == "continue"));

        // Again, and this time the chair cancels: nothing is sent.
        await server.KillAsync();
        await Expect(chair.Locator("#connection")).Not.ToHaveTextAsync("Live", new() { Timeout = Pages.Load });
        await chair.Keyboard.PressAsync("n");
        await Expect(chair.Locator("#pending-text")).ToContainTextAsync("will be sent when the connection is back");
        await chair.Locator("#cancel-pending").ClickAsync();
        await Expect(chair.Locator("#message")).ToHaveTextAsync(new Regex("^Cancelled: Take up .* was not sent\\.$"));
        await server.RestartAsync();
        await Expect(chair.Locator("#connection")).ToHaveTextAsync("Live", new() { Timeout = 30_000 });
        var before = (await server.LogAsync(id)).Count;

        // A working console: the next key acts at once.
        await Expect(chair.Locator("#do-next")).ToBeEnabledAsync(new() { Timeout = Pages.Load });
        await chair.Keyboard.PressAsync("n");
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Adoption of the agenda and organization of work", new() { Timeout = Pages.Load });
        var log = await server.LogAsync(id);
        Assert.Equal(before + 1, log.Count);
        Assert.Equal("adoption-of-agenda", log[^1]!["itemId"]!.GetValue<string>());
        Assert.Equal(2, log.Count(e => e!["action"]!.GetValue<string>() == "open"));
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(1400, 900)]
    public async Task On_the_podium_laptop_the_item_its_actions_Undo_and_the_message_show_without_scrolling(int width, int height)
    {
        var (id, key) = await Server.CreateMeetingStartingTodayAsync();
        await Server.CommandAsync(id, key, "sessions/2022-05-23-am/start");
        await Server.CommandAsync(id, key, "items/opening/open");
        await Server.CommandAsync(id, key, "items/opening/conclude");
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenChairAsync(id, key, viewport: (width, height));
        await Expect(chair.Locator("#do-next")).ToBeEnabledAsync(new() { Timeout = Pages.Load });
        await chair.Keyboard.PressAsync("n");
        await Expect(chair.Locator("#message")).ToHaveTextAsync(new Regex("^Done: .*item 1 \\(b\\) taken up\\.$"), new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Adoption of the agenda and organization of work");

        // The venue's clock, how long the item has been under consideration, minutes planned per item.
        await Expect(chair.Locator("#venue-clock")).ToHaveTextAsync(new Regex("^Vienna \\d\\d:\\d\\d:\\d\\d$"));
        await Expect(chair.Locator("#current-elapsed")).ToHaveTextAsync(new Regex("^for 0:0\\d \\(since \\d\\d:\\d\\d\\)$"), new() { Timeout = Pages.Load });
        await Expect(chair.Locator("[data-item='transfer-of-sentenced-persons'] .plan-minutes")).ToHaveTextAsync(new Regex("^\\d+ min planned$"), new() { Timeout = Pages.Load });

        await Pages.ScreenshotAsync(chair, $"chair-podium-{width}x{height}");
        foreach (var selector in new[] { "#current-title", "#do-continue", "#do-conclude", "#do-adopt", "#do-next", "#do-undo", "#undo-text", "#message", "#sitting-status", "#connection", "#presiding" })
        {
            var box = await chair.Locator(selector).BoundingBoxAsync();
            Assert.True(box is not null, $"{selector} is not shown");
            Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= width && box.Y + box.Height <= height,
                $"{selector} at ({box.X:0}, {box.Y:0}) {box.Width:0}×{box.Height:0} is outside the {width}×{height} window");
        }
        Assert.Equal(0, await chair.EvaluateAsync<double>("() => window.scrollY"));
        Assert.True(pages.Errors.Count == 0, string.Join("\n", pages.Errors));
    }

    [Fact]
    public async Task On_a_phone_the_console_still_works()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenChairAsync(id, key, phone: true);

        await StartConfirmedAsync(chair);
        await Expect(chair.Locator("#do-next")).ToBeEnabledAsync(new() { Timeout = Pages.Load });
        await chair.Locator("#do-next").ClickAsync();
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Load });
        await chair.Locator("#do-undo").ClickAsync();
        await Expect(chair.Locator("#current")).ToHaveTextAsync("No item is under consideration.", new() { Timeout = Pages.Load });
        Assert.True(await chair.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the console is wider than the phone");
        await Pages.ScreenshotAsync(chair, "chair-phone-console");
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task Two_parallel_sittings_are_operated_from_one_console()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenChairAsync(id, key, viewport: Podium);

        // WG.3 sits alone (Monday afternoon), and at the same time WG.2 alone (Wednesday morning's plan).
        await chair.Locator("#start-session").SelectOptionAsync("2022-05-23-pm");
        await StartConfirmedAsync(chair);
        await Expect(chair.Locator("#sitting")).ToContainTextAsync("2022-05-23-pm", new() { Timeout = Pages.Load });
        await chair.Locator("#start-other summary").ClickAsync();
        await chair.Locator("#start-session").SelectOptionAsync("2022-05-25-am");
        await StartConfirmedAsync(chair);

        // The console now asks which one it operates; it operates the one just started.
        var picker = chair.Locator("#operate-session");
        await Expect(picker).ToHaveValueAsync("2022-05-25-am", new() { Timeout = Pages.Load });
        await Expect(picker.Locator("option")).ToHaveCountAsync(2);
        await Expect(chair.Locator("#next-title")).ToHaveTextAsync(new Regex("^Effective strategies"));
        await chair.Keyboard.PressAsync("n");
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync(new Regex("^Effective strategies"), new() { Timeout = Pages.Load });

        await picker.SelectOptionAsync("2022-05-23-pm");
        await Expect(chair.Locator("#current")).ToHaveTextAsync("No item is under consideration.");
        await Expect(chair.Locator("#next-title")).ToHaveTextAsync("Transfer of sentenced persons (article 17 of the Organized Crime Convention)");
        await chair.Keyboard.PressAsync("n");
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Transfer of sentenced persons (article 17 of the Organized Crime Convention)", new() { Timeout = Pages.Load });

        await picker.SelectOptionAsync("2022-05-25-am");
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync(new Regex("^Effective strategies"));
        await Expect(chair.Locator("#do-conclude")).ToBeEnabledAsync();
        await chair.Keyboard.PressAsync("k");
        await Expect(chair.Locator("#current")).ToHaveTextAsync("No item is under consideration.", new() { Timeout = Pages.Load });

        var snapshot = await Server.SnapshotAsync(id);
        string? Current(string session) => snapshot["sessions"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == session)!["currentItemId"]?.GetValue<string>();
        string Status(string item) => snapshot["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == item)!["status"]!.GetValue<string>();
        Assert.Equal("transfer-of-sentenced-persons", Current("2022-05-23-pm"));
        Assert.Null(Current("2022-05-25-am"));
        Assert.Equal("concluded", Status("effective-strategies-to-prevent-and-combat"));
        Assert.Equal("open", Status("transfer-of-sentenced-persons"));
        var log = await Server.LogAsync(id);
        Assert.Equal(["2022-05-23-pm", "2022-05-25-am", "2022-05-25-am", "2022-05-23-pm", "2022-05-25-am"], log.Select(e => e!["sessionId"]!.GetValue<string>()));
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task Who_presides_is_asked_once_kept_for_the_tab_changeable_and_sent_with_every_command()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenChairAsync(id, key, viewport: Podium);
        await Expect(chair.Locator("#presiding")).ToHaveTextAsync($"Presiding: {Pages.Presiding}");
        await StartConfirmedAsync(chair);
        await Expect(chair.Locator("#do-next")).ToBeEnabledAsync(new() { Timeout = Pages.Load });

        // Kept for the tab: a reload asks for neither key nor name.
        await chair.ReloadAsync();
        await Expect(chair.Locator("#console")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        await Pages.WaitLiveAsync(chair);

        // A vice-chair takes over.
        await chair.Locator("#presiding").ClickAsync();
        await chair.Locator("#name-change").FillAsync("Mr. Jan Novak");
        await chair.Locator("#name-form button[type=submit]").ClickAsync();
        await Expect(chair.Locator("#presiding")).ToHaveTextAsync("Presiding: Mr. Jan Novak");
        await Expect(chair.Locator("#do-next")).ToBeEnabledAsync();
        await chair.Keyboard.PressAsync("n");
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Load });

        var log = await Server.LogAsync(id);
        Assert.Equal([Pages.Presiding, "Mr. Jan Novak"], log.Select(e => e!["actor"]!["name"]!.GetValue<string>()));
        Assert.Equal("Mr. Jan Novak", await chair.EvaluateAsync<string>("() => sessionStorage.getItem('meetingops:presiding')"));
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task Defer_and_reopen_each_ask_for_a_confirmation_first()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay");
        await Server.CommandAsync(id, key, "items/opening/open");
        await Server.CommandAsync(id, key, "items/opening/conclude");
        await Server.CommandAsync(id, key, "items/adoption-of-agenda/open");
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenChairAsync(id, key, viewport: Podium);
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Adoption of the agenda and organization of work", new() { Timeout = Pages.Load });
        var version = (await Server.SnapshotAsync(id))["version"]!.GetValue<long>();

        // Defer the current item: the first press asks, nothing is sent yet.
        await chair.Locator("#do-defer").ClickAsync();
        await Expect(chair.Locator("#message")).ToContainTextAsync("to a later meeting?");
        await Expect(chair.Locator("#do-defer")).ToHaveTextAsync(new Regex("^Confirm: defer .*item 1 \\(b\\)$"));
        Assert.Equal(version, (await Server.SnapshotAsync(id))["version"]!.GetValue<long>());
        await chair.Locator("#do-defer").ClickAsync();
        await Expect(chair.Locator("[data-item='adoption-of-agenda'] .pill")).ToHaveTextAsync("Deferred", new() { Timeout = Pages.Load });

        // Reopen the concluded item 1 (a) from the plan: asked, then done.
        var reopen = chair.Locator("[data-item='opening'] .plan-reopen");
        await reopen.ClickAsync();
        await Expect(chair.Locator("#message")).ToContainTextAsync("Reopen");
        await Expect(reopen).ToHaveTextAsync("Confirm: reopen");
        await reopen.ClickAsync();
        await Expect(chair.Locator("#current-title")).ToHaveTextAsync("Opening of the meeting", new() { Timeout = Pages.Load });

        var log = await Server.LogAsync(id);
        Assert.Equal(["defer", "reopen"], log.TakeLast(2).Select(e => e!["action"]!.GetValue<string>()));
        Assert.Empty(pages.Errors);
    }

    /// <summary>
    /// Starts the sitting chosen in the console. The 2022 sample's sittings are planned for 2022, so the server asks
    /// the chair to confirm a start today; the test confirms it as a chair would.
    /// </summary>
    private static async Task StartConfirmedAsync(IPage chair)
    {
        await chair.Locator("#do-start").ClickAsync();
        await chair.Locator("#do-start-confirm").ClickAsync(new() { Timeout = Pages.Load });
    }

    private async Task CommandAsPresidingAsync(string meetingId, string chairKey, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meetingId}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chairKey);
        request.Headers.Add("X-Actor-Name", Pages.Presiding);
        using var response = await Server.Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private Task<string> ReportAsync(string meetingId) => Server.Http.GetStringAsync(new Uri($"/api/meetings/{meetingId}/report", UriKind.Relative));

    /// <summary>
    /// The report with its clock times and the log version it was written at blanked: two runs of the same sitting
    /// minutes apart, one with corrections in its log, read the same otherwise.
    /// </summary>
    private static string WithoutTimes(string report) => Versions().Replace(Times().Replace(report, "TIME"), "version N");

    [GeneratedRegex(@"version \d+")]
    private static partial Regex Versions();

    [GeneratedRegex(@"\b\d{1,2}[:.]\d{2}(\s?[ap]\.m\.)?")]
    private static partial Regex Times();
}
