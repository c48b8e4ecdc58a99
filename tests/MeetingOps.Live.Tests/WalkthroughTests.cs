using System.Text.RegularExpressions;
using MeetingOps.Live.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// What a first walk through the pages on the 2022 sample found wrong, as a new chair meets it: the console's top bar
/// on a phone in French, and sittings named by their ids ("2022-05-23-am") where people read them.
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class WalkthroughTests(LiveFixture fixture)
{
    private LiveServer Server => fixture.Server;

    [Fact]
    public async Task On_a_phone_in_French_the_console_s_top_bar_wraps_instead_of_pushing_the_language_menu_off_the_screen()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenAsync($"/chair/{id}?lang=fr", phone: true);
        await chair.Locator("#key-input").FillAsync(key);
        await chair.Locator("#name-input").FillAsync(Pages.Presiding);
        await chair.Locator("#key-form button[type=submit]").ClickAsync();
        await Expect(chair.Locator("#console")).ToBeVisibleAsync();
        // Pages.WaitLiveAsync reads "Live"; in French the indicator says "En direct".
        await Expect(chair.Locator("#connection")).ToHaveClassAsync(new Regex("connection-live"), new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#connection")).ToHaveTextAsync("En direct");
        // The presiding officer's name and "Oublier la clé" are in the bar now, the widest it gets.
        await Expect(chair.Locator("#presiding")).ToBeVisibleAsync();
        await Expect(chair.Locator("#forget-key")).ToBeVisibleAsync();

        // clientWidth, not innerWidth: a mobile browser widens its layout viewport to whatever overflows.
        var overflow = await chair.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.Equal(0, overflow);
        var menu = await chair.Locator("#language-menu").BoundingBoxAsync();
        Assert.NotNull(menu);
        Assert.True(menu.X >= 0 && menu.X + menu.Width <= Pages.Phone.Width,
            $"the language menu spans {menu.X:0}–{menu.X + menu.Width:0} on a {Pages.Phone.Width}-pixel phone");
        await Pages.ScreenshotAsync(chair, "walk-chair-phone-fr");
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task The_console_names_a_sitting_by_its_day_hours_and_bodies_not_by_its_id()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenChairAsync(id, key);

        await chair.Locator("#do-start").ClickAsync();
        await chair.Locator("#do-start-confirm").ClickAsync(new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#sitting")).ToContainTextAsync("10:00–13:00", new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#log")).ToContainTextAsync("10:00–13:00", new() { Timeout = Pages.Push });

        // The end's question, armed by a first click, says which sitting in the same words.
        await chair.Locator("#do-end").ClickAsync();
        await Expect(chair.Locator("#message")).ToContainTextAsync("10:00–13:00");

        foreach (var place in new[] { "#sitting", "#log", "#message", "#sitting-actions" })
        {
            Assert.DoesNotContain("2022-05-23-am", await chair.Locator(place).InnerTextAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task The_home_page_links_each_meeting_to_its_programme_of_the_day()
    {
        var (id, _) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var home = await pages.OpenAsync("/");
        var link = home.Locator($"[data-meeting='{id}'] a[href='/programme/{id}']");
        await Expect(link).ToHaveTextAsync("Programme of the day", new() { Timeout = Pages.Load });
        await link.ClickAsync();
        await Expect(home.Locator("#programme-title")).ToContainTextAsync("Thirteenth meetings", new() { Timeout = Pages.Load });
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task The_room_screen_s_reconnecting_banner_does_not_cover_the_bodies_names()
    {
        var (id, _) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var display = await pages.OpenLiveAsync($"/display/{id}", viewport: (1366, 768));
        await Expect(display.Locator("#bodies")).ToContainTextAsync("Working Group on International Cooperation", new() { Timeout = Pages.Load });

        await display.Context.SetOfflineAsync(true);
        await Expect(display.Locator("#reconnecting")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        await Expect(display.Locator("body")).ToHaveClassAsync(new Regex("is-offline"));
        var banner = await display.Locator("#reconnecting").BoundingBoxAsync();
        var bodies = await display.Locator("#bodies").BoundingBoxAsync();
        Assert.NotNull(banner);
        Assert.NotNull(bodies);
        Assert.True(banner.Y + banner.Height <= bodies.Y,
            $"the banner ends at {banner.Y + banner.Height:0} px, the bodies' names start at {bodies.Y:0} px");
        await Pages.ScreenshotAsync(display, "walk-display-reconnecting");

        await display.Context.SetOfflineAsync(false);
        await Expect(display.Locator("#reconnecting")).ToBeHiddenAsync(new() { Timeout = Pages.Load });
    }

    [Fact]
    public async Task An_agenda_created_from_the_home_page_before_its_script_is_ready_still_opens_as_a_draft()
    {
        // The catalogue answers late (a slow network, or a busy CI machine): the page has loaded, but home.js, which
        // waits for the catalogue, has not yet taken the form. A press then once submitted the form natively, reloaded
        // the home page and lost the agenda; the buttons now wait for the script.
        await using var pages = new Pages(fixture);
        var device = await pages.DeviceAsync((1366, 768));
        await device.RouteAsync("**/i18n/*.json", async route =>
        {
            await Task.Delay(1500);
            await route.ContinueAsync();
        });
        var home = await pages.OpenAsync("/", device: device);
        Assert.True(await home.Locator("#import-create").IsDisabledAsync(), "the create button is pressable before the page's script handles the form");
        await home.Locator("#import-key").FillAsync(LiveServer.OrganizerKey);
        await home.Locator("#import-text").FillAsync(MeetingOps.Tests.Shared.RepoFiles.Sample("ctoc-wg3-2021-annotated-agenda.txt"));

        await home.Locator("#import-create").ClickAsync();

        // Created: the answer's links are on the page, which was never reloaded by a native submission.
        await Expect(home.Locator("#import-result a[href^='/chair/']")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        Assert.EndsWith("/", home.Url, StringComparison.Ordinal);
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task On_a_plain_http_origin_without_crypto_randomUUID_the_console_and_the_secretariat_still_send_commands()
    {
        // A venue that serves the pages over plain http on its own network (http://10.0.0.5:8080) is not a secure
        // context, and there crypto.randomUUID does not exist. The tests' loopback address is one, so it is taken away.
        var (id, key) = await Server.CreateMeetingAsync();
        await Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay"); // the sample's Monday is not today
        await using var pages = new Pages(fixture);
        var insecure = await pages.DeviceAsync(Pages.Desktop);
        await insecure.AddInitScriptAsync("delete Crypto.prototype.randomUUID;");
        var display = await pages.OpenLiveAsync($"/display/{id}");

        var chair = await pages.OpenChairAsync(id, key, device: insecure);
        Assert.True(await chair.EvaluateAsync<bool>("() => typeof crypto.randomUUID === 'undefined'"));
        const string fromChair = "The photo of the working groups is at 12:45 in the Rotunda.";
        await chair.Locator("#chair-announce-text").FillAsync(fromChair);
        await chair.Locator("#chair-announce").ClickAsync();
        await Expect(display.Locator("#notices")).ToContainTextAsync(fromChair, new() { Timeout = Pages.Push });

        var secretariat = await pages.OpenAsync($"/secretariat/{id}", device: insecure);
        await secretariat.Locator("#key-input").FillAsync(LiveServer.OrganizerKey);
        await secretariat.Locator("#key-submit").ClickAsync();
        await Expect(secretariat.Locator("#version")).ToContainTextAsync("version", new() { Timeout = Pages.Load });
        const string fromSecretariat = "Informal consultations at 13:00 in Room M3";
        await secretariat.Locator("#announce-text").FillAsync(fromSecretariat);
        await secretariat.Locator("#announce").ClickAsync();
        await Expect(display.Locator("#notices")).ToContainTextAsync(fromSecretariat, new() { Timeout = Pages.Push });
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task A_form_left_empty_is_refused_in_the_page_s_language_not_the_browser_s()
    {
        // The browser here speaks English; the console is opened in Arabic and the secretariat's page in French.
        var (id, _) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var chair = await pages.OpenAsync($"/chair/{id}?lang=ar");
        await chair.Locator("#key-form button[type=submit]").ClickAsync();
        Assert.Equal("يُرجى ملء هذا الحقل.", await chair.Locator("#key-input").EvaluateAsync<string>("e => e.validationMessage"));
        await chair.Locator("#key-input").FillAsync("short");
        await chair.Locator("#key-form button[type=submit]").ClickAsync();
        Assert.Equal("8 أحرف على الأقل.", await chair.Locator("#key-input").EvaluateAsync<string>("e => e.validationMessage"));

        var secretariat = await pages.OpenAsync($"/secretariat/{id}?lang=fr");
        await secretariat.Locator("#key-submit").ClickAsync();
        Assert.Equal("Veuillez remplir ce champ.", await secretariat.Locator("#key-input").EvaluateAsync<string>("e => e.validationMessage"));
        Assert.Empty(pages.Errors);
        // Filled by a script (no input event, as a .txt file read into a text box): the next submit is not held back
        // (it reaches the server, which refuses the key).
        await secretariat.Locator("#key-input").EvaluateAsync("e => { e.value = 'not-the-organizer-key'; }");
        await secretariat.Locator("#key-submit").ClickAsync();
        await Expect(secretariat.Locator("#key-error")).ToHaveTextAsync("La clé a été refusée : ce n’est pas la clé de l’organisateur.");
    }
}
