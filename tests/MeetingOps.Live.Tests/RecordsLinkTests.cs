using MeetingOps.Live.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MeetingOps.Live.Tests;

/// <summary>The participant view links to the calendar (all sittings or one body's), the report section and the log as CSV.</summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class RecordsLinkTests(LiveFixture fixture)
{
    [Fact]
    public async Task The_follow_page_links_to_the_calendars_the_report_and_the_log_and_each_link_answers()
    {
        var (id, key) = await fixture.Server.CreateMeetingAsync();
        await fixture.Server.CommandAsync(id, key, "sessions/2022-05-23-am/start?confirm=offDay");
        await using var pages = new Pages(fixture);
        var follow = await pages.OpenLiveAsync($"/follow/{id}", phone: true);

        var records = follow.Locator("#records a");
        await Expect(records).ToHaveTextAsync(["Add to your calendar", "WG.3 sittings only", "WG.2 sittings only", "Report: organization of work", "Meeting log (CSV)"]);
        await Expect(follow.Locator("a[data-record='calendar']")).ToHaveAttributeAsync("href", $"/api/meetings/{id}/calendar.ics");
        await Expect(follow.Locator("a[data-record='calendar-wg3']")).ToHaveAttributeAsync("href", $"/api/meetings/{id}/calendar.ics?body=wg3");
        await Expect(follow.Locator("a[data-record='report']")).ToHaveAttributeAsync("href", $"/api/meetings/{id}/report");
        await Expect(follow.Locator("a[data-record='log']")).ToHaveAttributeAsync("href", $"/api/meetings/{id}/log?format=csv");

        // Clicking the calendar link downloads the .ics a calendar app opens.
        var download = await follow.RunAndWaitForDownloadAsync(() => follow.Locator("a[data-record='calendar-wg3']").ClickAsync());
        Assert.Equal($"meeting-{id}-wg3.ics", download.SuggestedFilename);
        var ics = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Equal(6, ics.Split("BEGIN:VEVENT").Length - 1);

        // Every link answers with what it says, fetched by the page's own browser.
        foreach (var (record, type, text) in new[]
                 {
                     ("calendar", "text/calendar", "BEGIN:VTIMEZONE"),
                     ("report", "text/markdown", "The meeting was opened on"),
                     ("log", "text/csv", "2022-05-23-am,,,session,start"),
                 })
        {
            var href = await follow.Locator($"a[data-record='{record}']").GetAttributeAsync("href");
            var response = await follow.APIRequest.GetAsync(href!);
            Assert.Equal(200, response.Status);
            Assert.StartsWith(type, response.Headers["content-type"], StringComparison.Ordinal);
            Assert.Contains(text, await response.TextAsync(), StringComparison.Ordinal);
        }
        await Pages.ScreenshotAsync(follow, "follow-records-phone");
        Assert.Empty(pages.Errors);
    }
}
