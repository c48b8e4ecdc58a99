using System.Text.RegularExpressions;
using MeetingOps.Live.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The secretariat's card for another language version of the agenda, in headless Chromium: the officer pastes the
/// French text as published, the French titles are added as one amendment and pushed to a French follow page; the
/// same text again changes nothing; a text with another symbol is refused in the officer's language.
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class TranslationCardTests(LiveFixture fixture)
{
    private static readonly (int Width, int Height) Laptop = (1366, 768);

    private static string Corpus(string name) => RepoFiles.TranslationCorpus(name);

    [Fact]
    public async Task French_titles_pasted_on_the_secretariat_page_reach_the_French_follow_page_live()
    {
        var (id, key) = await fixture.Server.CreateMeetingFromJsonAsync(Corpus("cac-cosp-irg-2015.meeting.json"));
        await fixture.Server.CommandAsync(id, key, "sessions/2015-06-01-am/start?confirm=offDay");
        await fixture.Server.CommandAsync(id, key, "items/opening/open");
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenAsync($"/follow/{id}?lang=fr", phone: true);
        await follow.WaitForFunctionAsync("() => window.meetingOpsLive?.status === 'live' && window.meetingOpsLive.version >= 0", null,
            new PageWaitForFunctionOptions { Timeout = Pages.Load });
        await follow.EvaluateAsync("() => { window.__sameDocument = true; }");

        var page = await pages.OpenAsync($"/secretariat/{id}?lang=fr", viewport: Laptop);
        await page.Locator("#key-input").FillAsync(LiveServer.OrganizerKey);
        await page.Locator("#key-submit").ClickAsync();
        await Expect(page.Locator("#translate-card")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        await Expect(page.Locator("#translate-heading")).ToHaveTextAsync("Intitulés dans une autre langue");
        // The five languages a translation can be given in, named in the officer's language.
        await Expect(page.Locator("#translate-lang option")).ToHaveCountAsync(5);
        await Expect(page.Locator("#translate-lang option[value=fr]")).ToHaveTextAsync("français");

        var french = Corpus("cac-cosp-irg-2015-1.fr.txt");
        await page.Locator("#translate-lang").SelectOptionAsync("fr");
        await page.Locator("#translate-text").FillAsync(french);
        await page.Locator("#translate").ClickAsync();

        await Expect(page.Locator("#translate-message")).ToContainTextAsync("10 intitulés ajoutés", new() { Timeout = Pages.Load });
        await Expect(page.Locator("#translate-warnings")).ToBeHiddenAsync();
        await Expect(follow.Locator("#now-title")).ToHaveTextAsync("Ouverture de la session", new() { Timeout = Pages.Push });
        Assert.True(await follow.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the follow page reloaded");
        // The form shows the definition with its titles: the version moved on, and a save now is not stale.
        await Expect(page.Locator("#version")).ToContainTextAsync("version", new() { Timeout = Pages.Load });
        await Pages.ScreenshotAsync(page, "secretariat-translation-fr-1366");

        // The same text again adds nothing, and says so.
        await page.Locator("#translate").ClickAsync();
        await Expect(page.Locator("#translate-message")).ToContainTextAsync("rien n’a été modifié", new() { Timeout = Pages.Load });

        // Another agenda's text: refused in French, the server's words not left in English.
        await page.Locator("#translate-text").FillAsync(french.Replace("CAC/COSP/IRG/2015/1", "CTOC/COP/WG.3/2022/1", StringComparison.Ordinal));
        await page.Locator("#translate").ClickAsync();
        await Expect(page.Locator("#translate-message")).ToHaveClassAsync(new Regex("message-error"), new() { Timeout = Pages.Load });
        await Expect(page.Locator("#translate-message")).ToContainTextAsync("CTOC/COP/WG.3/2022/1");
        Assert.Equal(0, await page.Locator("#translate-message [lang=en]").CountAsync());

        var phone = await pages.OpenAsync($"/secretariat/{id}?lang=ar", phone: true);
        await phone.Locator("#key-input").FillAsync(LiveServer.OrganizerKey);
        await phone.Locator("#key-submit").ClickAsync();
        await Expect(phone.Locator("#translate-card")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.Equal(0, overflow);
        await phone.Locator("#translate-card").ScrollIntoViewIfNeededAsync();
        await Pages.ScreenshotAsync(phone, "secretariat-translation-ar-390");
        // The only console error is the browser's own line for the refused text (422): the page said it in words above.
        Assert.All(pages.Errors, e => Assert.Contains("status of 422", e, StringComparison.Ordinal));
    }
}
