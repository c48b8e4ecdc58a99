using MeetingOps.Domain.Records;

namespace MeetingOps.Domain.Tests.Records;

/// <summary>The log as CSV: one row per entry, both clocks, quoting by RFC 4180, and no formulas for spreadsheets.</summary>
public class LogCsvTests
{
    /// <summary>A small RFC 4180 reader, to check the file the way a spreadsheet reads it.</summary>
    private static List<List<string>> Read(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; i++; }
            else { cell.Append(c); }
        }
        Assert.False(quoted, "a quoted field was not closed");
        Assert.Equal(0, cell.Length + row.Count);
        return rows;
    }

    [Fact]
    public void Every_entry_is_a_row_with_utc_and_venue_time_session_numbers_action_actor_and_command()
    {
        var run = ScriptedMeeting.Vienna2022();

        var rows = Read(LogCsv.Write(run.Snapshot(), run.Log));

        Assert.Equal(["version", "time (UTC)", "venue time (Europe/Vienna)", "session", "item", "item numbers", "subject", "action", "from", "to",
            "actor", "actor name", "command id", "note", "correction"], rows[0]);
        Assert.Equal(run.Log.Count + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(15, r.Count));
        Assert.Equal(["1", "2022-05-23T08:00:00Z", "2022-05-23T10:00:00+02:00", "2022-05-23-am", "", "", "session", "start", "scheduled", "inProgress",
            "chair", "Ms. Ana Lind", "cmd-001", "", ""], rows[1]);
        var thematic = rows.First(r => r[4] == "application-of-the-organized-crime-convention");
        Assert.Equal("3 (WG.3) / 2 (WG.2)", thematic[5]);
        Assert.Equal("1 (a)", rows.First(r => r[4] == "opening")[5]);
        var continued = rows.First(r => r[4] == "transfer-of-sentenced-persons" && r[7] == "continue");
        Assert.Equal(("open", "continued", "the sitting ended"), (continued[8], continued[9], continued[13]));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("Ms. Ana Lind", "Ms. Ana Lind")]
    [InlineData("Lind, Ana", "Lind, Ana")]
    [InlineData("Ana \"the chair\"", "Ana \"the chair\"")]
    [InlineData("two\nlines", "two\nlines")]
    public void An_actor_name_reads_back_as_text_never_as_a_formula(string name, string expected)
    {
        var run = new ScriptedMeeting(Samples.Vienna2021) { Actor = new Actor(Role.Chair, name) };
        run.Session("2021-03-25 10:00", "2021-03-25-am", SessionAction.Start);

        var rows = Read(LogCsv.Write(run.Snapshot(), run.Log));

        Assert.Equal(2, rows.Count);
        Assert.Equal(expected, rows[1][11]);
    }

    [Fact]
    public void Cells_are_quoted_only_when_they_must_be()
    {
        Assert.Equal("plain", LogCsv.Cell("plain"));
        Assert.Equal("\"a,b\"", LogCsv.Cell("a,b"));
        Assert.Equal("\"say \"\"yes\"\"\"", LogCsv.Cell("say \"yes\""));
        Assert.Equal("\"'=1,2\"", LogCsv.Cell("=1,2"));
        Assert.Equal("\"a\r\nb\"", LogCsv.Cell("a\r\nb"));
        Assert.Equal("", LogCsv.Cell(""));
    }
}
