using System.Text;

namespace MeetingOps.Domain.Import;

/// <summary>One logical line of the document: where it starts in the source, its text with tabs kept (for tables) and its plain text.</summary>
internal sealed class SourceLine(int number, string raw, string text)
{
    /// <summary>1-based line number in the document as given.</summary>
    public int Number { get; } = number;

    /// <summary>Cleaned text with tabs kept: table cells.</summary>
    public string Raw { get; set; } = raw;

    /// <summary>Cleaned text, tabs as spaces, white space collapsed and trimmed.</summary>
    public string Text { get; set; } = text;

    public bool IsBlank => Text.Length == 0;

    public bool HasTabs => Raw.Contains('\t');

    public override string ToString() => $"{Number}: {Text}";
}

/// <summary>
/// Turns the document text into logical lines: strips mark-up (HTML tags and entities, Markdown emphasis,
/// links and bullets), drops page furniture (job numbers such as "V.22-00869 (E)", page marks "2/7", running
/// symbol headers, barcodes), splits a page that arrived as one line at its headings and numbers, and joins
/// lines that a PDF broke in the middle of a title or a sentence. Every step is a single pass over the text.
/// </summary>
internal static class SourceText
{
    /// <summary>A line this long is more likely a page flattened into one line than a paragraph.</summary>
    public const int LongLine = 400;

    public static List<SourceLine> Read(string text, WorkMeter meter, ImportLog log, out string? documentSymbol)
    {
        var physical = Split(text, meter);
        documentSymbol = FindDocumentSymbol(physical);
        var wrapWidth = WrapWidth(physical);
        var kept = RemovePageFurniture(physical, documentSymbol, wrapWidth, meter, log);
        var segmented = Segment(kept, meter);
        return Join(segmented, wrapWidth, meter);
    }

