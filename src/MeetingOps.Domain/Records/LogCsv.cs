using System.Globalization;
using System.Text;

namespace MeetingOps.Domain.Records;

/// <summary>
/// The audit log as CSV (RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote or
/// a line break, quotes doubled) for spreadsheets: time in UTC and at the venue, sitting, item numbers, action,
/// actor and command id. A text cell that a spreadsheet would run as a formula (starting with = + - @, a tab or a
/// carriage return: an actor name is whatever the caller sent) is written with a leading apostrophe, as OWASP advises.
/// </summary>
public static class LogCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string Write(MeetingView view, IEnumerable<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(log);
        var venue = new VenueTime(view.TimeZone);
        var items = view.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var text = new StringBuilder();
        Row(text, ["version", "time (UTC)", $"venue time ({view.TimeZone})", "session", "item", "item numbers", "subject",
            "action", "from", "to", "actor", "actor name", "command id", "note", "correction"]);
        // Slips and their corrections both stay in the record, each marked with the other's version.
        var undoneBy = log.Where(e => Corrections.IsUndo(e) && e.Corrects is not null).GroupBy(e => e.Corrects!.Value).ToDictionary(g => g.Key, g => g.First().Version);
        foreach (var entry in log.OrderBy(e => e.Version))
        {
            var numbers = entry.ItemId is not null && items.TryGetValue(entry.ItemId, out var item)
                ? BodyNames.ItemNumber(view.Bodies, item.Numbers, item.Numbers.Keys.ToList())
                : "";
            Row(text, [
                entry.Version.ToString(CultureInfo.InvariantCulture),
                entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                venue.WithOffset(entry.At).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                entry.SessionId ?? "",
                entry.ItemId ?? "",
                numbers,
                MeetingOpsJson.Name(entry.Subject),
                entry.Action,
                entry.From,
                entry.To,
                MeetingOpsJson.Name(entry.Actor.Role),
                entry.Actor.Name ?? "",
                entry.CommandId,
                entry.Note ?? "",
                entry.Corrects is { } corrects ? $"corrects version {corrects}"
                    : undoneBy.TryGetValue(entry.Version, out var by) ? $"undone by version {by}" : "",
            ]);
        }
        return text.ToString();
    }

    private static void Row(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }
            text.Append(Cell(cells[i]));
        }
        text.Append("\r\n");
    }

    /// <summary>
    /// One field: defused if a spreadsheet would read it as a formula, then quoted if it must be. A reader set to
    /// semicolons (European locales) or commas may split a cell where the writer did not, so a formula character at
    /// the start of any piece after a ',' or ';' is defused too, and a cell holding a ';' is quoted for such readers.
    /// </summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 4);
        var pieceStart = true;
        foreach (var c in value)
        {
            if (pieceStart && c is '=' or '+' or '-' or '@' or '\t' or '\r' or '|')
            {
                text.Append('\'');
            }
            text.Append(c);
            // Spaces and quotes before a formula do not stop a spreadsheet from running it.
            pieceStart = c is ',' or ';' || (pieceStart && c is ' ' or '"');
        }
        value = text.ToString();
        return value.AsSpan().IndexOfAny(",;\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
