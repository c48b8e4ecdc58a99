using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MeetingOps.Live.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The floor in headless Chromium on the 2022 sample with 20 delegations: five delegations ask from five phones,
/// the chair gives the floor from the console (a point of order first), the room display shows speaker and timer,
/// and the report names the speakers.
/// </summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class FloorPageTests(LiveFixture fixture)
{
    private const string Item = "transfer-of-sentenced-persons";

    private LiveServer Server => fixture.Server;

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

    [Fact]
    public async Task Five_phones_ask_for_the_floor_and_the_chair_gives_it_in_order_with_a_point_of_order_first()
    {
        var (id, chairKey) = await Server.CreateMeetingAsync();
        await Organizer(HttpMethod.Put, $"/api/meetings/{id}/delegations", RepoFiles.Sample(RepoFiles.Vienna2022Delegations));
        string[] five = ["austria", "brazil", "eu", "chile", "india"];
        var links = new Dictionary<string, string>();
        foreach (var d in five)
        {
            var issued = await Organizer(HttpMethod.Post, $"/api/meetings/{id}/delegations/{d}/key", idempotencyKey: "issue-" + d);
            links[d] = new Uri((string)issued["link"]!).PathAndQuery + new Uri((string)issued["link"]!).Fragment;
        }
        await Server.CommandAsync(id, chairKey, "sessions/2022-05-23-am/start?confirm=offDay");
        await Server.CommandAsync(id, chairKey, $"items/{Item}/open");

        await using var pages = new Pages(fixture);
        var chair = await pages.OpenChairAsync(id, chairKey);
        var display = await pages.OpenLiveAsync($"/display/{id}");
        var phones = new Dictionary<string, IPage>();
        foreach (var d in five)
        {
            phones[d] = await pages.OpenLiveAsync(links[d], phone: true);
            Assert.DoesNotContain("key=", phones[d].Url, StringComparison.Ordinal); // the key leaves the address bar
        }

        // Four statements in the order asked, then India's point of order goes to the top.
        foreach (var d in five[..4])
        {
            await phones[d].Locator("[data-request=statement]").ClickAsync(new() { Timeout = Pages.Load });
            await Expect(phones[d].Locator("#floor-place")).ToContainTextAsync("Your place:", new() { Timeout = Pages.Push });
        }
        await phones["india"].Locator("[data-request=pointOfOrder]").ClickAsync(new() { Timeout = Pages.Load });
        await Expect(phones["india"].Locator("#floor-place")).ToHaveTextAsync("Your place: 1 (point of order)", new() { Timeout = Pages.Push });
        await Expect(phones["chile"].Locator("#floor-place")).ToHaveTextAsync("Your place: 5 (statement)", new() { Timeout = Pages.Push });
        await Expect(chair.Locator("#floor-queue li")).ToHaveCountAsync(5, new() { Timeout = Pages.Push });

        string[] expected = ["India", "Austria", "Brazil", "European Union", "Chile"];
        for (var i = 0; i < expected.Length; i++)
        {
            await chair.Keyboard.PressAsync("f");
            await Expect(chair.Locator("#floor-speaker")).ToHaveTextAsync(expected[i], new() { Timeout = Pages.Push });
            await Expect(display.Locator("#floor-speaker")).ToHaveTextAsync(expected[i], new() { Timeout = Pages.Push });
            await Expect(display.Locator("[data-timer]")).ToBeVisibleAsync();
            if (i == 0)
            {
                await Expect(display.Locator("#floor-next")).ToHaveTextAsync("Austria · Brazil");
                await Expect(display.Locator("[data-timer=running]")).ToContainTextAsync("2:5");
                await Expect(phones["india"].Locator("[data-timer]")).ToBeVisibleAsync(); // the speaker's own phone shows the timer
            }
        }
        await Expect(phones["chile"].Locator("#floor-place")).ToHaveTextAsync("Signed in as Chile; not on the list.", new() { Timeout = Pages.Push });

        // The chair gives this item 5 minutes (statements for a group) and pauses the timer: the room display follows.
        await chair.Locator("#floor-limit").SelectOptionAsync("300");
        await Expect(display.Locator("[data-timer=running]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^4:[0-5][0-9]$"), new() { Timeout = Pages.Push });
        await chair.Locator("#floor button[aria-keyshortcuts=P]").ClickAsync();
        await Expect(display.Locator("[data-timer]")).ToContainTextAsync("paused", new() { Timeout = Pages.Push });
        await Expect(phones["chile"].Locator("[data-timer]")).ToContainTextAsync("paused", new() { Timeout = Pages.Push });

        var report = await Server.Http.GetStringAsync(new Uri($"/api/meetings/{id}/report", UriKind.Relative));
        Assert.Contains("Statements were made by the representatives of India, Austria, Brazil and Chile. The observer for the European Union also made a statement.",
            report, StringComparison.Ordinal);
        Assert.Empty(pages.Errors);
    }
}
