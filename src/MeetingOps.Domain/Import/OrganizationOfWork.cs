using System.Globalization;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

/// <summary>
/// Reads the organization-of-work table of the annex into sessions. The table comes as lines of cells (tabs,
/// runs of spaces, or one flattened line): a date row ("Monday, 23 May 2022"), then time rows ("10 a.m.–1 p.m.")
/// whose cells give, per body, an item number and its title, "(continued)" where consideration carries over;
/// rows with an empty first cell belong to the time above them.
/// </summary>
internal sealed class OrganizationOfWork(List<SourceLine> lines, AgendaReader reader, WorkMeter meter, ImportLog log)
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
                    log.Warn(line.Number, "A time before any date in the organization of work; this row is left out.");
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
                    log.Warn(line.Number, "Items on a date row with no time; left out of the sessions.");
                }
                continue;
            }
            else if (strange is not null)
            {
                if (hasItems && (slot is not null || date is not null))
                {
                    log.Warn(line.Number, $"\"{TextTools.Cut(strange, 40)}\" is not a time; this row is left out of the sessions.");
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
                    log.Warn(line.Number, "Items before any time in the organization of work; left out of the sessions.");
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

    /// <summary>Without a known layout: the leading cells that are empty, a date or a time.</summary>
    private static int LeadCells(List<string> cells, int? defaultYear)
    {
        var c = 0;
        while (c < cells.Count && c < 3)
        {
            var cell = cells[c];
            if (cell.Length == 0 && c == 0)
            {
                c++;
                continue;
            }
            if (DateText.TryParseDay(cell, defaultYear ?? 2000, out _, out _, out _, out var consumed))
            {
                var rest = cell[consumed..].Trim().TrimStart(',', ';', ':').Trim();
                if (rest.Length == 0 || TimeText.TryParse(rest, out _))
                {
                    c++;
                    continue;
                }
            }
            if (TimeText.TryParse(cell, out _))
            {
                c++;
                continue;
            }
            break;
        }
        return Math.Max(1, c);
    }

    /// <summary>Cells read by what they hold: a number cell starts the next body's entry, a text cell is its title.</summary>
    private void ReadItemCellsByContent(List<string> cells, Row row, int line)
    {
        var bodyIndex = -1;
        var bodies = reader.Bodies;
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            if (cell.Length == 0)
            {
                continue;
            }
            var numbers = Numbers(cell);
            if (numbers.Count == 0)
            {
                continue; // a title, read with its number below
            }
            bodyIndex++;
            if (bodyIndex >= bodies.Count)
            {
                log.Warn(line, $"More item columns than bodies; \"{TextTools.Cut(cell, 40)}\" is left out.");
                break;
            }
            var title = c + 1 < cells.Count && Numbers(cells[c + 1]).Count == 0 ? cells[c + 1] : "";
            var body = bodies[bodyIndex];
            // With several bodies, a number that only another body's agenda has (by title) belongs to that body.
            if (bodies.Count > 1 && title.Length > 0)
            {
                for (var b = bodyIndex; b < bodies.Count; b++)
                {
                    if (bodies[b].ByNumber.TryGetValue(numbers[0].Number, out var candidate) && TextTools.SameTitle(TextTools.StripContinued(title, out _), candidate.Title))
                    {
                        bodyIndex = b;
                        body = bodies[b];
                        break;
                    }
                }
            }
            AddEntries(body, numbers, title, row, line);
        }
    }

    private static bool HasItemCells(List<string> cells, int from) => cells.Skip(from).Any(c => c.Length > 0);

    /// <summary>A date without a year is put in the year that places it within the meeting (a meeting can run over New Year).</summary>
    private DateOnly Place(DateOnly day, bool yearGiven)
    {
        if (yearGiven || _window.Start is not { } start || _window.End is not { } end || (day >= start && day <= end))
        {
            return day;
        }
        foreach (var shift in new[] { 1, -1 })
        {
            if (DateText.TryDate(day.Year + shift, day.Month, day.Day, out var moved) && moved >= start && moved <= end)
            {
                return moved;
            }
        }
        return day;
    }

    private void NoteDate(DateOnly day, bool yearGiven, DayOfWeek? weekday, int line)
    {
        Dates.Add(day);
        if (!yearGiven)
        {
            log.Warn(line, $"The date has no year; {day.Year} is assumed from the meeting's dates.");
        }
        if (weekday is { } w && w != day.DayOfWeek)
        {
            log.Warn(line, $"{day:d MMMM yyyy} is a {day.DayOfWeek}, not a {w}; the date is kept.".Replace(" yyyy", "", StringComparison.Ordinal));
        }
    }

    private Slot? NewSlot(DateOnly date, TimeText.Range range, int line)
    {
        var end = range.End;
        if (end is null)
        {
            var assumed = range.Start.AddHours(3);
            end = assumed < range.Start ? new TimeOnly(23, 59) : assumed;
            log.Warn(line, $"Only a start time ({Format(range.Start)}); the sitting is assumed to end at {Format(end.Value)}.");
        }
        if (range.Assumption is { } why)
        {
            log.Warn(line, $"Time read as {Format(range.Start)}–{Format(end.Value)}: {why}.");
        }
        if (end <= range.Start)
        {
            log.Warn(line, $"The sitting ends ({Format(end.Value)}) before it starts ({Format(range.Start)}); left out.");
            return null;
        }
        var slot = new Slot(date, range.Start, end.Value, line);
        if (_slots.Count >= DefinitionValidator.MaxSessions)
        {
            if (_slots.Count == DefinitionValidator.MaxSessions)
            {
                log.Warn(line, $"More than {DefinitionValidator.MaxSessions} sittings; the rest are left out.");
            }
            return null;
        }
        _slots.Add(slot);
        return slot;
    }

    private static string Format(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static bool IsHeaderRow(List<string> cells)
    {
        if (cells.Count < 2)
        {
            return false;
        }
        var keys = cells.Select(c => TextTools.Norm(c)).ToList();
        return keys.Any(k => k is "date and time" or "date" or "time" or "date time")
            || keys.Count(k => k is "agenda item" or "item" or "agenda items" or "title or description" or "title" or "description") >= 2;
    }

    private void ReadHeader(List<string> cells)
    {
        var named = new List<(BodyDraft Body, int Column)>();
        var itemColumns = new List<int>();
        for (var c = 0; c < cells.Count; c++)
        {
            var key = TextTools.Norm(cells[c]);
            if (key is "agenda item" or "item" or "agenda items" or "items")
            {
                itemColumns.Add(c);
            }
            else if (c > 0 && reader.MatchBody(cells[c]) is { } body && named.All(n => n.Body != body))
            {
                named.Add((body, c));
            }
        }
        if (named.Count > 0)
        {
            _columns = named.Select(n => (n.Body, n.Column, n.Column + 1)).ToList();
        }
        else if (itemColumns.Count > 0 && (_columns is null || _columns.Count != itemColumns.Count || _columns.Select(c => c.ItemColumn).SequenceEqual(itemColumns) == false))
        {
            if (_columns is not null && _columns.Count == itemColumns.Count)
            {
                // Sub-header under a header that named the bodies: the columns it gives are more exact.
                _columns = _columns.Select((col, i) => (col.Body, itemColumns[i], itemColumns[i] + 1)).ToList();
                return;
            }
            var bodies = reader.Bodies;
            _columns = itemColumns.Take(bodies.Count).Select((col, i) => (bodies[i], col, col + 1)).ToList();
        }
    }

    private List<(BodyDraft Body, int ItemColumn, int TitleColumn)> Columns(int cellCount)
    {
        if (_columns is not null)
        {
            return _columns;
        }
        // No header: date/time, then a number and a title per body, in the order of the agendas.
        var groups = Math.Max(1, (cellCount - 1) / 2);
        return reader.Bodies.Take(groups).Select((b, i) => (b, 1 + 2 * i, 2 + 2 * i)).ToList();
    }

    private void ReadItemCells(List<string> cells, Row row, int line)
    {
        foreach (var (body, itemColumn, titleColumn) in Columns(cells.Count))
        {
            var numberCell = itemColumn < cells.Count ? cells[itemColumn] : "";
            var titleCell = titleColumn < cells.Count ? cells[titleColumn] : "";
            if (numberCell.Length == 0 && titleCell.Length == 0)
            {
                continue;
            }
            var numbers = Numbers(numberCell);
            if (numbers.Count == 0)
            {
                var title = TextTools.StripContinued(titleCell, out var continued);
                var byTitle = title.Length > 0 ? body.AllItems().FirstOrDefault(i => TextTools.SameTitle(title, i.Title)) : null;
                if (byTitle is not null)
                {
                    log.Warn(line, $"A row without an item number; its title matches item {byTitle.Number} of the {body.Name}, which is taken.");
                    row.Entries.Add(new Entry(body, byTitle, continued));
                }
                else
                {
                    log.Warn(line, $"\"{TextTools.Cut(numberCell.Length > 0 ? numberCell : titleCell, 60)}\" is not an item of the {body.Name}; left out of the session.");
                }
                continue;
            }
            AddEntries(body, numbers, titleCell, row, line);
        }
    }

    private void AddEntries(BodyDraft body, List<(string Number, bool Continued)> numbers, string titleCell, Row row, int line)
    {
        var title = TextTools.StripContinued(titleCell, out var titleContinued);
        foreach (var (number, numberContinued) in numbers)
        {
            var continued = numberContinued || (titleContinued && numbers.Count == 1);
            if (!body.ByNumber.TryGetValue(number, out var item))
            {
                log.Warn(line, $"Item {number} is not on the agenda of the {body.Name}; left out of the session.");
                continue;
            }
            if (numbers.Count == 1 && title.Length > 0 && TextTools.Compare(title, item.Title) == TextTools.Match.None
                && body.AllItems().FirstOrDefault(i => TextTools.Compare(title, i.Title) is TextTools.Match.Same) is { } byTitle && byTitle != item)
            {
                log.Warn(line, $"Item {number} of the {body.Name} has another title on the agenda; the row's title matches item {byTitle.Number}, which is taken.");
                item = byTitle;
            }
            row.Entries.Add(new Entry(body, item, continued));
        }
    }

    /// <summary>"1 (a)", "1(a)", "Item 2", "4 and 5", "4, 5", "1 (a) and (b)", "3–5", "3 (a) (cont'd), 3 (b)"; each with its own "(continued)".</summary>
    internal static List<(string Number, bool Continued)> Numbers(string cell)
    {
        var result = new List<(string, bool)>();
        var text = cell.Trim();
        if (text.Length == 0 || text.Length > 80)
        {
            return result;
        }
        var parts = text.Replace(" and ", ",", StringComparison.OrdinalIgnoreCase).Replace("&", ",", StringComparison.Ordinal).Replace(";", ",", StringComparison.Ordinal)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int? lastTop = null;
        foreach (var raw in parts)
        {
            var part = LetterParen(TextTools.StripContinued(raw, out var continued));
            var range = part.Split(['–', '-'], StringSplitOptions.TrimEntries);
            if (range.Length == 2 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from) && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to) && to > from && to - from <= 20)
            {
                for (var n = from; n <= to; n++)
                {
                    result.Add((n.ToString(CultureInfo.InvariantCulture), continued));
                }
                lastTop = to;
                continue;
            }
            if (Numbering.CanonicalOf(part) is { } number)
            {
                result.Add((number, continued));
                var space = number.IndexOf(' ', StringComparison.Ordinal);
                var dot = number.IndexOf('.', StringComparison.Ordinal);
                var cut = space > 0 ? space : dot > 0 ? dot : number.Length;
                lastTop = int.Parse(number.AsSpan(0, cut), CultureInfo.InvariantCulture);
                continue;
            }
            if (lastTop is { } top && part.StartsWith('(') && part.EndsWith(')') && part.Length <= 6 && Numbering.CanonicalOf($"{top} {part}") is { } relative)
            {
                result.Add((relative, continued));
                continue;
            }
            // Not a list of numbers: a title cell.
            return [];
        }
        return result;
    }

    /// <summary>"2 a)" → "2 (a)"; "a)" → "(a)".</summary>
    private static string LetterParen(string part)
    {
        if (part.Length < 2 || part[^1] != ')' || part.Contains('(', StringComparison.Ordinal))
        {
            return part;
        }
        var k = part.Length - 1;
        while (k > 0 && char.IsAsciiLetterLower(part[k - 1]) && part.Length - 1 - k < 6)
        {
            k--;
        }
        if (k == part.Length - 1 || (k > 0 && part[k - 1] != ' ' && !char.IsAsciiDigit(part[k - 1])))
        {
            return part;
        }
        return $"{part[..k].TrimEnd()} ({part[k..^1]})".TrimStart();
    }

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
                log.Warn(line.Number, "A time before any date in the organization of work; this row is left out.");
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
                log.Warn(line.Number, $"Item {number} is not on any agenda; left out of the session.");
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

    // ---------------------------------------------------------------- sessions

    /// <summary>The sessions, with items by merged id; resolves misaligned time labels first.</summary>
    public List<SessionDefinition> Sessions(List<BodyDraft> bodies)
    {
        Realign();
        var sessions = new List<SessionDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slot in _slots)
        {
            meter.Charge(slot.Rows.Count + 1);
            var planned = new List<PlannedItem>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var sitting = new HashSet<BodyDraft>(slot.Rows.SelectMany(r => r.Entries).Select(e => e.Body));
            foreach (var row in slot.Rows)
            {
                var inRow = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in row.Entries)
                {
                    var merged = entry.Item.Merged!;
                    foreach (var member in merged.Members)
                    {
                        if (sitting.Add(member.Body))
                        {
                            log.Warn(row.Line, $"Joint item {merged.First.Number} is listed only for some of its bodies; the {member.Body.Name} is taken to sit in this session too.");
                        }
                    }
                    if (seen.TryGetValue(merged.Id, out var at))
                    {
                        if (inRow.Contains(merged.Id) && entry.Continued && !planned[at].Continued)
                        {
                            planned[at] = planned[at] with { Continued = true };
                        }
                        else if (!inRow.Contains(merged.Id))
                        {
                            log.Warn(row.Line, $"Item {entry.Item.Number} of the {entry.Body.Name} is listed twice in the session of {slot.Date:yyyy-MM-dd} {Format(slot.Start)}; planned once.");
                        }
                        continue;
                    }
                    seen[merged.Id] = planned.Count;
                    inRow.Add(merged.Id);
                    planned.Add(new PlannedItem(merged.Id, entry.Continued));
                }
            }
            if (planned.Count == 0)
            {
                log.Warn(slot.Line, $"No agenda items in the sitting of {slot.Date:yyyy-MM-dd} {Format(slot.Start)}; left out.");
                continue;
            }
            var id = $"{slot.Date:yyyy-MM-dd}-{(slot.Start.Hour < 12 ? "am" : slot.Start.Hour < 18 ? "pm" : "evening")}";
            var unique = id;
            for (var n = 2; !ids.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }
            var start = slot.Date.ToDateTime(slot.Start, DateTimeKind.Unspecified);
            var end = slot.Date.ToDateTime(slot.End, DateTimeKind.Unspecified);
            sessions.Add(new SessionDefinition(unique, start, end, bodies.Where(sitting.Contains).Select(b => b.Id!).ToList(), planned));
            SessionLines[unique] = slot.Line;
        }
        return sessions;
    }

    public Dictionary<string, int> SessionLines { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A time label printed one row too high: within one sitting, a body's column lists an item and then the same item
    /// "(continued)". An item cannot continue in the sitting where it starts, so the label belongs to the "(continued)"
    /// row, and the rows above it belong to the previous sitting of the same day.
    /// </summary>
    private void Realign()
    {
        for (var s = 1; s < _slots.Count; s++)
        {
            var slot = _slots[s];
            var previous = _slots[s - 1];
            if (previous.Date != slot.Date)
            {
                continue;
            }
            var cut = -1;
            for (var r2 = 1; r2 < slot.Rows.Count && cut < 0; r2++)
            {
                foreach (var later in slot.Rows[r2].Entries.Where(e => e.Continued))
                {
                    for (var r1 = 0; r1 < r2; r1++)
                    {
                        if (slot.Rows[r1].Entries.Any(e => e.Body == later.Body && e.Item == later.Item && !e.Continued))
                        {
                            cut = r2;
                            break;
                        }
                    }
                    if (cut >= 0)
                    {
                        break;
                    }
                }
            }
            if (cut <= 0)
            {
                continue;
            }
            var moved = slot.Rows.Take(cut).ToList();
            slot.Rows.RemoveRange(0, cut);
            previous.Rows.AddRange(moved);
            var item = moved[0].Entries[0];
            log.Warn(moved[0].Line, $"Item {item.Item.Number} of the {item.Body.Name} is listed at {Format(slot.Start)}–{Format(slot.End)} and again as continued (line {slot.Rows[0].Line}) in the same sitting; "
                + $"the time is taken to belong to the \"(continued)\" row, and the row(s) above it to the sitting of {Format(previous.Start)}–{Format(previous.End)}.");
        }
    }
}
