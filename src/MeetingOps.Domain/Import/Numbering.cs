namespace MeetingOps.Domain.Import;

/// <summary>
/// The number at the start of an agenda line: <c>1.</c>, <c>1 (a)</c>, <c>1(a)</c>, <c>Item 1 (a).</c>, <c>Agenda item 2</c>,
/// <c>(a)</c>, <c>(a)(i)</c>, <c>a)</c>, <c>2.1</c>, <c>2.1.3</c>. A hand-written scanner: no backtracking, linear in the line.
/// </summary>
internal static class Numbering
{
    /// <summary>
    /// A parsed lead. <see cref="Top"/> is null for a relative lead such as "(a)" (a sub-item of the current item).
    /// <see cref="Dotted"/> is set for "2.1" style, where <see cref="Sub"/> is "1".
    /// </summary>
    public readonly record struct Lead(int? Top, string? Sub, string? SubSub, bool Dotted, bool ItemWord, string Title, int TitleStart, bool Separator = false)
    {
        public bool IsRelative => Top is null;
        public bool NumberOnly => Title.Length == 0;
    }

    public static bool TryParse(string text, out Lead lead)
    {
        lead = default;
        var s = text;
        var n = s.Length;
        var i = 0;
        var itemWord = false;
        if (StartsWithWord(s, 0, "agenda item"))
        {
            i = 11;
            itemWord = true;
        }
        else if (StartsWithWord(s, 0, "item"))
        {
            i = 4;
            itemWord = true;
        }
        if (itemWord)
        {
            while (i < n && s[i] == ' ')
            {
                i++;
            }
            if (i >= n || !char.IsAsciiDigit(s[i]))
            {
                return false;
            }
        }
        int? top = null;
        string? sub = null, subSub = null;
        var dotted = false;
        var separator = false;
        if (i < n && char.IsAsciiDigit(s[i]))
        {
            var start = i;
            while (i < n && char.IsAsciiDigit(s[i]))
            {
                i++;
                if (i - start > 3)
                {
                    return false;
                }
            }
            top = int.Parse(s.AsSpan(start, i - start), provider: System.Globalization.CultureInfo.InvariantCulture);
            if (top is 0)
            {
                return false;
            }
            if (i + 1 < n && s[i] == '.' && s[i + 1] is >= '1' and <= '9')
            {
                var d = i + 1;
                var e = d;
                while (e < n && char.IsAsciiDigit(s[e]) && e - d < 3)
                {
                    e++;
                }
                if (e - d > 2 || (e < n && char.IsAsciiDigit(s[e])))
                {
                    return false;
                }
                sub = s[d..e];
                dotted = true;
                i = e;
                if (i + 1 < n && s[i] == '.' && s[i + 1] is >= '1' and <= '9')
                {
                    d = i + 1;
                    e = d;
                    while (e < n && char.IsAsciiDigit(s[e]) && e - d < 3)
                    {
                        e++;
                    }
                    if (e - d > 2 || (e < n && char.IsAsciiDigit(s[e])))
                    {
                        return false;
                    }
                    subSub = s[d..e];
                    i = e;
                }
            }
            if (!dotted)
            {
                var j = i;
                while (j < n && j - i < 2 && s[j] == ' ')
                {
                    j++;
                }
                if (TryParen(s, j, out var token, out var after))
                {
                    sub = token;
                    i = after;
                    j = i;
                    while (j < n && j - i < 2 && s[j] == ' ')
                    {
                        j++;
                    }
                    if (TryParen(s, j, out var token2, out var after2))
                    {
                        subSub = token2;
                        i = after2;
                    }
                }
            }
        }
        else if (i < n && s[i] == '(')
        {
            if (!TryParen(s, i, out var token, out var after))
            {
                return false;
            }
            sub = token;
            i = after;
            var j = i;
            while (j < n && j - i < 2 && s[j] == ' ')
            {
                j++;
            }
            if (TryParen(s, j, out var token2, out var after2))
            {
                subSub = token2;
                i = after2;
            }
            separator = true;
        }
        else if (i + 1 < n && s[i] is >= 'a' and <= 'z' && s[i + 1] == ')')
        {
            sub = s[i].ToString();
            i += 2;
            separator = true;
        }
        else
        {
            return false;
        }
        if (i < n && s[i] is '.' or ')' or ':')
        {
            i++;
            separator = true;
        }
        if (i < n && s[i] != ' ' && s[i] != '\t')
        {
            return false;
        }
        while (i < n && s[i] is ' ' or '\t')
        {
            i++;
        }
        var title = s[i..];
        if (title.Length > 0)
        {
            if (!separator && sub is null && !itemWord && !(char.IsUpper(title[0]) || title[0] is '“' or '"'))
            {
                return false;
            }
            if (LooksLikeDateOrTime(title) && !itemWord)
            {
                return false;
            }
        }
        lead = new Lead(top, sub, subSub, dotted, itemWord, title, i, separator);
        return true;
    }

