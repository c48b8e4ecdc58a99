// OrganizationOfWork, flat rows: a table row that arrived as one line, split into its time and its agenda items.

namespace MeetingOps.Domain.Import;

internal sealed partial class OrganizationOfWork
{
    /// <summary>A row that arrived as one line: "10 a.m.–1 p.m. 1 (a) Opening of the meeting 1 (a) Opening of the meeting".</summary>
    private void ReadFlatRow(SourceLine line, int? defaultYear, ref DateOnly? date, ref Slot? slot)
    {
        var text = line.Text;
        if (text.Length > MaxRowLength)
        {
            return; // not a row of a table
        }
        if (DateText.TryParseDay(text, defaultYear, out var day, out var yearGiven, out var weekday, out var consumed))
        {
            Found = true;
            day = Place(day, yearGiven);
            date = day;
            NoteDate(day, yearGiven, weekday, line.Number);
            slot = null;
            text = text[consumed..].Trim().TrimStart(',', ';').Trim();
            if (text.Length == 0)
            {
                return;
            }
        }
        var timeEnd = TimePrefix(text, out var range);
        if (timeEnd > 0)
        {
            Found = true;
            if (date is null)
            {
                log.Warn(line.Number, "A time before any date in the organization of work; this row is left out.", ServerPhrases.ImportTimeBeforeDate.With());
                slot = null;
                return;
            }
            slot = NewSlot(date.Value, range, line.Number);
            text = text[timeEnd..].Trim();
        }
        if (slot is null || text.Length == 0 || !Numbering.TryParse(text, out _))
        {
            return;
        }
        var row = new Row(line.Number);
        var used = new HashSet<BodyDraft>();
        var remaining = text;
        for (var guard = 0; guard < 20 && remaining.Length > 0; guard++)
        {
            if (!Numbering.TryParse(remaining, out var lead) || lead.Top is not { } top)
            {
                break;
            }
            var number = Numbering.Canonical(top, lead.Sub, lead.SubSub, lead.Dotted);
            var titleText = lead.Title;
            // Which body's item is it? The first body not yet used whose item of this number has this title.
            BodyDraft? body = null;
            ItemDraft? item = null;
            foreach (var b in reader.Bodies)
            {
                if (!used.Contains(b) && b.ByNumber.TryGetValue(number, out var candidate) && TextTools.Compare(titleText, candidate.Title) != TextTools.Match.None)
                {
                    (body, item) = (b, candidate);
                    break;
                }
            }
            if (body is null)
            {
                body = reader.Bodies.FirstOrDefault(b => !used.Contains(b) && b.ByNumber.ContainsKey(number));
                item = body?.ByNumber[number];
            }
            if (body is null || item is null)
            {
                log.Warn(line.Number, $"Item {number} is not on any agenda; left out of the session.", ServerPhrases.ImportNotOnAnyAgenda.With(("number", number)));
                break;
            }
            used.Add(body);
            // The title runs until the next "number title" that names another body's item.
            var next = NextItemStart(titleText, used);
            var cell = next < 0 ? titleText : titleText[..next];
            TextTools.StripContinued(cell, out var continued);
            row.Entries.Add(new Entry(body, item, continued));
            remaining = next < 0 ? "" : titleText[next..];
        }
        if (row.Entries.Count > 0)
        {
            slot.Rows.Add(row);
        }
    }

    private int NextItemStart(string text, HashSet<BodyDraft> used)
    {
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (text[i] != ' ' || !char.IsAsciiDigit(text[i + 1]))
            {
                continue;
            }
            var window = text.Substring(i + 1, Math.Min(300, text.Length - i - 1));
            if (!Numbering.TryParse(window, out var lead) || lead.Top is not { } top)
            {
                continue;
            }
            var number = Numbering.Canonical(top, lead.Sub, lead.SubSub, lead.Dotted);
            foreach (var b in reader.Bodies)
            {
                if (!used.Contains(b) && b.ByNumber.TryGetValue(number, out var candidate) && TextTools.Compare(lead.Title, candidate.Title) != TextTools.Match.None)
                {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int TimePrefix(string text, out TimeText.Range range)
    {
        range = default;
        var best = 0;
        var limit = Math.Min(text.Length, 40);
        for (var i = 1; i <= limit; i++)
        {
            if (i < text.Length && text[i] != ' ')
            {
                continue;
            }
            if (TimeText.TryParse(text[..i], out var r))
            {
                best = i;
                range = r;
            }
        }
        return best;
    }
}
