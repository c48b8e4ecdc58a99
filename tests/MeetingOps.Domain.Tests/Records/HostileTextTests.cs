using System.Text;
using System.Text.Json.Nodes;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Records;

namespace MeetingOps.Domain.Tests.Records;

/// <summary>
/// Text typed by someone careless or hostile, in every record MeetingOps writes: the report (Markdown), the log as CSV
/// (comma and semicolon readers), the calendar years ahead, and the definition's checks on zones, numbers and bytes.
/// </summary>
public class HostileTextTests
{
    private static Meeting Define(Action<JsonObject> change)
    {
        var json = JsonNode.Parse(Samples.Text(Samples.Vienna2021))!.AsObject();
        change(json);
        var result = DefinitionReader.Read(json.ToJsonString());
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Meeting!;
    }

    private static DefinitionResult Try(Action<JsonObject> change)
    {
        var json = JsonNode.Parse(Samples.Text(Samples.Vienna2021))!.AsObject();
        change(json);
        return DefinitionReader.Read(json.ToJsonString());
    }

    [Fact]
    public void Markup_in_titles_names_and_numbers_reaches_the_report_as_text()
    {
        var meeting = Define(json =>
        {
            json["title"] = "<script>alert(1)</script> # x";
            json["venue"] = "[click](javascript:alert(1)) *bold*";
            var item = json["items"]!.AsArray()[0]!.AsObject();
            item["title"] = "Opening\n# Injected heading\n<img src=x onerror=alert(1)>";
        });
        var run = new ScriptedMeeting(meeting, "hostile");
        var first = run.Snapshot().Sessions[0];
        run.Actor = new Actor(Role.Chair, "<b>Chair</b> _x_");
        run.Session(first.Start.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), first.Id, SessionAction.Start);

        var markdown = ReportMarkdown.Write(MeetingReports.Build(run.Snapshot(), run.Log));

        // No raw tag, link or emphasis survives, and nothing typed starts a line of its own.
        Assert.DoesNotMatch(@"(?<!\\)<(script|img|b|/b)", markdown);
        Assert.Contains("\\<img src=x onerror=alert(1)\\>", markdown, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)\](\(|:)", markdown);
        Assert.Contains("\\[click\\](javascript:alert(1)) \\*bold\\*", markdown, StringComparison.Ordinal);
        Assert.Contains("\\<b\\>Chair\\</b\\> \\_x\\_", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(markdown.Split('\n'), line => line.StartsWith("# Injected", StringComparison.Ordinal));
        Assert.Equal("a \\# b \\<i\\> c", ReportMarkdown.Escape("a # b\n<i> c"));
    }

    [Theory]
    [InlineData("x;=HYPERLINK(\"http://evil\")")]
    [InlineData("x,=1+1")]
    [InlineData("x; +cmd")]
    [InlineData("x;\"@SUM(A1)")]
    [InlineData("=1")]
    public void A_cell_holds_no_formula_for_comma_or_semicolon_readers(string value)
    {
        var cell = LogCsv.Cell(value);

        foreach (var separator in new[] { ',', ';' })
        {
            foreach (var piece in cell.Split(separator))
            {
                var start = piece.TrimStart(' ', '"');
                Assert.False(start.Length > 0 && start[0] is '=' or '+' or '-' or '@', $"\"{piece}\" of {cell} split at '{separator}'");
            }
        }
        Assert.StartsWith("\"", LogCsv.Cell("a;b"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_calendar_for_a_meeting_years_ahead_is_written()
    {
        var text = Samples.Text(Samples.Vienna2021).Replace("2021-03-25", "2030-05-06", StringComparison.Ordinal).Replace("2021-03-26", "2030-05-07", StringComparison.Ordinal);
        var result = DefinitionReader.Read(text);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var meeting = result.Meeting!;
        var run = new ScriptedMeeting(meeting, "ahead");

        var ics = MeetingCalendar.Write(run.Snapshot(), run.Log, null, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var calendar = Ical.Net.Calendar.Load(ics)!;

        Assert.Equal(4, calendar.Events.Count);
        Assert.Contains("DTSTART;TZID=Europe/Vienna:20300506T", ics, StringComparison.Ordinal);
        // 6 May 2030 is summer time in Vienna: UTC+2.
        var first = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).First();
        Assert.Equal(first.DtStart!.Hour - 2, first.DtStart.AsUtc.Hour);
    }

    [Theory]
    [InlineData("localtime")]
    [InlineData("posixrules")]
    [InlineData("Factory")]
    [InlineData("US/Eastern")]
    [InlineData("Etc/GMT+3")]
    public void A_time_zone_that_is_not_a_place_is_refused(string zone)
    {
        var result = Try(json => json["timeZone"] = zone);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Path == "$.timeZone");
    }

    [Theory]
    [InlineData("1\u0000")]
    [InlineData("2\u001b[31m")]
    [InlineData("3\u007f")]
    public void Control_characters_in_an_item_number_are_refused(string number)
    {
        var result = Try(json =>
        {
            var numbers = json["items"]!.AsArray()[0]!["numbers"]!.AsObject();
            var body = numbers.First().Key;
            numbers[body] = number;
        });

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Path.StartsWith("$.items[0].numbers", StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_with_nul_or_escape_is_refused()
    {
        Assert.False(Try(json => json["title"] = "Meeting\u0000").IsValid);
        Assert.False(Try(json => json["venue"] = "Vienna\u001b").IsValid);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_where_it_is()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"title\": \"ab").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("\"\n}")).ToArray();

        var (definition, problem) = DefinitionReader.Parse(bytes);

        Assert.Null(definition);
        Assert.Contains("not valid UTF-8", problem!.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", problem.Message, StringComparison.Ordinal);
        Assert.Contains("0xFF", problem.Message, StringComparison.Ordinal);
        Assert.Null(Utf8Text.FirstInvalid("héllo"u8));
    }
}
