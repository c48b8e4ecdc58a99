using System.Text.RegularExpressions;
using MeetingOps.Live.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The server's own words on the chair console in the viewer's language, in headless Chromium: a start refused until
/// confirmed (another day than planned), a command refused for the wrong key, and what Undo would undo, each said in
/// French and in Arabic from the catalogue (not the server's English, and not marked lang="en").
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class ServerTextPageTests(LiveFixture fixture)
{
    private LiveServer Server => fixture.Server;

    // Arabic keeps ids, numbers and dates left to right inside isolates (U+2066 … U+2069): allowed anywhere.
    private const string Iso = "[\u2066\u2069]*";

    public static TheoryData<string, string, string, string, string> Languages => new()
    {
        {
            "fr",
            "^Cette séance est prévue le .*23 mai 2022\u202f; l’ouvrir maintenant\u202f\\? Nous sommes le .* sur le lieu de la réunion\\.$",
            "^Annuler\u00a0: ouverture de la séance .*23 mai 2022, 15:00–18:00$",
            "^Annuler\u00a0: ouverture de l’examen de .+ à la séance .*23 mai 2022, 10:00–13:00$",
            "^La clé saisie n’est pas la clé de la présidence de cette réunion\\. Saisissez de nouveau la clé de la présidence\\.$"
        },
        {
            "ar",
            $"^هذه الجلسة مقررة يوم .*2022{Iso}؛ أتُفتتح الآن؟ اليوم في مكان الاجتماع هو .*\\.$",
            $"^تراجع: افتتاح الجلسة .*{Iso}15:00–18:00{Iso}$",
            $"^تراجع: بدء النظر في .* في الجلسة .*{Iso}10:00–13:00{Iso}$",
            "^المفتاح المُدخل ليس مفتاح رئيس هذا الاجتماع\\. أدخل مفتاح الرئيس مرة أخرى\\.$"
        },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_chair_console_says_the_servers_refusals_and_its_undo_offer_in_the_viewers_language(
        string language, string offDay, string undoStart, string undoTakeUp, string wrongKey)
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var chair = await OpenChairAsync(pages, id, key, language);

        // Refused until confirmed: the sitting is planned for another day (the meeting was in 2022).
        await chair.Locator("#start-session").SelectOptionAsync("2022-05-23-pm");
        await chair.Locator("#do-start").ClickAsync();
        await Expect(chair.Locator("#start-question")).ToHaveTextAsync(new Regex(offDay), new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#start-question")).Not.ToHaveAttributeAsync("lang", "en");
        await chair.Locator("#do-start-confirm").ClickAsync();

        // What Undo would undo, from the server's phrase.
        await Expect(chair.Locator("#undo-text")).ToHaveTextAsync(new Regex(undoStart), new() { Timeout = Pages.Push });
        await Expect(chair.Locator("#undo-text")).Not.ToHaveAttributeAsync("lang", "en");
        await chair.Locator("#do-undo").ClickAsync();
        await Expect(chair.Locator("#do-start")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        await chair.Locator("#start-session").SelectOptionAsync("2022-05-23-am");
        await chair.Locator("#do-start").ClickAsync();
        await chair.Locator("#do-start-confirm").ClickAsync(new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#do-next")).ToBeEnabledAsync(new() { Timeout = Pages.Load });
        await chair.Locator("#do-next").ClickAsync();
        await Expect(chair.Locator("#undo-text")).ToHaveTextAsync(new Regex(undoTakeUp), new() { Timeout = Pages.Push });

        // A command sent with a key that is not the chair's: refused, in the viewer's language.
        await using var other = new Pages(fixture);
        var wrong = await other.OpenAsync($"/chair/{id}?lang={language}");
        await wrong.Locator("#key-input").FillAsync("not-the-chair-key");
        await wrong.Locator("#name-input").FillAsync(Pages.Presiding);
        await wrong.Locator("#key-form button[type=submit]").ClickAsync();
        await Expect(wrong.Locator("#do-continue")).ToBeEnabledAsync(new() { Timeout = Pages.Load });
        await wrong.Locator("#do-continue").ClickAsync();
        await Expect(wrong.Locator("#key-error")).ToHaveTextAsync(new Regex(wrongKey), new() { Timeout = Pages.Load });
    }

    private static async Task<IPage> OpenChairAsync(Pages pages, string id, string key, string language)
    {
        var chair = await pages.OpenAsync($"/chair/{id}?lang={language}");
        await chair.Locator("#key-input").FillAsync(key);
        await chair.Locator("#name-input").FillAsync(Pages.Presiding);
        await chair.Locator("#key-form button[type=submit]").ClickAsync();
        await Expect(chair.Locator("#console")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        return chair;
    }
}
