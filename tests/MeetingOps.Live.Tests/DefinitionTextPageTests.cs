using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeetingOps.Live.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The secretariat's page says the server's refusals and the definition's problems in the viewer's language, in
/// headless Chromium: a draft without its dates and sittings lists what publishing would refuse, next to the fields,
/// and a publish is refused with the number of problems; a live meeting's item title emptied is refused on saving.
/// Each in French and in Arabic from the catalogue, not the server's English and not marked lang="en".
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class DefinitionTextPageTests(LiveFixture fixture)
{
    private static readonly (int Width, int Height) Laptop = (1366, 768);

    public static TheoryData<string, string, string, string, string> Languages => new()
    {
        {
            "fr",
            "Le premier jour de la réunion est obligatoire.",
            "Il faut au moins une séance\u00a0: l’organisation des travaux indique quand les organes siègent.",
            "^Le projet présente 3 problèmes\u202f; il reste à l’état de projet\\. Corrigez-les un à un et publiez de nouveau\\.$",
            "^Non enregistré\u00a0: La définition présente 1 problème\u202f; rien n’a été modifié\\.$"
        },
        {
            "ar",
            "يلزم تحديد اليوم الأول للاجتماع.",
            "تلزم جلسة واحدة على الأقل: فتنظيم الأعمال يبيِّن متى تجتمع الهيئات.",
            "^في المشروع 3 مشكلات؛ ولا يزال مشروعًا\\. صحِّح كل مشكلة ثم انشر مرة أخرى\\.$",
            "^لم يُحفظ: في التعريف مشكلة واحدة؛ ولم يُغيَّر شيء\\.$"
        },
    };

    /// <summary>The 2022 sample as a draft without its dates and sittings (what an officer holds before they are fixed).</summary>
    private async Task<string> CreateDraftAsync()
    {
        var definition = JsonNode.Parse(RepoFiles.Sample(RepoFiles.Vienna2022))!.AsObject();
        definition.Remove("startDate");
        definition.Remove("endDate");
        definition.Remove("sessions");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings?draft=true")
        {
            Content = new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LiveServer.OrganizerKey);
        using var response = await fixture.Server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (string)JsonNode.Parse(body)!["id"]!;
    }

    private static async Task<IPage> OpenSecretariatAsync(Pages pages, string id, string language)
    {
        var page = await pages.OpenAsync($"/secretariat/{id}?lang={language}", viewport: Laptop);
        await page.Locator("#key-input").FillAsync(LiveServer.OrganizerKey);
        await page.Locator("#key-submit").ClickAsync();
        await Expect(page.Locator("#definition-form")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        // The form is drawn once the definition (and a live meeting's snapshot) has come: its version says so.
        await Expect(page.Locator("#version")).Not.ToBeEmptyAsync(new() { Timeout = Pages.Load });
        return page;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_secretariat_page_says_the_definitions_problems_and_the_refused_publish_and_save_in_the_viewers_language(
        string language, string startDateRequired, string sessionsRequired, string publishRefused, string saveRefused)
    {
        var draftId = await CreateDraftAsync();
        await using var pages = new Pages(fixture);

        // The draft's problems, listed and next to their fields, in the page's language.
        var page = await OpenSecretariatAsync(pages, draftId, language);
        var startDate = page.Locator("#problems li[data-problem-path='$.startDate']");
        await Expect(startDate).ToContainTextAsync(startDateRequired, new() { Timeout = Pages.Load });
        await Expect(startDate.Locator("[lang=en]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-field-path='$.startDate'] .field-problem")).ToHaveTextAsync(startDateRequired);
        await Expect(page.Locator("[data-field-path='$.startDate'] .field-problem")).Not.ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#problems li[data-problem-path='$.sessions']")).ToContainTextAsync(sessionsRequired);

        // Saved as it is (a draft keeps its gaps), then publishing is refused: the draft has its three problems still.
        await page.Locator("#save").ClickAsync();
        await Expect(page.Locator("#save-message")).ToHaveClassAsync(new Regex("message-success"), new() { Timeout = Pages.Load });
        await page.Locator("#publish").ClickAsync();
        await Expect(page.Locator("#publish-message")).ToHaveTextAsync(new Regex(publishRefused), new() { Timeout = Pages.Load });
        await Expect(page.Locator("#publish-message [lang=en]")).ToHaveCountAsync(0);
        await Pages.ScreenshotAsync(page, $"secretariat-draft-problems-{language}");

        // A live meeting: an item's title emptied is refused on saving, the problem said next to the title.
        var (liveId, _) = await fixture.Server.CreateMeetingAsync();
        var live = await OpenSecretariatAsync(pages, liveId, language);
        await live.Locator("input[data-path='$.items[0].title']").FillAsync("");
        await Expect(live.Locator("input[data-path='$.items[0].title']")).ToHaveValueAsync("");
        await live.Locator("#save").ClickAsync();
        await Expect(live.Locator("#save-message")).ToHaveTextAsync(new Regex(saveRefused), new() { Timeout = Pages.Load });
        await Expect(live.Locator("#save-message [lang=en]")).ToHaveCountAsync(0);
        var title = live.Locator("[data-field-path='$.items[0].title'] .field-problem");
        await Expect(title).ToHaveTextAsync(language == "fr" ? "Obligatoire, et ne doit pas être vide." : "حقل إلزامي، ولا يجوز أن يكون فارغًا.");
        await Expect(title).Not.ToHaveAttributeAsync("lang", "en");

        // Refused answers are logged by the browser as failed loads; nothing else went wrong on the pages.
        Assert.DoesNotContain(pages.Errors, e => !e.Contains("Failed to load resource", StringComparison.Ordinal));
    }
}
