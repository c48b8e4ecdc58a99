// SourceText, page furniture: the document symbol, running symbol headers, page marks, barcodes and UN job numbers.

using System.Text;

namespace MeetingOps.Domain.Import;

internal static partial class SourceText
{
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
            log.Warn(firstRemoved, $"Left out {removed} line(s) of page furniture (job numbers, page numbers, running headers), the first here.",
                ServerPhrases.ImportPageFurniture.With(("count", removed)));
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
}
