using System.Globalization;
using System.Text;

namespace MeetingOps.Domain.Import;

/// <summary>Small, linear-time helpers for comparing and cleaning titles and names. No regular expressions.</summary>
internal static class TextTools
{
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "of", "on", "in", "to", "for", "and", "or", "with", "against", "by", "from", "at",
        "its", "their", "including", "between", "into", "under", "as", "per", "via", "within", "towards", "toward",
    };

    /// <summary>Lowercase words of a title, quotes and punctuation dropped, a leading "the" dropped: for matching titles and names.</summary>
    public static string Norm(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }
        var sb = new StringBuilder(s.Length);
        var space = true;
        foreach (var raw in s)
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                space = false;
            }
            else if (c is '\'' or '’' or '‘')
            {
                // "States’" and "States'" compare equal to "States".
            }
            else if (!space)
            {
                sb.Append(' ');
                space = true;
            }
        }
        var text = sb.ToString().TrimEnd();
        return text.StartsWith("the ", StringComparison.Ordinal) ? text[4..] : text;
    }

    /// <summary>Words with a crude plural stem, so "meetings" matches "meeting".</summary>
    public static List<string> Stems(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(words.Length);
        foreach (var w in words)
        {
            result.Add(w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) ? w[..^1] : w);
        }
        return result;
    }

    /// <summary>How a heading relates to a known title.</summary>
    public enum Match
    {
        None,
        Same,
        /// <summary>The heading is the title followed by more text (the start of the next paragraph, in PDF text).</summary>
        HeadingLonger,
        /// <summary>The heading is the start of the title (the rest is on the next lines).</summary>
        HeadingShorter,
        Similar,
    }

    public static Match Compare(string heading, string title)
    {
        var h = Norm(heading);
        var t = Norm(title);
        if (h.Length == 0 || t.Length == 0)
        {
            return Match.None;
        }
        if (h == t)
        {
            return Match.Same;
        }
        if (h.Length > t.Length && h.StartsWith(t, StringComparison.Ordinal) && h[t.Length] == ' ')
        {
            return Match.HeadingLonger;
        }
        if (t.Length > h.Length && t.StartsWith(h, StringComparison.Ordinal) && t[h.Length] == ' ' && h.Length >= 12)
        {
            return Match.HeadingShorter;
        }
        return Similarity(h, t) >= 0.6 ? Match.Similar : Match.None;
    }

    /// <summary>Jaccard similarity of the stemmed word sets (bounded: long texts are cut to their first 60 words).</summary>
    public static double Similarity(string normalizedA, string normalizedB)
    {
        var a = new HashSet<string>(Stems(normalizedA).Take(60), StringComparer.Ordinal);
        var b = new HashSet<string>(Stems(normalizedB).Take(60), StringComparer.Ordinal);
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public static bool SameTitle(string a, string b)
    {
        var m = Compare(a, b);
        return m is Match.Same or Match.Similar || (m is Match.HeadingLonger or Match.HeadingShorter && Math.Min(Norm(a).Length, Norm(b).Length) >= 20);
    }

    public static bool EndsWithFunctionWord(string text)
    {
        var t = text.TrimEnd();
        if (t.Length == 0)
        {
            return false;
        }
        if (t[^1] is ',' or '–' or '—' or '-' or '/')
        {
            return true;
        }
        var start = t.Length;
        while (start > 0 && char.IsLetter(t[start - 1]))
        {
            start--;
        }
        if (start == t.Length || (start > 0 && !char.IsWhiteSpace(t[start - 1]) && t[start - 1] != '('))
        {
            return false;
        }
        return FunctionWords.Contains(t[start..]);
    }

    /// <summary>More '(' than ')' (and more '“' than '”'): the text goes on on the next line.</summary>
    public static bool HasOpenBracket(string text)
    {
        var open = new OpenBrackets();
        open.Add(text);
        return open.IsOpen;
    }

    public static bool StartsWithLower(string text) => text.Length > 0 && char.IsLower(text[0]);

    /// <summary>Removes trailing punctuation an agenda list puts after a title: ";", ".", ":", ",", "; and".</summary>
    public static string TrimTitle(string title)
    {
        var t = title.Trim();
        for (var guard = 0; guard < 4; guard++)
        {
            var before = t;
            t = t.TrimEnd(' ', ';', '.', ':', ',', '–', '—', '-');
            foreach (var tail in new[] { " and", " or" })
            {
                if (t.EndsWith(tail, StringComparison.OrdinalIgnoreCase) && t.Length > tail.Length + 3 && t[^(tail.Length + 1)] is ';' or ',')
                {
                    t = t[..^tail.Length];
                }
            }
            if (t == before)
            {
                break;
            }
        }
        return t;
    }

    /// <summary>Takes "(continued)", "(cont'd)", "(contd.)", "cont." off a title cell and says whether it was there.</summary>
    public static string StripContinued(string text, out bool continued)
    {
        continued = false;
        var t = text;
        foreach (var marker in new[] { "(continued)", "(cont'd)", "(cont’d)", "(contd.)", "(contd)", "(cont.)", "[continued]", "(suite)" })
        {
            var at = t.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                continued = true;
                t = (t[..at] + " " + t[(at + marker.Length)..]).Trim();
            }
        }
        var trimmed = t.TrimEnd(' ', '.', ',', ';', ':', ')');
        foreach (var marker in new[] { "continued", "cont'd", "cont’d", "contd", "cont" })
        {
            if (trimmed.EndsWith(marker, StringComparison.OrdinalIgnoreCase)
                && (trimmed.Length == marker.Length || !char.IsLetter(trimmed[^(marker.Length + 1)])))
            {
                continued = true;
                t = trimmed[..^marker.Length].TrimEnd(' ', ',', '(', '–', '-', '—', ':');
                break;
            }
        }
        return t.Trim();
    }

    /// <summary>
    /// The text with lone surrogates (a damaged or cut document) replaced by U+FFFD, so that Unicode normalization,
    /// which throws on them, can run.
    /// </summary>
    private static string WellFormed(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i += 2;
            }
            else if (char.IsSurrogate(text[i]))
            {
                break;
            }
            else
            {
                i++;
            }
        }
        if (i == text.Length)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (var j = 0; j < text.Length; j++)
        {
            if (char.IsHighSurrogate(text[j]) && j + 1 < text.Length && char.IsLowSurrogate(text[j + 1]))
            {
                sb.Append(text, j, 2);
                j++;
            }
            else
            {
                sb.Append(char.IsSurrogate(text[j]) ? '\uFFFD' : text[j]);
            }
        }
        return sb.ToString();
    }

    /// <summary>A lowercase id: letters and digits joined by '-', at most <paramref name="max"/> characters, cut at a word.</summary>
    public static string Slug(string text, int max = 48, int maxWords = 6)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        var depth = 0;
        foreach (var raw in WellFormed(text).Normalize(NormalizationForm.FormD))
        {
            if (raw == '(')
            {
                depth++;
            }
            else if (raw == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            if (depth > 0 || CharUnicodeInfo.GetUnicodeCategory(raw) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var c = char.ToLowerInvariant(raw);
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (c is '\'' or '’')
            {
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }
        if (words.Count > 0 && words[0] == "the")
        {
            words.RemoveAt(0);
        }
        var kept = new List<string>();
        var length = 0;
        foreach (var w in words)
        {
            if (kept.Count >= maxWords || length + w.Length + (kept.Count > 0 ? 1 : 0) > max)
            {
                break;
            }
            kept.Add(w);
            length += w.Length + (kept.Count > 1 ? 1 : 0);
        }
        while (kept.Count > 1 && FunctionWords.Contains(kept[^1]))
        {
            kept.RemoveAt(kept.Count - 1);
        }
        return string.Join('-', kept);
    }

    public static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string Cut(string s, int max) => s.Length <= max ? s : s[..max].TrimEnd();
}

/// <summary>Brackets and quotes left open across lines: while any is open, a title or sentence goes on on the next line.</summary>
internal struct OpenBrackets
{
    private int _depth;
    private int _quotes;

    public readonly bool IsOpen => _depth > 0 || _quotes > 0;

    public void Add(string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '(':
                    _depth++;
                    break;
                case ')':
                    _depth = Math.Max(0, _depth - 1);
                    break;
                case '“':
                    _quotes++;
                    break;
                case '”':
                    _quotes = Math.Max(0, _quotes - 1);
                    break;
            }
        }
    }
}
