using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeetingOps.Security.Tests.Infrastructure;
using MeetingOps.Tests.Shared;
using Microsoft.Playwright;

namespace MeetingOps.Security.Tests;

/// <summary>
/// Attack 5: markup in every text a meeting's definition, its delegations and its chair's name accept, shown on the
/// home, follow, display and chair pages in a real headless Chromium. Each payload carries a <c>data-xss</c> attribute:
/// if any page turned text into markup, an element with it would exist (whether or not the page's Content Security
/// Policy then stopped its script), so the test does not lean on the CSP alone. No dialog may open, and the payload
/// must be on the page as text. The Markdown report and the CSV log are checked as text too.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SecurityCollection.Name)]
public sealed partial class XssTests(SecurityFixture fixture)
{
    private const float Load = 20_000;

    /// <summary>An image whose error handler would open a dialog, marked so an injected one can be found.</summary>
    private static string Payload(string field) => $"<img src=x onerror=alert('{field}') data-xss=\"{field}\"><script data-xss>alert('{field}')</script>";

    /// <summary>An item number holds at most 16 characters: an element that would be made of it.</summary>
    private const string NumberPayload = "<i data-xss>1a";

    /// <summary>Who presides: markup, and a formula a semicolon-separated spreadsheet would run after the ';'.</summary>
    private const string ActorPayload = "Chair;=cmd|' /C calc'!A0 <svg onload=alert('actor') data-xss>";

    private static string HostileDefinition()
    {
        var definition = JsonNode.Parse(RepoFiles.Sample(RepoFiles.Vienna2022))!;
        definition["title"] = "Thirteenth meetings " + Payload("title");
        definition["venue"] = "Vienna " + Payload("venue");
        definition["parentBody"] = "Conference " + Payload("parentBody");
        definition["symbol"] = "CTOC/COP/WG.3/2022/1 " + Payload("symbol");
        var body = definition["bodies"]![0]!;
        body["name"] = "Working Group " + Payload("bodyName");
        body["symbol"] = "CTOC/COP/WG.3" + Payload("bodySymbol");
        body["meeting"] = "thirteenth " + Payload("bodyMeeting");
        body["officers"] = new JsonObject
        {
            ["chair"] = "Ms. Chair " + Payload("officerChair"),
            ["viceChairs"] = new JsonArray("Mr. Vice " + Payload("viceChair")),
            ["rapporteur"] = "Ms. Rapporteur " + Payload("rapporteur"),
        };
        var organizational = definition["items"]![0]!;
        organizational["title"] = "Organizational matters " + Payload("parentItemTitle");
        var opening = organizational["subItems"]![0]!;
        opening["title"] = "Opening of the meeting " + Payload("itemTitle");
        opening["numbers"]!["wg3"] = NumberPayload;
        opening["annotation"]!["wg3"] = "The meeting will be opened. " + Payload("annotation");
        opening["documents"] = new JsonArray(new JsonObject
        {
            ["symbols"] = new JsonArray("CTOC/COP/WG.3/2022/9 " + Payload("documentSymbol")),
            ["title"] = "Background paper " + Payload("documentTitle"),
        });
        return definition.ToJsonString();
    }