    /// <summary>The canonical number: "1", "1 (a)", "1 (a) (i)", "2.1", "2.1.3".</summary>
    public static string Canonical(int top, string? sub, string? subSub, bool dotted) =>
        dotted
            ? subSub is null ? $"{top}.{sub}" : $"{top}.{sub}.{subSub}"
            : sub is null ? $"{top}" : subSub is null ? $"{top} ({sub})" : $"{top} ({sub}) ({subSub})";

    /// <summary>Reads a number as a table cell or a cross-reference writes it ("1 (a)", "1(a)", "Item 2", "2.1") into its canonical form.</summary>
    public static string? CanonicalOf(string cell)
    {
        var t = cell.Trim().TrimEnd('.', ',', ';', ':');
        if (t.Length == 0 || t.Length > 40)
        {
            return null;
        }
        if (!TryParse(t + " X", out var lead) || lead.Top is not { } top || lead.Title != "X")
        {
            return null;
        }
        return Canonical(top, lead.Sub, lead.SubSub, lead.Dotted);
    }

    private static bool TryParen(string s, int i, out string token, out int after)
    {
        token = "";
        after = i;
        if (i >= s.Length || s[i] != '(')
        {
            return false;
        }
        var j = i + 1;
        while (j < s.Length && j - i <= 7 && char.IsAsciiLetterLower(s[j]))
        {
            j++;
        }
        var length = j - i - 1;
        if (j >= s.Length || s[j] != ')' || length == 0)
        {
            return false;
        }
        var inner = s[(i + 1)..j];
        if (length > 2 && !IsRoman(inner))
        {
            return false;
        }
        token = inner;
        after = j + 1;
        return true;
    }

    public static bool IsRoman(string s) => s.Length is > 0 and <= 6 && s.All(c => c is 'i' or 'v' or 'x' or 'l');

    /// <summary>The letter after <paramref name="letter"/> ("a" → "b", "z" → "aa").</summary>
    public static string NextLetter(string letter) =>
        letter.Length == 1 && letter[0] < 'z' ? ((char)(letter[0] + 1)).ToString() : letter == "z" ? "aa" : letter + "a";

    /// <summary>"Item" and "Agenda item" start with a capital: "item 2 will continue …" in a sentence is not a number.</summary>
    private static bool StartsWithWord(string s, int at, string word) =>
        s.Length >= at + word.Length + 1 && char.IsUpper(s[at]) && string.Compare(s, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0 && s[at + word.Length] == ' ';

    private static bool LooksLikeDateOrTime(string title)
    {
        var end = 0;
        while (end < title.Length && end < 12 && (char.IsLetter(title[end]) || title[end] == '.'))
        {
            end++;
        }
        var word = title[..end];
        return DateText.Month(word) > 0 || word.StartsWith("a.m", StringComparison.OrdinalIgnoreCase) || word.StartsWith("p.m", StringComparison.OrdinalIgnoreCase)
            || word.Equals("per", StringComparison.OrdinalIgnoreCase) || word is "am" or "pm" or "hrs" || title[0] == '%';
    }
}