    private static List<SourceLine> Split(string text, WorkMeter meter)
    {
        var lines = new List<SourceLine>();
        var start = 0;
        var number = 1;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var c = end ? '\n' : text[i];
            if (c is '\n' or '\r' or '\f' or '\u2028' or '\u2029' or '\u0085' or '\v')
            {
                var raw = Clean(text.AsSpan(start, i - start));
                lines.Add(new SourceLine(number, raw, Collapse(raw)));
                meter.Charge(i - start + 1);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                number++;
                start = i + 1;
            }
        }
        return lines;
    }

    /// <summary>Strips mark-up from one line, keeping tabs.</summary>
    internal static string Clean(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        var i = 0;
        // Leading Markdown heading marks and list bullets.
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
        var hashes = i;
        while (hashes < s.Length && s[hashes] == '#' && hashes - i < 6)
        {
            hashes++;
        }
        if (hashes > i && hashes < s.Length && s[hashes] == ' ')
        {
            i = hashes + 1;
        }
        if (i + 1 < s.Length && s[i] is '-' or '•' or '·' or '▪' or '◦' or '●' or '*' or '>' && s[i + 1] == ' ')
        {
            i += 2;
        }
        var linkClose = -1;
        var linkEnd = -1;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (i == linkClose)
            {
                i = linkEnd;
                linkClose = linkEnd = -1;
                continue;
            }
            switch (c)
            {
                case '<' when TryTag(s, i, out var tagEnd):
                    i = tagEnd;
                    continue;
                case '&' when TryEntity(s, i, out var entityEnd, out var decoded):
                    sb.Append(decoded);
                    i = entityEnd;
                    continue;
                case '[' when linkClose < 0 && TryLink(s, i, out var close, out var end):
                    linkClose = close;
                    linkEnd = end;
                    continue;
                case '*':
                    {
                        var prev = sb.Length > 0 ? sb[^1] : ' ';
                        var next = i + 1 < s.Length ? s[i + 1] : ' ';
                        if (prev is not (' ' or '\t') || next is not (' ' or '\t'))
                        {
                            continue; // emphasis or a footnote mark
                        }
                        sb.Append(c);
                        continue;
                    }
                case '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u2002' or '\u2003' or '\u2004' or '\u2005' or '\u2006' or '\u2008' or '\u200A' or '\u3000':
                    sb.Append(' ');
                    continue;
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    continue;
                case '\u2011':
                    sb.Append('-');
                    continue;
            }
            if (char.IsControl(c) && c != '\t')
            {
                sb.Append(' ');
                continue;
            }
            if (char.IsSurrogate(c))
            {
                // Keep a well-formed pair; drop a lone half.
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    sb.Append(c).Append(s[i + 1]);
                    i++;
                }
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool TryTag(ReadOnlySpan<char> s, int at, out int end)
    {
        end = at;
        var j = at + 1;
        if (j < s.Length && s[j] == '/')
        {
            j++;
        }
        if (j >= s.Length || !char.IsAsciiLetter(s[j]))
        {
            return false;
        }
        // The scan stops at the next '<', so the scans of successive tags never overlap: linear overall.
        for (var k = j; k < s.Length && k - at < 200; k++)
        {
            if (s[k] == '>')
            {
                end = k;
                return true;
            }
            if (s[k] is '<' or '\n')
            {
                return false;
            }
        }
        return false;
    }

    private static bool TryEntity(ReadOnlySpan<char> s, int at, out int end, out string decoded)
    {
        end = at;
        decoded = "";
        for (var k = at + 1; k < s.Length && k - at <= 9; k++)
        {
            if (s[k] == ';')
            {
                var name = s[(at + 1)..k].ToString();
                decoded = name switch
                {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" or "#39" => "'",
                    "nbsp" => " ",
                    "ndash" => "–",
                    "mdash" => "—",
                    "rsquo" => "’",
                    "lsquo" => "‘",
                    "ldquo" => "“",
                    "rdquo" => "”",
                    _ => Numeric(name),
                };
                end = k;
                return decoded.Length > 0;
            }
            if (!char.IsAsciiLetterOrDigit(s[k]) && s[k] != '#')
            {
                return false;
            }
        }
        return false;

        static string Numeric(string name)
        {
            if (name.Length < 2 || name[0] != '#')
            {
                return "";
            }
            var hex = name[1] is 'x' or 'X';
            var digits = hex ? name[2..] : name[1..];
            if (!int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
                || code is < 32 or > 0x10FFFF || (code is >= 0xD800 and <= 0xDFFF))
            {
                return "";
            }
            return char.ConvertFromUtf32(code);
        }
    }

    /// <summary>[text](target) → text: returns where the ']' is and where the ')' is.</summary>
    private static bool TryLink(ReadOnlySpan<char> s, int at, out int close, out int end)
    {
        close = end = -1;
        for (var k = at + 1; k < s.Length && k - at < 500; k++)
        {
            if (s[k] == '[')
            {
                return false;
            }
            if (s[k] == ']')
            {
                close = k;
                break;
            }
        }
        if (close < 0 || close + 1 >= s.Length || s[close + 1] != '(')
        {
            return false;
        }
        for (var k = close + 2; k < s.Length && k - close < 300; k++)
        {
            if (s[k] == ')')
            {
                end = k;
                return true;
            }
            if (s[k] is ' ' or '(' or '[' or '\t')
            {
                return false;
            }
        }
        return false;
    }

    public static string Collapse(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        var space = false;
        foreach (var c in raw)
        {
            if (c is ' ' or '\t')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    // ---- page furniture ----

    private static string? FindDocumentSymbol(List<SourceLine> lines)
    {
        var seen = 0;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }
            if (++seen > 40 || line.Text.StartsWith("Distr", StringComparison.OrdinalIgnoreCase) && seen > 12)
            {
                break;
            }
            var text = line.Text;
            if (text.StartsWith("United Nations ", StringComparison.Ordinal))
            {
                text = text["United Nations ".Length..].Trim();
            }
            if (DocumentSymbols.IsSymbol(text) && !text.Contains(' ', StringComparison.Ordinal))
            {
                return text;
            }
        }
        return null;
    }

    private static List<SourceLine> RemovePageFurniture(List<SourceLine> lines, string? documentSymbol, int wrapWidth, WorkMeter meter, ImportLog log)
    {
        var standaloneSymbols = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Text.Length is > 2 and < 90 && !line.Text.Contains(' ', StringComparison.Ordinal) && DocumentSymbols.IsSymbol(line.Text))
            {
                standaloneSymbols[line.Text] = standaloneSymbols.GetValueOrDefault(line.Text) + 1;
            }
        }
        var junk = new bool[lines.Count];
        var symbolSeen = false;
        var removed = 0;
        var firstRemoved = 0;
        for (var k = 0; k < lines.Count; k++)
        {
            var line = lines[k];
            meter.Charge(line.Text.Length + 1);
            if (line.IsBlank)
            {
                continue;
            }
            var text = StripJobNumbers(line.Text, out var hadJobNumber);
            if (hadJobNumber)
            {
                line.Text = text;
                line.Raw = text;
            }
            var isJunk = text.Length == 0 || IsPageMark(text) || IsBarcode(text)
                || text.StartsWith("Please recycle", StringComparison.OrdinalIgnoreCase)
                || (documentSymbol is not null && IsSymbolHeader(text, documentSymbol) && symbolSeen)
                || (standaloneSymbols.TryGetValue(text, out var count) && count >= 3);
            if (documentSymbol is not null && text.Contains(documentSymbol, StringComparison.Ordinal))
            {
                symbolSeen = true;
            }
            if (hadJobNumber && !isJunk && OnlyPageMarksAndSymbols(text))
            {
                isJunk = true;
            }
            junk[k] = isJunk;
        }
        // A bare page number next to other page furniture is furniture too.
        for (var k = 0; k < lines.Count; k++)
        {
            if (!junk[k] && IsBareNumber(lines[k].Text) && (NearJunk(junk, lines, k, -1) || NearJunk(junk, lines, k, +1)))
            {
                junk[k] = true;
            }
        }
        // A page break with its furniture is taken out whole, blank lines around it too; a blank line is kept only where
        // the text before it ends a sentence, so a paragraph that runs on over the page comes back together.
        var result = new List<SourceLine>(lines.Count);
        for (var k = 0; k < lines.Count; k++)
        {
            if (!junk[k])
            {
                result.Add(lines[k]);
                continue;
            }
            var blankAt = 0;
            while (result.Count > 0 && result[^1].IsBlank)
            {
                blankAt = k - 1;
                result.RemoveAt(result.Count - 1);
            }
            while (k < lines.Count && (junk[k] || lines[k].IsBlank))
            {
                if (junk[k])
                {
                    removed++;
                    firstRemoved = firstRemoved == 0 ? lines[k].Number : firstRemoved;
                }
                else if (blankAt == 0)
                {
                    blankAt = k;
                }
                k++;
            }
            k--;
            // A full-width line that happens to end a sentence is more likely to run on over the page than to end its paragraph.
            if (result.Count > 0 && EndsSentence(result[^1].Text) && blankAt > 0 && (result[^1].HasTabs || result[^1].Text.Length < (long)wrapWidth * 9 / 7))
            {
                result.Add(lines[blankAt]);
            }
        }
        if (removed > 0)
        {
            log.Warn(firstRemoved, $"Left out {removed} line(s) of page furniture (job numbers, page numbers, running headers), the first here.");
        }
        return result;
    }

    private static bool EndsSentence(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && t[^1] is '.' or ':' or ';' or '!' or '?' or '”' or '"' || t.Contains('\t', StringComparison.Ordinal);
    }

    private static bool NearJunk(bool[] junk, List<SourceLine> lines, int k, int step)
    {
        for (var j = k + step; j >= 0 && j < lines.Count && Math.Abs(j - k) <= 3; j += step)
        {
            if (junk[j])
            {
                return true;
            }
            if (!lines[j].IsBlank)
            {
                return false;
            }
        }
        return false;
    }

    private static bool IsBareNumber(string text) => text.Length is > 0 and <= 3 && text.All(char.IsAsciiDigit);

    private static bool IsPageMark(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("Page ", StringComparison.OrdinalIgnoreCase))
        {
            t = t[5..].Replace(" of ", "/", StringComparison.OrdinalIgnoreCase);
        }
        if (t.Length >= 3 && t[0] == '-' && t[^1] == '-')
        {
            t = t[1..^1].Trim();
            return IsBareNumber(t);
        }
        var slash = t.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && IsBareNumber(t[..slash].Trim()) && IsBareNumber(t[(slash + 1)..].Trim());
    }

    private static bool IsBarcode(string text) => text.Length is >= 6 and <= 12 && text.Trim('*').Length is >= 6 and <= 10 && text.Trim('*').All(char.IsAsciiDigit);

    private static bool IsSymbolHeader(string text, string symbol)
    {
        if (!text.StartsWith(symbol, StringComparison.Ordinal) && !text.EndsWith(symbol, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = text.Replace(symbol, "", StringComparison.Ordinal).Trim();
        return rest.Length == 0 || IsPageMark(rest) || IsBareNumber(rest);
    }

    private static bool OnlyPageMarksAndSymbols(string text)
    {
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!(IsPageMark(token) || IsBareNumber(token) || DocumentSymbols.IsSymbol(token) || token.All(char.IsAsciiDigit) || token is "(E)" or "(F)" or "(S)" or "(R)" or "(C)" or "(A)"))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Removes UN job numbers ("V.22-00869 (E)", "GE.22-01234") and the dates that follow them ("150222 160222").</summary>
    internal static string StripJobNumbers(string text, out bool found)
    {
        found = false;
        if (!text.Contains('-', StringComparison.Ordinal))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if ((i == 0 || text[i - 1] == ' ') && JobNumberAt(text, i, out var end))
            {
                found = true;
                i = end;
                // "(E)" and six-digit processing dates after it.
                while (true)
                {
                    var j = i;
                    while (j < text.Length && text[j] == ' ')
                    {
                        j++;
                    }
                    if (j + 2 < text.Length && text[j] == '(' && char.IsAsciiLetterUpper(text[j + 1]) && text[j + 2] == ')')
                    {
                        i = j + 3;
                        continue;
                    }
                    var k = j;
                    while (k < text.Length && char.IsAsciiDigit(text[k]))
                    {
                        k++;
                    }
                    if (k - j == 6 && (k == text.Length || text[k] == ' '))
                    {
                        i = k;
                        continue;
                    }
                    break;
                }
                continue;
            }
            sb.Append(text[i]);
            i++;
        }
        return found ? Collapse(sb.ToString()) : text;
    }

    /// <summary>[A-Z]{1,2}.dd-dddd(dd)</summary>
    private static bool JobNumberAt(string s, int i, out int end)
    {
        end = i;
        var j = i;
        while (j < s.Length && char.IsAsciiLetterUpper(s[j]) && j - i < 3)
        {
            j++;
        }
        if (j - i is < 1 or > 2 || j + 3 >= s.Length || s[j] != '.' || !char.IsAsciiDigit(s[j + 1]) || !char.IsAsciiDigit(s[j + 2]) || s[j + 3] != '-')
        {
            return false;
        }
        var k = j + 4;
        var digits = k;
        while (k < s.Length && char.IsAsciiDigit(s[k]))
        {
            k++;
        }
        if (k - digits is < 4 or > 6 || (k < s.Length && s[k] != ' '))
        {
            return false;
        }
        end = k;
        return true;
    }

    // ---- a page as one line ----

    private static readonly string[] SectionWords =
    [
        "Annotations", "Documentation", "Annex", "Proposed organization of work", "Organization of work",
        "Provisional agenda", "Annotated provisional agenda", "Distr.", "Original:",
    ];

    private static List<SourceLine> Segment(List<SourceLine> lines, WorkMeter meter)
    {
        var result = new List<SourceLine>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Text.Length <= LongLine || line.HasTabs)
            {
                result.Add(line);
                continue;
            }
            meter.Charge(line.Text.Length * 4L);
            var cuts = Cuts(line.Text);
            if (cuts.Count == 0)
            {
                result.Add(line);
                continue;
            }
            var start = 0;
            foreach (var cut in cuts)
            {
                if (cut > start)
                {
                    var part = line.Text[start..cut].Trim();
                    result.Add(new SourceLine(line.Number, part, part));
                }
                start = cut;
            }
            var last = line.Text[start..].Trim();
            result.Add(new SourceLine(line.Number, last, last));
        }
        return result;
    }

    /// <summary>Where a flattened page breaks: before a heading word or an item number that follows the end of a sentence or a title.</summary>
    private static List<int> Cuts(string t)
    {
        var cuts = new List<int>();
        var hasWeekday = false;
        for (var i = 1; i < t.Length - 1; i++)
        {
            if (t[i] != ' ')
            {
                continue;
            }
            var prev = t[i - 1];
            var at = i + 1;
            var afterSentence = prev is '.' or ';' or ':' or ')' or '”' or '"';
            if (afterSentence)
            {
                foreach (var word in SectionWords)
                {
                    if (string.CompareOrdinal(t, at, word, 0, word.Length) == 0 && (at + word.Length == t.Length || t[at + word.Length] is ' ' or ':'))
                    {
                        cuts.Add(at);
                        break;
                    }
                }
                if (cuts.Count > 0 && cuts[^1] == at)
                {
                    continue;
                }
                // "… Convention). 3. The application …" and "…: (a) Opening …"
                if (Numbering.TryParse(Window(t, at), out var lead) && !lead.NumberOnly && lead.Title.Length > 0 && char.IsUpper(lead.Title[0])
                    && (lead.Top is { } top && top < 100 && lead.Sub is null && IsNumberDot(t, at)
                        || lead.IsRelative && prev is ';' or ':'))
                {
                    cuts.Add(at);
                    continue;
                }
            }
            if (DateText.Weekday(WordAt(t, at)) is not null && DateText.TryParseDay(Window(t, at), null, out _, out _, out _, out _))
            {
                hasWeekday = true;
                cuts.Add(at);
            }
        }
        if (hasWeekday)
        {
            // Organization of work flattened: each time range starts a row.
            for (var i = 1; i < t.Length - 1; i++)
            {
                if (t[i] == ' ' && char.IsAsciiDigit(t[i + 1]) && TimeRangeAt(t, i + 1))
                {
                    cuts.Add(i + 1);
                }
            }
            cuts.Sort();
        }
        return cuts.Distinct().ToList();
    }

    private static bool IsNumberDot(string t, int at)
    {
        var k = at;
        while (k < t.Length && char.IsAsciiDigit(t[k]))
        {
            k++;
        }
        return k < t.Length && t[k] == '.';
    }

    private static string Window(string t, int at) => t.Substring(at, Math.Min(120, t.Length - at));

    private static string WordAt(string t, int at)
    {
        var k = at;
        while (k < t.Length && k - at < 12 && char.IsLetter(t[k]))
        {
            k++;
        }
        return t[at..k];
    }

    private static bool TimeRangeAt(string t, int at)
    {
        // Up to the second "a.m."/"p.m." within 30 characters.
        var window = t.Substring(at, Math.Min(30, t.Length - at));
        foreach (var end in new[] { "p.m.", "a.m.", "noon" })
        {
            var k = window.IndexOf(end, StringComparison.Ordinal);
            while (k > 0)
            {
                if (TimeText.TryParse(window[..(k + end.Length)], out var range) && range.End is not null)
                {
                    return true;
                }
                k = window.IndexOf(end, k + 1, StringComparison.Ordinal);
            }
        }
        return false;
    }

    // ---- lines broken mid-title or mid-sentence ----

    /// <summary>
    /// The width at which the text was wrapped, if it was: most lines of a PDF extraction end near it. Lines of
    /// unwrapped text are paragraphs, so the width comes out large and the rule that uses it never fires.
    /// </summary>
    private static int WrapWidth(List<SourceLine> lines)
    {
        var lengths = lines.Where(l => !l.IsBlank && !l.HasTabs).Select(l => l.Text.Length).OrderBy(n => n).ToList();
        if (lengths.Count < 20)
        {
            return int.MaxValue;
        }
        var p90 = lengths[(int)(lengths.Count * 0.9)];
        return Math.Max(30, p90 * 7 / 10);
    }

    private static List<SourceLine> Join(List<SourceLine> lines, int wrapWidth, WorkMeter meter)
    {
        var result = new List<SourceLine>(lines.Count);
        Group? group = null;
        var lastBlank = false;
        foreach (var line in lines)
        {
            meter.Charge(line.Text.Length + 1);
            if (line.IsBlank)
            {
                group?.Flush();
                group = null;
                if (!lastBlank && result.Count > 0)
                {
                    result.Add(line);
                }
                lastBlank = true;
                continue;
            }
            lastBlank = false;
            if (group is not null && group.Continues(line))
            {
                group.Add(line);
                continue;
            }
            group?.Flush();
            group = new Group(line, wrapWidth);
            result.Add(group.Line);
        }
        group?.Flush();
        return result;
    }

    /// <summary>Lines being joined into one; kept incrementally so that joining stays linear.</summary>
    private sealed class Group
    {
        private const int MaxJoined = 4000;
        private readonly StringBuilder _text = new();
        private readonly int _wrapWidth;
        private readonly bool _numberOnly;
        private readonly bool _numbered;
        private OpenBrackets _open;
        private string _last;
        private bool _joined;

        public Group(SourceLine first, int wrapWidth)
        {
            _wrapWidth = wrapWidth;
            Line = new SourceLine(first.Number, first.Raw, first.Text);
            var lead = default(Numbering.Lead);
            _numbered = !first.HasTabs && Numbering.TryParse(first.Text, out lead);
            _numberOnly = _numbered && lead.NumberOnly;
            _last = first.Text;
            _text.Append(first.Text);
            _open.Add(first.Text);
        }

        public SourceLine Line { get; }

        public bool Continues(SourceLine next)
        {
            if (Line.HasTabs || next.HasTabs || _text.Length > MaxJoined || StartsStructure(next.Text))
            {
                return false;
            }
            if (_numberOnly && !_joined)
            {
                return true;
            }
            if (_open.IsOpen || TextTools.EndsWithFunctionWord(_last) || TextTools.StartsWithLower(next.Text))
            {
                return true;
            }
            // A long line that stops without punctuation, followed by a shorter one: a title wrapped at the page width
            // ("… Convention against Transnational" + "Organized Crime"). Numbered lines and tables are left alone.
            return !_numbered && _last.Length >= _wrapWidth && !EndsTerminal(_last) && char.IsUpper(next.Text[0]);
        }

        public void Add(SourceLine next)
        {
            _text.Append(' ').Append(next.Text);
            _last = next.Text;
            _joined = true;
            _open.Add(next.Text);
        }

        public void Flush()
        {
            if (_joined)
            {
                Line.Text = _text.ToString();
                Line.Raw = Line.Text;
            }
        }

        private static bool EndsTerminal(string text)
        {
            var t = text.TrimEnd();
            return t.Length > 0 && t[^1] is '.' or ';' or ':' or '?' or '!' or ')' or '”' or '"';
        }
    }

    /// <summary>A line that begins something of its own: an item number, a heading word, a date row, a time row.</summary>
    internal static bool StartsStructure(string text)
    {
        if (Numbering.TryParse(text, out _))
        {
            return true;
        }
        foreach (var word in SectionWords)
        {
            if (text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetter(text[word.Length])))
            {
                return true;
            }
        }
        if (IsVenueLine(text, out _, out _, out _))
        {
            return true;
        }
        if (DateText.TryParseDay(text, 2000, out _, out _, out _, out var consumed) && consumed >= text.Length - 1)
        {
            return true;
        }
        return TimeText.TryParse(text, out _);
    }

    /// <summary>"Vienna, 23–27 May 2022": a venue, a comma, and dates with a year.</summary>
    internal static bool IsVenueLine(string text, out string venue, out DateOnly start, out DateOnly end)
    {
        venue = "";
        start = end = default;
        if (text.Length > 160)
        {
            return false;
        }
        var comma = text.LastIndexOf(',', Math.Min(text.Length - 1, 100));
        while (comma > 0)
        {
            var dates = text[(comma + 1)..].Trim();
            if (dates.Length > 0 && char.IsAsciiDigit(dates[0]) || DateText.Month(dates.Split(' ')[0]) > 0)
            {
                if (DateText.TryParseRange(dates, out start, out end))
                {
                    venue = text[..comma].Trim();
                    return venue.Length is > 1 and <= 120 && char.IsUpper(venue[0]) && !venue.Any(char.IsAsciiDigit);
                }
            }
            comma = text.LastIndexOf(',', comma - 1);
        }
        return false;
    }
}
