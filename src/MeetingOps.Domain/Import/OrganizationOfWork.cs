// OrganizationOfWork: the table's rows and sittings, the reader's state, and the reading of the table line by line.

namespace MeetingOps.Domain.Import;

/// <summary>
/// Reads the organization-of-work table of the annex into sessions. The table comes as lines of cells (tabs,
/// runs of spaces, or one flattened line): a date row ("Monday, 23 May 2022"), then time rows ("10 a.m.–1 p.m.")
/// whose cells give, per body, an item number and its title, "(continued)" where consideration carries over;
/// rows with an empty first cell belong to the time above them.
/// </summary>
internal sealed partial class OrganizationOfWork(List<SourceLine> lines, AgendaReader reader, WorkMeter meter, ImportLog log)
{
    private sealed record Entry(BodyDraft Body, ItemDraft Item, bool Continued);

    private sealed class Row(int line)
    {
        public int Line { get; } = line;
        public List<Entry> Entries { get; } = [];
    }

    private sealed class Slot(DateOnly date, TimeOnly start, TimeOnly end, int line)
    {
        public DateOnly Date { get; } = date;
        public TimeOnly Start { get; } = start;
        public TimeOnly End { get; } = end;
        public int Line { get; } = line;
        public List<Row> Rows { get; } = [];
    }

    /// <summary>A line longer than this is not one row of the table (and is not scanned as one).</summary>
    private const int MaxRowLength = 3000;

    private readonly List<Slot> _slots = [];
    private (DateOnly? Start, DateOnly? End) _window;
    private List<(BodyDraft Body, int ItemColumn, int TitleColumn)>? _columns;

    public List<DateOnly> Dates { get; } = [];

    public bool Found { get; private set; }

    /// <summary>Reads the table; <paramref name="defaultYear"/> completes dates written without a year.</summary>
    public void Read(int? defaultYear, DateOnly? meetingStart = null, DateOnly? meetingEnd = null)
    {
        _window = (meetingStart, meetingEnd);
        DateOnly? date = null;
        Slot? slot = null;
        for (var k = reader.AnnexStart; k < lines.Count; k++)
        {
            var line = lines[k];
            meter.Charge(line.Raw.Length + 1);
            if (line.IsBlank)
            {
                continue;
            }
            var key = line.Text.Length < 120 ? TextTools.Norm(line.Text) : "";
            if (!line.HasTabs && AgendaReader.IsAnnexHeading(key))
            {
                if (Found && key.StartsWith("annex ", StringComparison.Ordinal) && _slots.Count > 0)
                {
                    break; // the next annex
                }
                continue;
            }
            var cells = AgendaReader.Cells(line);
            if (IsHeaderRow(cells))
            {
                Found = true;
                ReadHeader(cells);
                continue;
            }
            if (cells.Count == 1)
            {
                // A flattened row: date and/or time first, then "number title" pairs.
                ReadFlatRow(line, defaultYear, ref date, ref slot);
                continue;
            }
            // The cells before the first item column hold the date and/or the time.
            var positional = line.HasTabs && _columns is not null;
            var firstItemColumn = positional ? _columns!.Min(c => c.ItemColumn) : LeadCells(cells, defaultYear);
            var sawDate = false;
            TimeText.Range? range = null;
            string? strange = null;
            for (var c = 0; c < Math.Min(firstItemColumn, cells.Count); c++)
            {
                var cell = cells[c];
                if (cell.Length == 0)
                {
                    continue;
                }
                if (DateText.TryParseDay(cell, defaultYear, out var day, out var yearGiven, out var weekday, out var consumed))
                {
                    Found = true;
                    sawDate = true;
                    day = Place(day, yearGiven);
                    date = day;
                    NoteDate(day, yearGiven, weekday, line.Number);
                    cell = cell[consumed..].Trim().TrimStart(',', ';', ':').Trim();
                    if (cell.Length == 0)
                    {
                        continue;
                    }
                }
                if (TimeText.TryParse(cell, out var r))
                {
                    range = r;
                }
                else
                {
                    strange ??= cell;
                }
            }
            var hasItems = cells.Skip(firstItemColumn).Any(c => c.Length > 0);
            if (range is { } time)
            {
                Found = true;
                if (date is null)
                {
                    log.Warn(line.Number, "A time before any date in the organization of work; this row is left out.", ServerPhrases.ImportTimeBeforeDate.With());
                    slot = null;
                    continue;
                }
                slot = NewSlot(date.Value, time, line.Number);
            }
            else if (sawDate)
            {
                slot = null;
                if (hasItems)
                {
                    log.Warn(line.Number, "Items on a date row with no time; left out of the sessions.", ServerPhrases.ImportDateRowNoTime.With());
                }
                continue;
            }
            else if (strange is not null)
            {
                if (hasItems && (slot is not null || date is not null))
                {
                    var cut = TextTools.Cut(strange, 40);
                    log.Warn(line.Number, $"\"{cut}\" is not a time; this row is left out of the sessions.", ServerPhrases.ImportNotATime.With(("text", cut)));
                }
                continue;
            }
            if (!hasItems)
            {
                continue;
            }
            if (slot is null)
            {
                if (date is not null || Found)
                {
                    log.Warn(line.Number, "Items before any time in the organization of work; left out of the sessions.", ServerPhrases.ImportItemsBeforeTime.With());
                }
                continue;
            }
            var row = new Row(line.Number);
            if (positional)
            {
                ReadItemCells(cells, row, line.Number);
            }
            else
            {
                ReadItemCellsByContent(cells.Skip(firstItemColumn).ToList(), row, line.Number);
            }
            if (row.Entries.Count > 0)
            {
                slot.Rows.Add(row);
            }
        }
    }
}
