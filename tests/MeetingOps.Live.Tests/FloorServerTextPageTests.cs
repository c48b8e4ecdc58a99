using System.Net;
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
/// The floor's refusals in the viewer's language, in headless Chromium: the chair inscribing a delegation that has
/// already asked (the refusal names the delegation and the kind of request), and a delegation's phone asking for a
/// statement once the list of speakers is closed, each said in French and in Arabic from the catalogue, not the
/// server's English and not marked lang="en".
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class FloorServerTextPageTests(LiveFixture fixture)
{
    private const string Item = "transfer-of-sentenced-persons";

    // Arabic keeps Latin names left to right inside isolates (U+2066 … U+2069).
    private const string Iso = "[\u2066\u2069]*";

    private LiveServer Server => fixture.Server;

    public static TheoryData<string, string, string> Languages => new()
    {
        {
            "fr",
            "^La délégation Brazil a déjà demandé la parole sur ce point \\(déclaration\\)\\.$",
            "^La liste des orateurs est close\u00a0: aucune nouvelle demande de déclaration n’est acceptée sur ce point\\.$"
        },
        {
            "ar",
            $"^سبق أن طلب وفد {Iso}Brazil{Iso} الكلمة في إطار هذا البند \\(بيان\\)\\.$",
            "^قائمة المتكلمين مقفلة: لم تعد تُقبل طلبات إلقاء بيانات في إطار هذا البند\\.$"
        },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_floor_refused_is_said_in_the_viewers_language_on_the_chair_console_and_the_delegations_phone(
        string language, string alreadyAsked, string listClosed)
    {
        var (id, chairKey) = await Server.CreateMeetingAsync();
        await Organizer(HttpMethod.Put, $"/api/meetings/{id}/delegations", RepoFiles.Sample(RepoFiles.Vienna2022Delegations));
        var issued = await Organizer(HttpMethod.Post, $"/api/meetings/{id}/delegations/brazil/key", idempotencyKey: $"issue-brazil-{language}");
        var link = new Uri((string)issued["link"]!);
        await Server.CommandAsync(id, chairKey, "sessions/2022-05-23-am/start?confirm=offDay");
        await Server.CommandAsync(id, chairKey, $"items/{Item}/open");

        await using var pages = new Pages(fixture);
        var phone = await OpenLiveAsync(pages, $"{link.AbsolutePath}?lang={language}{link.Fragment}", phone: true);
        await phone.Locator("[data-request=statement]").ClickAsync(new() { Timeout = Pages.Load });
        await Expect(phone.Locator("[data-withdraw=statement]")).ToBeVisibleAsync(new() { Timeout = Pages.Push });

        // The chair inscribes Brazil for a statement it has already asked for: refused, naming Brazil and the statement.
        var chair = await OpenLiveAsync(pages, $"/chair/{id}?lang={language}", chairKey: chairKey);
        await Expect(chair.Locator("#floor-queue li")).ToHaveCountAsync(1, new() { Timeout = Pages.Push });
        await Expect(chair.Locator("#floor-inscribe option[value=brazil]")).ToHaveCountAsync(1, new() { Timeout = Pages.Load });
        await chair.Locator("#floor-inscribe").SelectOptionAsync("brazil");
        await chair.Locator("#floor-inscribe-kind").SelectOptionAsync("statement");
        await chair.Locator("#floor-inscribe-kind + button").ClickAsync();
        await Expect(chair.Locator("#floor-message")).ToHaveTextAsync(new Regex(alreadyAsked), new() { Timeout = Pages.Load });
        await Expect(chair.Locator("#floor-message")).Not.ToHaveAttributeAsync("lang", "en");

        // The list is closed; Brazil withdraws its statement and asks again: refused, in the phone's language.
        await Server.CommandAsync(id, chairKey, $"items/{Item}/floor/close");
        await Expect(phone.Locator(".floor-closed")).ToBeVisibleAsync(new() { Timeout = Pages.Push });
        await phone.Locator("[data-withdraw=statement]").ClickAsync();
        await phone.Locator("[data-request=statement]").ClickAsync(new() { Timeout = Pages.Push });
        await Expect(phone.Locator("#floor-message")).ToHaveTextAsync(new Regex(listClosed), new() { Timeout = Pages.Load });
        await Expect(phone.Locator("#floor-message")).Not.ToHaveAttributeAsync("lang", "en");
        // A later push (the chair reopens the list) redraws the list but leaves the refusal said until the next press.
        await Server.CommandAsync(id, chairKey, $"items/{Item}/floor/reopen");
        await Expect(phone.Locator(".floor-closed")).ToBeHiddenAsync(new() { Timeout = Pages.Push });
        await Expect(phone.Locator("#floor-message")).ToHaveTextAsync(new Regex(listClosed));
        // The browser logs each refused request (409, 422) as a failed resource; anything else is an error of the pages.
        Assert.DoesNotContain(pages.Errors, e => !e.Contains("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_announcement_refused_on_the_secretariats_page_is_said_in_french()
    {
        var (id, _) = await Server.CreateMeetingAsync();
        await using var pages = new Pages(fixture);
        var page = await pages.OpenAsync($"/secretariat/{id}?lang=fr", viewport: Pages.Desktop);
        await page.Locator("#key-input").FillAsync(LiveServer.OrganizerKey);
        await page.Locator("#key-submit").ClickAsync();
        await Expect(page.Locator("#announce-card")).ToBeVisibleAsync(new() { Timeout = Pages.Load });

        // Shown until a time already past (the sample's meeting was in 2022): refused, and said in French.
        await page.Locator("#announce-text").FillAsync("Consultations officieuses à 13 heures, salle M3");
        await page.Locator("#announce-until").FillAsync("2022-05-23T13:30");
        await page.Locator("#announce").ClickAsync();
        await Expect(page.Locator("#announce-message")).ToHaveTextAsync(
            new Regex("^La fin de l’annonce \\(lundi 23 mai.*13:30\\) n’est pas dans le futur \\(il est \\d\\d:\\d\\d\\)\\.$"), new() { Timeout = Pages.Load });
        await Expect(page.Locator("#announce-message")).Not.ToHaveAttributeAsync("lang", "en");
        Assert.DoesNotContain(pages.Errors, e => !e.Contains("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal));
    }

    /// <summary>A page in another language: the connection's words are not English, so it waits for the live snapshot itself.</summary>
    private static async Task<IPage> OpenLiveAsync(Pages pages, string path, bool phone = false, string? chairKey = null)
    {
        var page = await pages.OpenAsync(path, phone: phone);
        if (chairKey is not null)
        {
            await page.Locator("#key-input").FillAsync(chairKey);
            await page.Locator("#name-input").FillAsync(Pages.Presiding);
            await page.Locator("#key-form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#console")).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        }
        await page.WaitForFunctionAsync("() => window.meetingOpsLive?.version >= 0", null, new PageWaitForFunctionOptions { Timeout = Pages.Load });
        await Expect(page.Locator("#floor-queue, #floor .muted").First).ToBeVisibleAsync(new() { Timeout = Pages.Load });
        return page;
    }

    private async Task<JsonNode> Organizer(HttpMethod method, string path, string? json = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LiveServer.OrganizerKey);
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await Server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }
}
