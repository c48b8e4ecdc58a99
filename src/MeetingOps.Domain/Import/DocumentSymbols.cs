namespace MeetingOps.Domain.Import;

/// <summary>
/// Finds United Nations document symbols (<c>CTOC/COP/WG.3/2022/2</c>, <c>A/77/1</c>, <c>E/CN.15/2022/1</c>,
/// <c>CTOC/COP/2020/CRP.5</c>) in text by a single left-to-right scan. Two symbols joined by a dash
/// (<c>CTOC/COP/WG.2/2022/3–CTOC/COP/WG.3/2022/3</c>) are one document issued for two bodies, and come back as one group.
/// </summary>
internal static class DocumentSymbols
{
    public readonly record struct Found(int Start, int End, IReadOnlyList<string> Symbols);

    private const int MaxSymbolLength = 80;

    public static List<Found> Find(string text)
    {
        var result = new List<Found>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterUpper(text[i]) || (i > 0 && IsSymbolChar(text[i - 1])))
            {
                i++;
                continue;
            }
            var end = i;
            while (end < text.Length && end - i < MaxSymbolLength * 3 && (IsSymbolChar(text[end]) || IsJoiner(text, end)))
            {
                end++;
            }
            var token = text[i..end];
            var symbols = Split(token, out var used);
            if (symbols.Count > 0)
            {
                result.Add(new Found(i, i + used, symbols));
                i += Math.Max(1, used);
            }
            else
            {
                // Skip the rest of this word: nothing inside it can start a symbol.
                i = Math.Max(i + 1, end);
            }
        }
        return result;
    }

    private static bool IsSymbolChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-';

    /// <summary>An en or em dash directly between two symbols ("…/2022/3–CTOC/…") joins them.</summary>
    private static bool IsJoiner(string text, int at) =>
        text[at] is '–' or '—' && at > 0 && at + 1 < text.Length && char.IsAsciiLetterOrDigit(text[at - 1]) && char.IsAsciiLetterUpper(text[at + 1]);

    private static List<string> Split(string token, out int used)
    {
        var symbols = new List<string>();
        used = 0;
        var parts = new List<(string Part, int End)>();
        var start = 0;
        for (var k = 0; k <= token.Length; k++)
        {
            var boundary = k == token.Length || token[k] is '–' or '—'
                || (token[k] == '-' && k + 1 < token.Length && StartsSymbol(token, k + 1));
            if (boundary)
            {
                parts.Add((token[start..k], k));
                start = k + 1;
            }
        }
        foreach (var (part, end) in parts)
        {
            var trimmed = part.TrimEnd('.', '-', '/');
            if (!IsSymbol(trimmed))
            {
                break;
            }
            symbols.Add(trimmed);
            used = end - (part.Length - trimmed.Length);
        }
        return symbols;
    }

    private static bool StartsSymbol(string token, int at)
    {
        var k = at;
        while (k < token.Length && char.IsAsciiLetterUpper(token[k]))
        {
            k++;
        }
        return k > at && k < token.Length && token[k] is '/' or '.';
    }

    public static bool IsSymbol(string s)
    {
        if (s.Length is < 3 or > MaxSymbolLength || !char.IsAsciiLetterUpper(s[0]))
        {
            return false;
        }
        var segments = s.Split('/');
        if (segments.Length < 2 || segments.Any(p => p.Length == 0))
        {
            return false;
        }
        var first = segments[0];
        if (first.Length > 12 || first.Any(c => char.IsAsciiLetterLower(c)))
        {
            return false;
        }
        var hasDigit = s.Any(char.IsAsciiDigit);
        return hasDigit || segments.Length >= 3;
    }

    /// <summary>The stem before the year: <c>CTOC/COP/WG.3/2022/2</c> → <c>CTOC/COP/WG.3</c>; null when there is no year segment.</summary>
    public static string? Stem(string symbol, out int year)
    {
        year = 0;
        var segments = symbol.Split('/');
        for (var k = 1; k < segments.Length; k++)
        {
            if (segments[k].Length == 4 && int.TryParse(segments[k], out var y) && y is >= 1945 and <= 2200)
            {
                year = y;
                return string.Join('/', segments[..k]);
            }
        }
        return null;
    }
}
