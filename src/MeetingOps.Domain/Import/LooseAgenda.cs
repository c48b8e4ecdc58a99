// LooseAgenda: a second, layout-free reading of the agenda items, for documents the structured reader cannot follow
// (agendas run into one line, web pages, orders of the day, "Item 3" headings, tables flattened to text).

using System.Text;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

/// <summary>An agenda item as the loose reading finds it: its canonical number, title, line, parent (an index, or -1), and whether it was read from item headings ("Agenda item 3", "Third item on the agenda").</summary>
internal sealed record LooseItem(string Number, string Title, int Line, int Parent, string? Letter, bool Headed = false);

/// <summary>
/// Reads numbered agenda items wherever they stand: at the start of a line or inside a long one ("1. Organizational
/// matters: (a) Opening of the session; (b) … 2. Review of …"), as "Item 3", "Agenda item 1 (a)" or "First item on the
/// agenda" headings, or as a number alone on its line with the title below. It knows nothing of regions or bodies:
/// the importer uses it only when it finds more items than the structured reading.
/// <para>
/// Linear: every character is looked at a bounded number of times (a title is taken from at most
/// <see cref="MaxTitleLines"/> lines), and the work is charged to the meter.
/// </para>
/// </summary>
internal static class LooseAgenda
{
    private const int MaxTitleLines = 4;
    private const int MaxTitleChars = 700;
    private const int MaxTop = 199;

    private enum Kind { Top, Dotted, Letter, ItemWord }

