using MeetingOps.Live.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>The secretariat imports an agenda document from the home page, previews it, then creates the meeting.</summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class ImportPageTests(LiveFixture fixture)
{
    [Fact]
    public async Task An_agenda_pasted_on_the_home_page_is_previewed_then_created_and_listed()
    {
        await using var pages = new Pages(fixture);
        var home = await pages.OpenAsync("/");
        var agenda = File.ReadAllText(Path.Combine(RepoFiles.SamplesFolder, "ctoc-wg3-2021-annotated-agenda.txt"));

        await home.Locator("#import-key").FillAsync(LiveServer.OrganizerKey);
        await home.Locator("#import-text").FillAsync(agenda);
        await home.Locator("#import-preview").ClickAsync();
        await Expect(home.Locator("#import-result")).ToContainTextAsync("Twelfth meeting of the Working Group on International Cooperation", new() { Timeout = Pages.Load });
        await Expect(home.Locator("#import-result")).ToContainTextAsync("Vienna (Europe/Vienna), 2021-03-25 to 2021-03-26");
        await Expect(home.Locator("#import-result")).ToContainTextAsync("4 sessions");

        await home.Locator("#import-create").ClickAsync();
        await Expect(home.Locator("#import-result")).ToContainTextAsync("Chair key (shown this once", new() { Timeout = Pages.Load });
        var chairLink = home.Locator("#import-result a", new() { HasTextString = "Chair console" });
        var href = await chairLink.GetAttributeAsync("href");
        Assert.StartsWith("/chair/", href, StringComparison.Ordinal);
        var id = href!["/chair/".Length..];
        await Expect(home.Locator($"#meetings [data-meeting='{id}']")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        await Pages.ScreenshotAsync(home, "home-import-desktop");
        Assert.Empty(pages.Errors);
    }

    [Fact]
    public async Task A_wrong_key_or_a_text_with_no_agenda_is_refused_with_the_reason()
    {
        await using var pages = new Pages(fixture);
        var home = await pages.OpenAsync("/");

        await home.Locator("#import-key").FillAsync("not-the-organizer-key");
        await home.Locator("#import-text").FillAsync("anything");
        await home.Locator("#import-preview").ClickAsync();
        await Expect(home.Locator("#import-result .error")).ToContainTextAsync("The key entered is not the organizer key.", new() { Timeout = Pages.Load }); // the catalogue's words for key.notOrganizer

        await home.Locator("#import-key").FillAsync(LiveServer.OrganizerKey);
        await home.Locator("#import-text").FillAsync("Nothing in here looks like an agenda.");
        await home.Locator("#import-preview").ClickAsync();
        await Expect(home.Locator("#import-result .error li")).Not.ToHaveCountAsync(0, new() { Timeout = Pages.Load });
    }
}
