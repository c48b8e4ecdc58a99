using MeetingOps.Live.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The secretariat's re-plan preview in headless Chromium, in French: every sitting hybrid with a short cap, and the
/// proposal's moves are said from their parts (item, sittings by day and hours, minutes) with no English left.
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class ReplanPageTests(LiveFixture fixture)
{
    [Fact]
    public async Task A_re_plan_proposal_says_its_moves_in_the_officers_language()
    {
        var (id, _) = await fixture.Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var page = await pages.OpenAsync($"/secretariat/{id}?lang=fr", viewport: (1366, 768));
        await page.Locator("#key-input").FillAsync(LiveServer.OrganizerKey);
        await page.Locator("#key-submit").ClickAsync();
        await Expect(page.Locator("#format-card")).ToBeVisibleAsync(new() { Timeout = Pages.Load });

        // The sittings are listed once the live meeting is read, after the card shows.
        var sittings = page.Locator("input[name=format-sitting]");
        await Expect(sittings.First).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        foreach (var sitting in await sittings.AllAsync())
        {
            await sitting.CheckAsync();
        }
        // Reloading the form draws the cards again: the sittings ticked stay ticked.
        var ticked = await sittings.CountAsync();
        await sittings.First.EvaluateAsync("box => { box.dataset.drawnBefore = 'yes'; }");
        await page.Locator("#reload").ClickAsync();
        await Expect(page.Locator("input[name=format-sitting][data-drawn-before]")).ToHaveCountAsync(0, new() { Timeout = Pages.Load });
        await Expect(page.Locator("input[name=format-sitting]:checked")).ToHaveCountAsync(ticked);
        await page.Locator("#format-format").SelectOptionAsync("hybrid");
        await page.Locator("#format-cap").FillAsync("60");
        await page.Locator("#format-strategy").SelectOptionAsync("reflow");
        await page.Locator("#format-preview").ClickAsync();

        var moves = page.Locator("#proposal .proposal-moves li");
        await Expect(moves.First).ToContainTextAsync("→", new() { Timeout = Pages.Load });
        var said = string.Join("\n", await moves.AllTextContentsAsync());
        Assert.Contains("pas encore placé", said, StringComparison.Ordinal);
        foreach (var english in new[] { "not yet placed", "morning", "afternoon", "Monday", "Item " })
        {
            Assert.DoesNotContain(english, said, StringComparison.Ordinal);
        }
        Assert.Equal(0, await page.Locator("#proposal [lang=en]").CountAsync());
        Assert.Empty(pages.Errors);
    }
}
