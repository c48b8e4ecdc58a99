using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>The records over real HTTP: the report section, the log as CSV and the calendar, after a first day run by a chair.</summary>
[Trait("Category", "Slow")]
[Collection(SharedServerCollection.Name)]
public sealed class RecordsApiTests(SharedServer shared)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private readonly MeetingOpsApi _api = shared.Api;

    private static async Task<string> RunFirstDay(MeetingOpsApi api, string id, string chair)
    {
        await api.OkAsync(id, "sessions/2022-05-23-am/start?confirm=offDay", chair, new CommandOptions(ActorName: "Ms. Ana Lind"));
        foreach (var command in new[]
                 {
                     "items/opening/open", "items/opening/conclude", "items/adoption-of-agenda/open", "items/adoption-of-agenda/adopt",
                     "items/transfer-of-sentenced-persons/open", "sessions/2022-05-23-am/end", "sessions/2022-05-23-pm/start?confirm=offDay",
                     "items/transfer-of-sentenced-persons/open",
                 })
        {
            await api.OkAsync(id, command, chair);
        }
        // Names a spreadsheet must not run as formulas, and one that needs quoting.
        await api.OkAsync(id, "items/transfer-of-sentenced-persons/conclude", chair, new CommandOptions(ActorName: "=HYPERLINK(\"http://x\")"));
        await api.OkAsync(id, "sessions/2022-05-23-pm/end", chair, new CommandOptions(ActorName: "Lind, Ana"));
        return id;
    }

    [Fact]
    public async Task The_report_says_who_opened_the_meeting_and_where_each_item_was_considered()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await RunFirstDay(_api, id, chair);

        var facts = await _api.GetAsync($"/api/meetings/{id}/report?format=json");
        var markdown = await _api.GetAsync($"/api/meetings/{id}/report");

        Assert.Equal(HttpStatusCode.OK, facts.Status);
        Assert.Equal("application/json", facts.MediaType);
        var wg3 = facts.Json["bodies"]!.AsArray().Single(b => (string?)b!["id"] == "wg3")!;
        Assert.Equal(["2022-05-23-am", "2022-05-23-pm"], wg3["sittings"]!.AsArray().Select(s => (string?)s!["sessionId"]));
        Assert.Equal("Ms. Ana Lind", (string?)wg3["opening"]!["openedBy"]!["name"]);
        var day = DateOnly.Parse((string)wg3["sittings"]![1]!["date"]!, CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.OK, markdown.Status);
        Assert.Equal("text/markdown", markdown.MediaType);
        Assert.StartsWith("# Organization of the meetings", markdown.Body, StringComparison.Ordinal);
        Assert.Contains("by the Chair, Ms. Ana Lind.", markdown.Body, StringComparison.Ordinal);
        Assert.Contains("The Working Group considered agenda item 2, \"Transfer of sentenced persons (article 17 of the Organized Crime Convention)\", at its 1st and 2nd meetings, on ", markdown.Body, StringComparison.Ordinal);
        Assert.Contains(day.ToString("d MMMM yyyy", English) + ".", markdown.Body, StringComparison.Ordinal);
        Assert.Contains("At the same meeting, the Working Groups adopted their respective agendas and organization of work.", markdown.Body, StringComparison.Ordinal);
        Assert.Contains("The Working Group has not yet taken up agenda item 3, \"Effective strategies", markdown.Body, StringComparison.Ordinal);

        ApiAssert.Problem(await _api.GetAsync($"/api/meetings/{id}/report?format=pdf"), HttpStatusCode.BadRequest, "bad-request");
        ApiAssert.Problem(await _api.GetAsync("/api/meetings/nosuchmeeting/report"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_log_as_csv_has_both_clocks_and_never_a_formula()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await RunFirstDay(_api, id, chair);
        var json = (await _api.GetLogAsync(id)).Json.AsArray();

        var csv = await _api.GetAsync($"/api/meetings/{id}/log?format=csv");

        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.Equal("text/csv", csv.MediaType);
        Assert.Equal("utf-8", csv.ContentHeaders.ContentType!.CharSet);
        Assert.Equal($"attachment; filename=\"meeting-{id}-log.csv\"", csv.ContentHeaders.ContentDisposition?.ToString());
        var lines = csv.Body.TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("", lines[^1]);
        Assert.Equal(json.Count + 2, lines.Length);
        Assert.Equal("version,time (UTC),venue time (Europe/Vienna),session,item,item numbers,subject,action,from,to,actor,actor name,command id,note,correction", lines[0]);
        var first = json[0]!;
        var at = DateTimeOffset.Parse((string)first["at"]!, CultureInfo.InvariantCulture);
        var vienna = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna"));
        Assert.StartsWith($"1,{at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'},{vienna:yyyy-MM-dd'T'HH:mm:sszzz},2022-05-23-am,,,session,start,scheduled,inProgress,chair,Ms. Ana Lind,{(string)first["commandId"]!},",
            lines[1], StringComparison.Ordinal);
        Assert.Contains(",transfer-of-sentenced-persons,2,item,conclude,open,concluded,chair,\"'=HYPERLINK(\"\"http://x\"\")\",", csv.Body, StringComparison.Ordinal);
        Assert.Contains(",chair,\"Lind, Ana\",", csv.Body, StringComparison.Ordinal);
        Assert.Contains(",opening,1 (a),item,open,pending,open,", csv.Body, StringComparison.Ordinal);

        ApiAssert.Problem(await _api.GetAsync($"/api/meetings/{id}/log?format=xml"), HttpStatusCode.BadRequest);
        ApiAssert.Problem(await _api.GetAsync($"/api/meetings/{id}/log?format=csv&after=3"), HttpStatusCode.BadRequest);
        ApiAssert.Problem(await _api.GetAsync("/api/meetings/nosuchmeeting/log?format=csv"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/api/meetings/{id}/log?format=json")).Status);
    }

    [Fact]
    public async Task The_calendar_follows_the_plan_and_a_replan_raises_the_sequence_of_the_same_events()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var ics = await _api.GetAsync($"/api/meetings/{id}/calendar.ics");

        Assert.Equal(HttpStatusCode.OK, ics.Status);
        Assert.Equal("text/calendar", ics.MediaType);
        var calendar = Ical.Net.Calendar.Load(ics.Body)!;
        Assert.Equal(9, calendar.Events.Count);
        Assert.Equal("Europe/Vienna", Assert.Single(calendar.TimeZones).TzId);
        var monday = calendar.Events.Single(e => e.Uid == $"{id}.2022-05-23-am@meetingops");
        Assert.Equal(new DateTime(2022, 5, 23, 8, 0, 0, DateTimeKind.Utc), monday.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2022, 5, 23, 11, 0, 0, DateTimeKind.Utc), monday.DtEnd!.AsUtc);
        Assert.Equal(0, monday.Sequence);
        Assert.Equal(new Uri(shared.Server.BaseAddress, $"/follow/{id}"), monday.Url);

        var wg3 = Ical.Net.Calendar.Load((await _api.GetAsync($"/api/meetings/{id}/calendar.ics?body=wg3")).Body)!;
        Assert.Equal(6, wg3.Events.Count);
        ApiAssert.Problem(await _api.GetAsync($"/api/meetings/{id}/calendar.ics?body=wg9"), HttpStatusCode.NotFound, "not-found");
        ApiAssert.Problem(await _api.GetAsync("/api/meetings/nosuchmeeting/calendar.ics"), HttpStatusCode.NotFound, "not-found");

        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{id}/format")
        {
            Content = new StringContent("""{"sessions": ["all"], "format": "hybrid", "strategy": "reflow"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chair);
        Assert.Equal(HttpStatusCode.OK, (await _api.SendAsync(request)).Status);

        var after = Ical.Net.Calendar.Load((await _api.GetAsync($"/api/meetings/{id}/calendar.ics")).Body)!;
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), after.Events.Select(e => e.Uid).Order());
        Assert.All(after.Events, e => Assert.Equal(1, e.Sequence));
        var capped = after.Events.Single(e => e.Uid == monday.Uid);
        Assert.Equal(new DateTime(2022, 5, 23, 10, 0, 0, DateTimeKind.Utc), capped.DtEnd!.AsUtc);
        Assert.Contains("Hybrid, capped at 120 minutes", capped.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_is_the_same_after_a_restart()
    {
        await using var server = await ServerProcess.StartAsync();
        var api = new MeetingOpsApi(server);
        var (id, chair, _) = await api.CreateAsync(Samples.Wg2Wg3_2022);
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{id}/format")
        {
            Content = new StringContent("""{"sessions": ["2022-05-24-am"], "format": "hybrid", "strategy": "reflow"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chair);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(request)).Status);
        static List<string> Events(string ics) => Ical.Net.Calendar.Load(ics)!.Events
            .Select(e => $"{e.Uid} {e.Sequence} {e.DtStart!.AsUtc:o} {e.DtEnd!.AsUtc:o} {e.Summary} {e.LastModified?.AsUtc:o}").Order().ToList();
        var before = Events((await api.GetAsync($"/api/meetings/{id}/calendar.ics")).Body);

        await server.RestartAsync();

        Assert.Equal(before, Events((await api.GetAsync($"/api/meetings/{id}/calendar.ics")).Body));
        Assert.All(before, e => Assert.Contains(" 1 ", e, StringComparison.Ordinal));
    }
}
