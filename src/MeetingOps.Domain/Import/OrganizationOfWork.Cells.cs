// OrganizationOfWork, cells: the header row, the body columns, and the agenda item numbers and titles read from a row's cells.

using System.Globalization;

namespace MeetingOps.Domain.Import;

internal sealed partial class OrganizationOfWork
{
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
                var cut = TextTools.Cut(cell, 40);
                log.Warn(line, $"More item columns than bodies; \"{cut}\" is left out.", ServerPhrases.ImportMoreColumns.With(("text", cut)));
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
                    log.Warn(line, $"A row without an item number; its title matches item {byTitle.Number} of the {body.Name}, which is taken.",
                        ServerPhrases.ImportRowTitleMatch.With(("number", byTitle.Number), ("body", body.Name)));
                    row.Entries.Add(new Entry(body, byTitle, continued));
                }
                else
                {
                    var cut = TextTools.Cut(numberCell.Length > 0 ? numberCell : titleCell, 60);
                    log.Warn(line, $"\"{cut}\" is not an item of the {body.Name}; left out of the session.", ServerPhrases.ImportNotAnItem.With(("text", cut), ("body", body.Name)));
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
                log.Warn(line, $"Item {number} is not on the agenda of the {body.Name}; left out of the session.",
                    ServerPhrases.ImportNotOnAgenda.With(("number", number), ("body", body.Name)));
                continue;
            }
            if (numbers.Count == 1 && title.Length > 0 && TextTools.Compare(title, item.Title) == TextTools.Match.None
                && body.AllItems().FirstOrDefault(i => TextTools.Compare(title, i.Title) is TextTools.Match.Same) is { } byTitle && byTitle != item)
            {
                log.Warn(line, $"Item {number} of the {body.Name} has another title on the agenda; the row's title matches item {byTitle.Number}, which is taken.",
                    ServerPhrases.ImportOtherTitle.With(("number", number), ("body", body.Name), ("taken", byTitle.Number)));
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
}
