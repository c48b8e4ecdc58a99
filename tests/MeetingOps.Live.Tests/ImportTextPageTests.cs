using System.Text.RegularExpressions;
using MeetingOps.Live.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The importer's words on the home page in the viewer's language, in headless Chromium: the warnings of a previewed agenda
/// in French and the refusal of a text with no agenda in Spanish, each said from the catalogue by its phrase (not the
/// server's English, and not marked lang="en"), each warning on its line.
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class ImportTextPageTests(LiveFixture fixture)
{
    [Fact]
    public async Task The_home_page_says_the_importers_warnings_in_French_and_its_refusal_in_Spanish()
    {
        await using var pages = new Pages(fixture);
        var french = await pages.OpenAsync("/?lang=fr");
        await french.Locator("#import-key").FillAsync(LiveServer.OrganizerKey);
        await french.Locator("#import-text").FillAsync(File.ReadAllText(Path.Combine(RepoFiles.SamplesFolder, "ctoc-wg3-2021-annotated-agenda.txt")));
        await french.Locator("#import-preview").ClickAsync();

        var warnings = french.Locator("#import-result ul.warnings li");
        await Expect(warnings).ToHaveTextAsync(
            [
                "Ligne 50\u00a0: Les sous-points 2 (a) à 2 (b) sont regroupés sans texte entre eux\u202f; le texte qui suit est lu comme l’annotation de l’ensemble du point 2.",
                "Ligne 99\u00a0: La date n’indique pas l’année\u202f; 2021 est supposé d’après les dates de la réunion.",
                "Ligne 104\u00a0: La date n’indique pas l’année\u202f; 2021 est supposé d’après les dates de la réunion.",
            ],
            new() { Timeout = Pages.Load });
        // Said from the catalogue, so nothing in the list is marked as the server's English.
        await Expect(french.Locator("#import-result ul.warnings [lang=en]")).ToHaveCountAsync(0);
        Assert.Empty(pages.Errors);

        var spanish = await pages.OpenAsync("/?lang=es");
        await spanish.Locator("#import-key").FillAsync(LiveServer.OrganizerKey);
        await spanish.Locator("#import-text").FillAsync("Nothing in here looks like an agenda.");
        await spanish.Locator("#import-preview").ClickAsync();
        await Expect(spanish.Locator("#import-result .error p")).ToHaveTextAsync(
            new Regex("^No se encontraron temas del programa: se esperaban temas numerados como «1\\. Cuestiones de organización»"), new() { Timeout = Pages.Load });
        await Expect(spanish.Locator("#import-result .error li").First).ToHaveTextAsync(new Regex("(^|: )No se encontraron temas del programa"));
        await Expect(spanish.Locator("#import-result .error [lang=en]")).ToHaveCountAsync(0);
    }
}