    [Fact]
    public async Task Markup_in_every_text_field_shows_as_text_on_every_page_and_never_runs()
    {
        var server = fixture.Server;
        var (id, chairKey) = await server.CreateMeetingAsync(HostileDefinition());
        var delegations = JsonNode.Parse(RepoFiles.Sample(RepoFiles.Vienna2022Delegations))!;
        delegations["delegations"]![0]!["name"] = "Austria " + Payload("delegationName");
        var put = await SecurityServer.SendAsync(server.Http, HttpMethod.Put, $"/api/meetings/{id}/delegations", SecurityServer.OrganizerKey, delegations.ToJsonString());
        Assert.True(put.Status == 200, put.ToString());
        var delegationId = delegations["delegations"]![0]!["id"]!.GetValue<string>();
        var issued = await SecurityServer.SendAsync(server.Http, HttpMethod.Post, $"/api/meetings/{id}/delegations/{delegationId}/key", SecurityServer.OrganizerKey,
            headers: new Dictionary<string, string> { ["Idempotency-Key"] = "xss-key" });
        var delegationKey = JsonNode.Parse(issued.Body)!["key"]!.GetValue<string>();

        // The chair, named with markup, starts the first sitting and takes up the opening; the delegation asks for the floor on it.
        var actor = new Dictionary<string, string> { ["X-Actor-Name"] = ActorPayload };
        foreach (var path in new[] { $"sessions/{MeetingUnderAttack.FirstSitting}/start?confirm=offDay", "items/opening/open" })
        {
            var command = await SecurityServer.SendAsync(server.Http, HttpMethod.Post, $"/api/meetings/{id}/{path}", chairKey, headers: actor);
            Assert.True(command.Status == 200, $"{path}: {command}");
        }
        var request = await SecurityServer.SendAsync(server.Http, HttpMethod.Post, $"/api/meetings/{id}/items/opening/floor/requests", delegationKey,
            """{"kind": "statement"}""");
        Assert.True(request.Status == 200, request.ToString());

        var browser = await fixture.BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseAddress.ToString(), Locale = "en-GB", TimezoneId = "Europe/Vienna" });
        var dialogs = new List<string>();
        var errors = new List<string>();
        var failures = new List<string>();
        try
        {
            // What each page must show as text (what it shows of the meeting at all).
            var pages = new (string Name, string Path, string[] Shown)[]
            {
                ("home", "/", ["title"]),
                ("follow", $"/follow/{id}", ["title", "itemTitle"]),
                ("display", $"/display/{id}", ["itemTitle"]),
                ("chair", $"/chair/{id}", ["title", "itemTitle"]),
            };
            foreach (var (name, path, shown) in pages)
            {
                var page = await context.NewPageAsync();
                page.Dialog += (_, dialog) =>
                {
                    lock (dialogs)
                    {
                        dialogs.Add($"{name}: {dialog.Message}");
                    }
                    _ = dialog.DismissAsync();
                };
                page.Console += (_, message) =>
                {
                    if (message.Type == "error")
                    {
                        lock (errors)
                        {
                            errors.Add($"{name}: {message.Text}");
                        }
                    }
                };
                await page.GotoAsync(path);
                await ReadyAsync(page, name, chairKey);
                foreach (var field in shown)
                {
                    // Text, not markup: the payload's own characters are in the page's text.
                    var text = Payload(field)[..Payload(field).IndexOf('>', StringComparison.Ordinal)];
                    try
                    {
                        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(text, new() { Timeout = Load });
                    }
                    catch (PlaywrightException)
                    {
                        failures.Add($"{name}: the {field} is not shown as text");
                    }
                }
                var injected = await page.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('[data-xss], [onerror], [onload], script:not([src])')].map(e => e.outerHTML)");
                failures.AddRange(injected.Select(e => $"{name}: injected element {e}"));
                await page.CloseAsync();
            }
        }
        finally
        {
            await context.DisposeAsync();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(dialogs.Count == 0, "dialogs opened: " + string.Join("\n", dialogs));
        // A Content Security Policy refusal would mean markup got in and tried to run.
        Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));

        // The report in Markdown: every '<' of the payloads escaped, so no Markdown viewer renders it as HTML.
        var report = await SecurityServer.SendAsync(server.Http, HttpMethod.Get, $"/api/meetings/{id}/report", key: null);
        Assert.Equal(200, report.Status);
        Assert.Contains("data-xss", report.Body, StringComparison.Ordinal); // the payloads are in it, to be checked
        Assert.DoesNotMatch(UnescapedTag(), report.Body);

        // The CSV log: the presiding name's formula is defused for comma and semicolon readers alike.
        var csv = await SecurityServer.SendAsync(server.Http, HttpMethod.Get, $"/api/meetings/{id}/log?format=csv", key: null);
        Assert.Equal(200, csv.Status);
        Assert.Contains("calc", csv.Body, StringComparison.Ordinal);
        Assert.DoesNotMatch(FormulaCell(), csv.Body);
    }

    /// <summary>Waits until the page has its meeting (the chair console after its key is entered).</summary>
    private static async Task ReadyAsync(IPage page, string name, string chairKey)
    {
        switch (name)
        {
            case "home":
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new() { Timeout = Load });
                break;
            case "display":
                await page.WaitForFunctionAsync("() => document.body.dataset.connection === 'live' && window.meetingOpsLive?.version >= 0",
                    null, new PageWaitForFunctionOptions { Timeout = Load });
                break;
            default:
                if (name == "chair")
                {
                    await page.Locator("#key-input").FillAsync(chairKey);
                    await page.Locator("#name-input").FillAsync("The Chair"); // the console asks who presides
                    await page.Locator("#key-form button[type=submit]").ClickAsync();
                    await Assertions.Expect(page.Locator("#console")).ToBeVisibleAsync(new() { Timeout = Load });
                }
                await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Live", new() { Timeout = Load });
                await page.WaitForFunctionAsync("() => window.meetingOpsLive?.version >= 0", null, new PageWaitForFunctionOptions { Timeout = Load });
                break;
        }
    }

    /// <summary>A tag of the payloads not escaped with a backslash.</summary>
    [GeneratedRegex(@"(?<!\\)<(img|script|svg|i )")]
    private static partial Regex UnescapedTag();

    /// <summary>"=cmd" at the start of a cell or of a piece a ',' or ';' reader splits off (spaces and quotes before it do not help).</summary>
    [GeneratedRegex("(^|[,;\\n])[ \"]*=cmd", RegexOptions.Multiline)]
    private static partial Regex FormulaCell();
}