    private sealed record Marker(Kind Kind, int Top, string Number, string? Letter, int Line, int Start, int TitleStart, bool AtLineStart, int Indent)
    {
        public string Title { get; set; } = "";
    }

    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "of", "the", "for", "to", "in", "on", "under", "by", "with", "at", "from", "between", "including", "its", "their", "a", "an", "as", "into", "towards",
    };

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "rev", "conf", "doc", "no", "nos", "add", "corr", "vol", "para", "paras", "art", "arts", "mr", "ms", "mrs", "dr", "st", "e.g", "i.e", "etc", "inc", "co", "vs", "cf", "op", "res", "dec", "prov", "ref", "fig",
    };

    private static readonly string[] ParagraphWords = [" is ", " are ", " will ", " was ", " were ", " has ", " have ", " shall ", " should ", " would "];

    public static List<LooseItem> Read(string text, WorkMeter meter)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd('\r');
        }
        var markers = new List<Marker>();
        var byLine = new List<int>[lines.Length];
        for (var n = 0; n < lines.Length; n++)
        {
            byLine[n] = [];
        }
        for (var n = 0; n < lines.Length; n++)
        {
            meter.Charge(lines[n].Length + 1);
            var found = FindMarkers(lines[n], n);
            foreach (var m in found)
            {
                byLine[n].Add(markers.Count);
                markers.Add(m);
            }
            if (markers.Count > 20_000)
            {
                break;
            }
        }
        for (var k = 0; k < markers.Count; k++)
        {
            var m = markers[k];
            var next = k + 1 < markers.Count && markers[k + 1].Line == m.Line ? markers[k + 1].Start : -1;
            markers[k].Title = Clean(TitleOf(lines, byLine, markers, m, next, meter));
        }

        var numbered = Assemble(markers, itemWords: false);
        var headed = Assemble(markers, itemWords: true);
        // Item headings win over numbered lines that are as many or fewer, and also over more numbered lines when at
        // least two headings come before all of them: those are the paragraphs under the headings.
        var headingsFirst = headed.Count(i => i.Parent < 0) >= 2 && numbered.Count > 0 && numbered.All(i => i.Line > headed[0].Line);
        return headed.Count > 0 && (headed.Count >= numbered.Count || headingsFirst) ? headed : numbered;
    }

    // ------------------------------------------------------------------ markers

    private static List<Marker> FindMarkers(string line, int n)
    {
        var found = new List<Marker>();
        var indent = 0;
        while (indent < line.Length && line[indent] is ' ' or '\t' or '\u00A0')
        {
            indent += line[indent] == '\t' ? 4 : 1;
            if (indent > 200)
            {
                break;
            }
        }
        var first = 0;
        while (first < line.Length && char.IsWhiteSpace(line[first]))
        {
            first++;
        }
        var ordinal = OrdinalHeading(line.AsSpan(first).TrimEnd());
        if (ordinal > 0)
        {
            found.Add(new Marker(Kind.ItemWord, ordinal, ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), null, n, first, line.Length, true, indent));
            return found;
        }
        for (var i = first; i < line.Length; i++)
        {
            var c = line[i];
            var prev = i > 0 ? line[i - 1] : ' ';
            var boundary = i == first || char.IsWhiteSpace(prev) || prev is '/' or '|';
            if (boundary && (c is 'I' or 'i' or 'A' or 'a' or 'P' or 'p') && TryItemWord(line, i, out var word, out var wordEnd))
            {
                var atStart = i == first || line.AsSpan(first, i - first).Trim().EndsWith("/", StringComparison.Ordinal) || IsParagraphNumber(line.AsSpan(first, i - first));
                if (wordEnd < line.Length || atStart)
                {
                    found.Add(word with { Line = n, Start = i, AtLineStart = atStart, Indent = indent });
                    i = wordEnd - 1;
                    continue;
                }
            }
            if (char.IsAsciiDigit(c) && (i == first || char.IsWhiteSpace(prev) || (prev is '.' or ';' or ':' && i >= 2 && char.IsLetter(line[i - 2]))) && TryNumber(line, i, out var number, out var end))
            {
                found.Add(number with { Line = n, Start = i, AtLineStart = i == first, Indent = indent });
                i = end - 1;
                continue;
            }
            if (c == '(' && (i == first || char.IsWhiteSpace(prev) || prev is ':' or ';') && TryLetter(line, i, out var letter, out var letterEnd))
            {
                found.Add(letter with { Line = n, Start = i, AtLineStart = i == first, Indent = indent });
                i = letterEnd - 1;
            }
        }
        return found;
    }

    private static bool IsParagraphNumber(ReadOnlySpan<char> head)
    {
        head = head.Trim();
        if (head.Length is 0 or > 4 || head[^1] != '.')
        {
            return false;
        }
        foreach (var ch in head[..^1])
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>"First item on the agenda", "Second item on the agenda": the number in words, the title below.</summary>
    private static int OrdinalHeading(ReadOnlySpan<char> line)
    {
        const string tail = " item on the agenda";
        if (line.Length > 40 || !line.EndsWith(tail, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }
        var word = line[..^tail.Length].ToString().Trim().ToLowerInvariant();
        return word.Contains(' ', StringComparison.Ordinal) ? 0 : Math.Max(0, Ordinals.Value(word));
    }

    /// <summary>"Item 3", "Agenda item 1 (a)", "Agenda Item 4.", "Provisional agenda item 7:", "AGENDA ITEM 2." — not "Item 2 (c) of the provisional agenda".</summary>
    private static bool TryItemWord(string line, int i, out Marker marker, out int end)
    {
        marker = null!;
        end = i;
        var j = i;
        if (Starts(line, j, "provisional agenda item ")) { j += "provisional agenda item ".Length; }
        else if (Starts(line, j, "agenda item ")) { j += "agenda item ".Length; }
        else if (Starts(line, j, "item ")) { j += "item ".Length; }
        else { return false; }
        var digits = j;
        while (j < line.Length && j - digits < 3 && char.IsAsciiDigit(line[j]))
        {
            j++;
        }
        if (j == digits || (j < line.Length && char.IsAsciiDigit(line[j])))
        {
            return false;
        }
        var top = int.Parse(line.AsSpan(digits, j - digits), System.Globalization.CultureInfo.InvariantCulture);
        var number = new StringBuilder(line[digits..j]);
        string? letter = null;
        // "16.1" or " (a)" / "(a)".
        while (j + 1 < line.Length && line[j] == '.' && char.IsAsciiDigit(line[j + 1]) && number.Length < 12)
        {
            var s = j + 1;
            var e = s;
            while (e < line.Length && char.IsAsciiDigit(line[e]))
            {
                e++;
            }
            number.Append('.').Append(line, s, e - s);
            j = e;
        }
        var k = j;
        while (k < line.Length && line[k] == ' ')
        {
            k++;
        }
        if (k < line.Length && line[k] == '(' && TryLetter(line, k, out var sub, out var subEnd, requireTitle: false))
        {
            letter = sub.Letter;
            number.Append(" (").Append(letter).Append(')');
            j = subEnd;
        }
        if (j < line.Length && line[j] is '.' or ':')
        {
            j++;
        }
        if (j < line.Length && !char.IsWhiteSpace(line[j]))
        {
            return false;
        }
        var rest = line.AsSpan(j).TrimStart();
        if (rest.StartsWith("of the ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("of ", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("on the ", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("in ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        end = j;
        marker = new Marker(Kind.ItemWord, top, number.ToString(), letter, 0, i, j, false, 0);
        return top is > 0 and <= MaxTop;
    }

    private static bool Starts(string line, int i, string word) =>
        i + word.Length <= line.Length && string.Compare(line, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>"3.", "3.1", "3.1.", "7.2.1." followed by a title (or nothing: the title is on the next line), "1.Declaration", "1. |".</summary>
    private static bool TryNumber(string line, int i, out Marker marker, out int end)
    {
        marker = null!;
        end = i;
        var j = i;
        var parts = new List<string>();
        while (true)
        {
            var s = j;
            while (j < line.Length && j - s < 3 && char.IsAsciiDigit(line[j]))
            {
                j++;
            }
            if (j == s || (j < line.Length && char.IsAsciiDigit(line[j])))
            {
                return false;
            }
            parts.Add(line[s..j]);
            if (j + 1 < line.Length && line[j] == '.' && char.IsAsciiDigit(line[j + 1]) && parts.Count < 4)
            {
                j++;
                continue;
            }
            break;
        }
        var dot = j < line.Length && line[j] == '.';
        if (dot)
        {
            j++;
        }
        if (parts.Count == 1 && !dot)
        {
            return false;
        }
        var top = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        if (top is 0 or > MaxTop)
        {
            return false;
        }
        var k = j;
        while (k < line.Length && line[k] is ' ' or '\t' or '\u00A0')
        {
            k++;
        }
        var titleOk = k >= line.Length
            || line[k] == '|'
            || (k > j && IsTitleStart(line, k))
            || (k == j && dot && char.IsUpper(line[k]) && k + 1 < line.Length && char.IsLower(line[k + 1]));
        if (!titleOk)
        {
            return false;
        }
        end = k;
        var number = string.Join('.', parts);
        marker = new Marker(parts.Count == 1 ? Kind.Top : Kind.Dotted, top, number, null, 0, i, k, false, 0);
        return true;
    }

    private static bool IsTitleStart(string line, int k)
    {
        var c = line[k];
        return char.IsUpper(c) || c is '“' or '"' or '‘' or '\'' || (c == '(' && k + 1 < line.Length && char.IsLetter(line[k + 1]) && !IsLetterMarker(line, k));
    }

    private static bool IsLetterMarker(string line, int k) => TryLetter(line, k, out _, out _, requireTitle: false);

    /// <summary>"(a)", "(iv)" followed by a title (or the end of the line).</summary>
    private static bool TryLetter(string line, int i, out Marker marker, out int end, bool requireTitle = true)
    {
        marker = null!;
        end = i;
        var j = i + 1;
        while (j < line.Length && j - i <= 5 && char.IsAsciiLetterLower(line[j]))
        {
            j++;
        }
        if (j == i + 1 || j >= line.Length || line[j] != ')')
        {
            return false;
        }
        var letter = line[(i + 1)..j];
        if (letter.Length > 1 && !Numbering.IsRoman(letter))
        {
            return false;
        }
        j++;
        var k = j;
        while (k < line.Length && line[k] is ' ' or '\t' or '\u00A0')
        {
            k++;
        }
        if (requireTitle && !(k >= line.Length || (k > j && (IsTitleStart(line, k) || line[k] == '('))))
        {
            return false;
        }
        end = requireTitle ? k : j;
        marker = new Marker(Kind.Letter, 0, letter, letter, 0, i, k, false, 0);
        return true;
    }

    // ------------------------------------------------------------------ titles

    private static string TitleOf(string[] lines, List<int>[] byLine, List<Marker> markers, Marker m, int nextOnLine, WorkMeter meter)
    {
        var line = lines[m.Line];
        var head = nextOnLine >= 0 ? line[Math.Min(m.TitleStart, nextOnLine)..nextOnLine] : line[Math.Min(m.TitleStart, line.Length)..];
        var title = new StringBuilder(head.Trim());
        if (nextOnLine >= 0)
        {
            return title.ToString();
        }
        var n = m.Line + 1;
        if (title.Length == 0 || title.ToString() == "|")
        {
            // The number stands alone: the title is the next non-blank line (up to its first marker).
            title.Clear();
            var skipped = 0;
            while (n < lines.Length && string.IsNullOrWhiteSpace(lines[n]) && skipped < 3)
            {
                n++;
                skipped++;
            }
            if (n >= lines.Length || string.IsNullOrWhiteSpace(lines[n]) || (byLine[n] is { Count: > 0 } starts && markers[starts[0]].AtLineStart))
            {
                return "";
            }
            title.Append(Part(lines[n], byLine[n], markers).Trim());
            n++;
        }
        for (var taken = 0; taken < MaxTitleLines && n < lines.Length && title.Length < MaxTitleChars; taken++)
        {
            var current = title.ToString().TrimEnd();
            if (current.Length == 0 || current[^1] is '.' or ';' or ':' or '|' or '?' or '!')
            {
                break;
            }
            var blanks = 0;
            var j = n;
            while (j < lines.Length && string.IsNullOrWhiteSpace(lines[j]) && blanks < 2)
            {
                j++;
                blanks++;
            }
            if (j >= lines.Length || string.IsNullOrWhiteSpace(lines[j]))
            {
                break;
            }
            if (byLine[j] is { Count: > 0 } s && markers[s[0]].AtLineStart)
            {
                break;
            }
            var next = Part(lines[j], byLine[j], markers).Trim();
            meter.Charge(next.Length);
            if (next.Length == 0)
            {
                break;
            }
            if (!Continues(current, next, blanks == 0))
            {
                break;
            }
            title.Append(' ').Append(next);
            if (byLine[j] is { Count: > 0 })
            {
                break;
            }
            n = j + 1;
        }
        return title.ToString();
    }

    /// <summary>
    /// Whether the line after a title goes on with it: it starts in lower case, the title so far ends on a connecting
    /// word or a comma or dash, or (with no blank line between) it is a short remark in parentheses that is not a note
    /// such as "(no document)", or both are in capitals. A line in title case after a complete title is a heading,
    /// a room or a note, not more of the title.
    /// </summary>
    internal static bool Continues(string current, string next, bool adjacent)
    {
        current = current.TrimEnd();
        if (current.Length == 0 || next.Length == 0)
        {
            return false;
        }
        return char.IsLower(next[0])
            || Connectors.Contains(LastWord(current)) || current[^1] is ',' or '–' or '-' or '—'
            || (adjacent && next[0] == '(' && next.Length < 120 && !IsNoteInParentheses(next))
            || (adjacent && IsCapitals(current) && IsCapitals(next));
    }

    private static string Part(string line, List<int> starts, List<Marker> markers) =>
        starts.Count > 0 ? line[..markers[starts[0]].Start] : line;

    /// <summary>"(no document)", "(no documents)", "(cont'd)": a note under a title, not part of it.</summary>
    internal static bool IsNoteInParentheses(string text)
    {
        var t = text.ToLowerInvariant();
        return t.StartsWith("(no document", StringComparison.Ordinal) || t.StartsWith("(cont", StringComparison.Ordinal);
    }

    private static bool IsCapitals(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (char.IsLower(c))
                {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 3;
    }

    private static string LastWord(string text)
    {
        var end = text.Length;
        var start = text.LastIndexOf(' ') + 1;
        return text[start..end];
    }

    /// <summary>
    /// The title proper: without the document symbols after it, "for decision" marks, page and paragraph numbers of a
    /// contents table, a sentence that follows it, table-cell marks and "(cont'd)".
    /// </summary>
    internal static string Clean(string raw)
    {
        var t = TextTools.Cut(raw.Replace('\t', ' ').Replace('\u00A0', ' '), MaxTitleChars);
        t = CollapseSpaces(t).Trim();
        // Leading "(cont'd)", "/", "(PLENARY)".
        for (var guard = 0; guard < 3 && t.Length > 0; guard++)
        {
            if (t[0] is '/' or '|' or '-' or '–')
            {
                t = t[1..].TrimStart();
                continue;
            }
            if (t[0] == '(')
            {
                var close = t.IndexOf(')', StringComparison.Ordinal);
                if (close > 0 && close + 1 < t.Length)
                {
                    var inner = t[1..close];
                    if (inner.StartsWith("cont", StringComparison.OrdinalIgnoreCase) || IsCapitals(inner))
                    {
                        t = t[(close + 1)..].TrimStart();
                        continue;
                    }
                }
            }
            break;
        }
        t = CutAtSymbol(CutAtListOrFootnote(t));
        var forMark = IndexOfForMark(t);
        if (forMark > 0)
        {
            t = t[..forMark];
        }
        t = CutAtSentence(t);
        for (var guard = 0; guard < 10; guard++)
        {
            var before = t;
            t = t.TrimEnd(' ', '|', ',', ';', ':', '.', '*');
            t = StripTrailingSymbols(t);
            t = StripContentsNumbers(t);
            if (t.EndsWith(')') && t.Count(c => c == ')') > t.Count(c => c == '('))
            {
                t = t[..^1];
            }
            if (t == before)
            {
                break;
            }
        }
        return t.Trim();
    }

    /// <summary>Only the symbols in parentheses and the contents-table numbers at the end of a title, for the layout reading's titles.</summary>
    internal static string StripTitleTail(string title)
    {
        var t = CutAtListOrFootnote(title).TrimEnd();
        for (var guard = 0; guard < 10; guard++)
        {
            var before = t;
            t = StripContentsNumbers(StripTrailingSymbols(t)).TrimEnd();
            if (t == before)
            {
                break;
            }
        }
        return t;
    }

    /// <summary>
    /// Cuts where the title ends and something else begins on the same line: a footnote mark followed by the
    /// footnote ("Adoption of the report ∗ This document was submitted …") or a colon followed by an unnumbered bullet
    /// list ("… related matters: - Administrative and financial implications …"). A mark at the very end is left for
    /// the trimming of the closing punctuation.
    /// </summary>
    internal static string CutAtListOrFootnote(string t)
    {
        for (var i = 1; i + 2 < t.Length; i++)
        {
            var c = t[i];
            if (c is '∗' or '*' or '†' && t[i + 1] == ' ' && (char.IsUpper(t[i + 2]) || char.IsDigit(t[i + 2])))
            {
                return t[..i].TrimEnd();
            }
            if (c == ':' && i + 3 < t.Length && t[i + 1] == ' ' && t[i + 2] is '-' or '–' or '•' or '·' && t[i + 3] == ' ')
            {
                return t[..i].TrimEnd();
            }
        }
        return t;
    }

    private static string CollapseSpaces(string t)
    {
        var s = new StringBuilder(t.Length);
        var space = false;
        foreach (var c in t)
        {
            if (c == ' ')
            {
                space = true;
                continue;
            }
            if (space && s.Length > 0)
            {
                s.Append(' ');
            }
            space = false;
            s.Append(c);
        }
        return s.ToString();
    }

    /// <summary>": for decision", ": for discussion and/or decision", ": for information".</summary>
    private static int IndexOfForMark(string t)
    {
        foreach (var mark in new[] { ": for decision", ": for discussion", ": for information", ": for consideration", ": for noting" })
        {
            var at = t.IndexOf(mark, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                return at;
            }
        }
        return -1;
    }

    /// <summary>Cuts before the first bare document symbol ("UNEP/EA.1/6", "A/HRC/35/L.37") outside parentheses.</summary>
    private static string CutAtSymbol(string t)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= t.Length; i++)
        {
            if (i < t.Length && t[i] != ' ')
            {
                if (t[i] == '(' || t[i] == '[') { depth++; }
                else if ((t[i] == ')' || t[i] == ']') && depth > 0) { depth--; }
                continue;
            }
            if (depth == 0 && i > start && IsSymbol(t.AsSpan(start, i - start)))
            {
                return t[..start];
            }
            start = i + 1;
        }
        return t;
    }

    /// <summary>An all-capitals prefix, a slash, and more: "A/59/1", "UNEP/EA.1/INF/22", "CL" is not; "Nations/FAO" is not.</summary>
    private static bool IsSymbol(ReadOnlySpan<char> token)
    {
        token = token.Trim("();,");
        var slash = token.IndexOf('/');
        if (slash <= 0 || slash == token.Length - 1)
        {
            return false;
        }
        foreach (var c in token[..slash])
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '.'))
            {
                return false;
            }
        }
        return char.IsAsciiLetterUpper(token[0]);
    }

    /// <summary>"(A/59/1) (A/59/2)", "(CL 119/12; CL 119/13)", "(C.N. 3993)" at the end of a title.</summary>
    private static string StripTrailingSymbols(string t)
    {
        if (!t.EndsWith(')'))
        {
            return t;
        }
        var open = t.LastIndexOf('(');
        if (open < 0)
        {
            return t;
        }
        var inner = t[(open + 1)..^1];
        var tokens = inner.Split([' ', ';', ','], StringSplitOptions.RemoveEmptyEntries);
        var symbol = inner.StartsWith("C.N.", StringComparison.Ordinal) || inner.StartsWith("CL ", StringComparison.Ordinal) && tokens.Length >= 2;
        if (!symbol)
        {
            var any = false;
            var all = tokens.Length > 0;
            foreach (var token in tokens)
            {
                if (IsSymbol(token) || (token.Contains('/', StringComparison.Ordinal) && char.IsAsciiDigit(token[0])))
                {
                    any = true;
                }
                else if (!(token.Length > 0 && (char.IsUpper(token[0]) || char.IsAsciiDigit(token[0])) && token.All(c => !char.IsLower(c) || false) || token is "and" || IsSymbolSuffix(token)))
                {
                    all = false;
                }
            }
            symbol = any && all;
        }
        return symbol && open > 0 ? t[..open].TrimEnd() : t;
    }

    /// <summary>"Rev.", "Rev.1", "Corr.2", "Add.3", "Prov.4", "Prov": the revision marks after a symbol.</summary>
    private static bool IsSymbolSuffix(string token)
    {
        foreach (var mark in new[] { "Rev", "Corr", "Add", "Prov", "Amend" })
        {
            if (token.StartsWith(mark, StringComparison.Ordinal))
            {
                var rest = token.AsSpan(mark.Length).TrimStart('.');
                var digits = true;
                foreach (var c in rest)
                {
                    digits &= char.IsAsciiDigit(c);
                }
                return digits;
            }
        }
        return false;
    }

    /// <summary>"… Secretary-General 15–49 5": the paragraphs and page of a contents table.</summary>
    private static string StripContentsNumbers(string t)
    {
        var last = t.LastIndexOf(' ');
        if (last <= 0 || !IsPlainNumber(t.AsSpan(last + 1), range: false))
        {
            return t;
        }
        var before = t.LastIndexOf(' ', last - 1);
        if (before <= 0 || !IsPlainNumber(t.AsSpan(before + 1, last - before - 1), range: true))
        {
            return t;
        }
        return t[..before].TrimEnd();
    }

    private static bool IsPlainNumber(ReadOnlySpan<char> s, bool range)
    {
        if (s.Length is 0 or > 9)
        {
            return false;
        }
        var digits = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(range && c is '–' or '-'))
            {
                return false;
            }
        }
        return digits > 0 && (range || s.Length <= 3);
    }

    /// <summary>"STATEMENT BY DG. NO POSITION REQUIRED": the title ends where a sentence starts.</summary>
    private static string CutAtSentence(string t)
    {
        var depth = 0;
        for (var i = 1; i + 2 < t.Length; i++)
        {
            var c = t[i];
            if (c is '(' or '[') { depth++; continue; }
            if (c is ')' or ']') { depth = Math.Max(0, depth - 1); continue; }
            if (c != '.' || depth > 0 || t[i + 1] != ' ' || !char.IsUpper(t[i + 2]))
            {
                continue;
            }
            var wordStart = t.LastIndexOf(' ', i - 1) + 1;
            var word = t[wordStart..i];
            if (word.Length <= 1 || word.Contains('.', StringComparison.Ordinal) || Abbreviations.Contains(word) || (word.Length <= 3 && word.All(char.IsUpper) && !IsCapitals(t[..i])))
            {
                continue;
            }
            // "… Programme. Report of …" inside one title is rare; a following capitalised word after a full stop starts a sentence.
            return t[..i];
        }
        return t;
    }

    // ------------------------------------------------------------------ assembly

    private static bool LooksLikeParagraph(string title)
    {
        var padded = " " + title + " ";
        foreach (var word in ParagraphWords)
        {
            if (padded.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return title.EndsWith("follows", StringComparison.OrdinalIgnoreCase) || title.Length > 600;
    }

    private static bool IsGoodTitle(string title) =>
        title.Length >= 2 && title.Any(char.IsLetter) && !IsSymbol(title.AsSpan()) && !LooksLikeParagraph(title);

    private static List<LooseItem> Assemble(List<Marker> markers, bool itemWords)
    {
        var items = new List<LooseItem>();
        var byNumber = new Dictionary<string, int>(StringComparer.Ordinal);
        var lastTop = 0;
        var top = -1;
        var topIndent = 0;
        var sub = -1;
        var stopped = false;

        int Add(string number, string title, int line, int parent, string? letter)
        {
            if (byNumber.ContainsKey(number) || items.Count >= DefinitionValidator.MaxItems || number.Length > 16)
            {
                return -1;
            }
            byNumber[number] = items.Count;
            items.Add(new LooseItem(number, TextTools.Cut(title, DefinitionValidator.MaxTextLength), line + 1, parent, letter, itemWords));
            return items.Count - 1;
        }

        int Depth(int index)
        {
            var d = 0;
            for (var p = index; p >= 0 && d < 10; p = items[p].Parent)
            {
                d++;
            }
            return d;
        }

        foreach (var m in markers)
        {
            if (!IsGoodTitle(m.Title))
            {
                continue;
            }
            switch (m.Kind)
            {
                case Kind.ItemWord when itemWords:
                {
                    if (m.Letter is not null)
                    {
                        var parentNumber = m.Number[..m.Number.IndexOf(' ', StringComparison.Ordinal)];
                        var parent = byNumber.GetValueOrDefault(parentNumber, -1);
                        var added = Add(parent >= 0 ? m.Number : parentNumber, m.Title, m.Line, parent, parent >= 0 ? m.Letter : null);
                        if (added >= 0)
                        {
                            sub = parent >= 0 ? added : -1;
                            top = parent >= 0 ? parent : added;
                        }
                        break;
                    }
                    // A heading seen before (the annotations repeat the list) makes its item current again.
                    var index = byNumber.TryGetValue(m.Number, out var seen) ? seen : Add(m.Number, m.Title, m.Line, -1, null);
                    if (index >= 0)
                    {
                        top = index;
                        sub = -1;
                    }
                    break;
                }
                case Kind.Top when !itemWords:
                {
                    if (stopped)
                    {
                        break;
                    }
                    if (m.AtLineStart && top >= 0 && m.Indent > topIndent && m.Top <= lastTop)
                    {
                        // An indented list numbered afresh under an item: its sub-items.
                        var parent = sub >= 0 && items[sub].Letter is null && m.Indent > topIndent + 2 && Depth(sub) < 3 ? sub : top;
                        var number = $"{items[parent].Number}.{m.Top}";
                        var added = Add(number, m.Title, m.Line, parent, null);
                        if (added >= 0 && parent == top)
                        {
                            sub = added;
                        }
                        break;
                    }
                    if (m.Top <= lastTop)
                    {
                        // The numbering starts again: the annotations (or another list) follow the agenda.
                        stopped |= m.Top == 1 && items.Count >= 2;
                        break;
                    }
                    if (m.Top > lastTop + 3 || (lastTop == 0 && m.Top > 3))
                    {
                        break;
                    }
                    var index = Add(m.Number, m.Title, m.Line, -1, null);
                    if (index >= 0)
                    {
                        lastTop = m.Top;
                        top = index;
                        topIndent = m.AtLineStart ? m.Indent : 0;
                        sub = -1;
                    }
                    break;
                }
                case Kind.Dotted:
                {
                    if (stopped && !itemWords)
                    {
                        break;
                    }
                    var cut = m.Number.LastIndexOf('.');
                    var parent = byNumber.GetValueOrDefault(m.Number[..cut], -1);
                    if (parent >= 0 && Depth(parent) < 3)
                    {
                        var added = Add(m.Number, m.Title, m.Line, parent, null);
                        if (added >= 0)
                        {
                            sub = added;
                        }
                    }
                    break;
                }
                case Kind.Letter:
                {
                    if (top < 0 || (stopped && !itemWords))
                    {
                        break;
                    }
                    var letter = m.Letter!;
                    int parent = top;
                    if (sub >= 0 && items[sub].Parent >= 0 && items[sub].Parent != top && items[items[sub].Parent].Letter is { } outer)
                    {
                        // After "(e) (i)": "(ii)" continues the roman list, "(f)" goes back to the letters.
                        parent = letter != Numbering.NextLetter(outer) && Numbering.IsRoman(letter) ? items[sub].Parent : top;
                    }
                    else if (sub >= 0 && items[sub].Letter is { } subLetter && letter == "i" && subLetter != "h")
                    {
                        parent = sub;
                    }
                    if (Depth(parent) >= 3)
                    {
                        break;
                    }
                    var added = Add($"{items[parent].Number} ({letter})", m.Title, m.Line, parent, letter);
                    if (added >= 0)
                    {
                        sub = added;
                    }
                    break;
                }
            }
        }
        return items;
    }
}
