namespace MeetingOps.Domain.Import;

/// <summary>
/// Times of day as organization-of-work tables write them: "10 a.m.–1 p.m.", "3–6 p.m.", "10 a.m. - 1 p.m.",
/// "10.00 - 13.00", "10.00–13.00 hrs", "10.00 hrs", "9.30 a.m.", "15h00", "noon". A hand-written scanner.
/// </summary>
internal static class TimeText
{
    private enum Meridiem { None, Am, Pm, Hours }

    public readonly record struct Range(TimeOnly Start, TimeOnly? End, string? Assumption);

    /// <summary>The whole of <paramref name="s"/> must be a time or a time range.</summary>
    public static bool TryParse(string s, out Range range)
    {
        range = default;
        var text = s.Trim().ToLowerInvariant();
        if (text.Length is 0 or > 60)
        {
            return false;
        }
        var i = 0;
        if (!TryTime(text, ref i, out var h1, out var m1, out var mer1))
        {
            return false;
        }
        SkipSpaces(text, ref i);
        if (i >= text.Length)
        {
            return Resolve(h1, m1, mer1, null, out range);
        }
        if (!TrySeparator(text, ref i))
        {
            return false;
        }
        SkipSpaces(text, ref i);
        if (!TryTime(text, ref i, out var h2, out var m2, out var mer2))
        {
            return false;
        }
        SkipSpaces(text, ref i);
        if (i < text.Length && text[i..].TrimEnd('.', ' ') is "hrs" or "h" or "hours" or "")
        {
            i = text.Length;
            mer2 = mer2 == Meridiem.None ? Meridiem.Hours : mer2;
        }
        return i >= text.Length && Resolve(h1, m1, mer1, (h2, m2, mer2), out range);
    }

    private static bool Resolve(int h1, int m1, Meridiem mer1, (int H, int M, Meridiem Mer)? second, out Range range)
    {
        range = default;
        string? assumption = null;
        if (second is not { } b)
        {
            if (!To24(h1, mer1, out var hour) || hour > 23)
            {
                return false;
            }
            if (mer1 == Meridiem.None && h1 < 7)
            {
                return false;
            }
            range = new Range(new TimeOnly(hour, m1), null, null);
            return true;
        }
        var mer2 = b.Mer;
        if (mer1 == Meridiem.None && mer2 is Meridiem.Am or Meridiem.Pm)
        {
            // "3–6 p.m.": the first time takes the second's meridiem when that keeps it before the second; "11–1 p.m." is 11 a.m.
            To24(b.H, mer2, out var end24);
            var asPm = (h1 % 12) + 12;
            mer1 = mer2 == Meridiem.Pm && asPm * 60 + m1 < end24 * 60 + b.M ? Meridiem.Pm : Meridiem.Am;
        }
        else if (mer1 is Meridiem.Am or Meridiem.Pm && mer2 == Meridiem.None)
        {
            mer2 = b.H < 12 && mer1 == Meridiem.Pm ? Meridiem.Pm : (b.H <= h1 % 12 ? Meridiem.Pm : mer1);
        }
        else if (mer1 == Meridiem.None && mer2 == Meridiem.None && h1 < 8 && b.H <= 8)
        {
            // "3–6" with no a.m./p.m.: an afternoon, not a night.
            mer1 = mer2 = Meridiem.Pm;
            assumption = "no a.m./p.m. given; read as afternoon";
        }
        if (!To24(h1, mer1, out var start) || !To24(b.H, mer2, out var end) || start > 23 || end > 24)
        {
            return false;
        }
        var endTime = end == 24 ? new TimeOnly(23, 59) : new TimeOnly(end, b.M);
        range = new Range(new TimeOnly(start, m1), endTime, assumption);
        return true;
    }

    private static bool To24(int h, Meridiem mer, out int hour)
    {
        hour = h;
        switch (mer)
        {
            case Meridiem.Am:
                if (h is < 1 or > 12)
                {
                    return false;
                }
                hour = h == 12 ? 0 : h;
                return true;
            case Meridiem.Pm:
                if (h is < 1 or > 12)
                {
                    return false;
                }
                hour = h == 12 ? 12 : h + 12;
                return true;
            default:
                return h is >= 0 and <= 24;
        }
    }

    private static bool At(string s, int i, string word) =>
        i >= 0 && i + word.Length <= s.Length && string.CompareOrdinal(s, i, word, 0, word.Length) == 0;

    private static void SkipSpaces(string s, ref int i)
    {
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
    }

    private static bool TrySeparator(string s, ref int i)
    {
        if (s[i] is '–' or '—' or '-' or '‑')
        {
            i++;
            return true;
        }
        foreach (var word in new[] { "to ", "until ", "till " })
        {
            if (At(s, i, word))
            {
                i += word.Length;
                return true;
            }
        }
        return false;
    }

    private static bool TryTime(string s, ref int i, out int hour, out int minute, out Meridiem mer)
    {
        hour = minute = 0;
        mer = Meridiem.None;
        foreach (var word in new[] { "12 noon", "noon", "midday" })
        {
            if (At(s, i, word))
            {
                i += word.Length;
                hour = 12;
                mer = Meridiem.Pm;
                return true;
            }
        }
        if (At(s, i, "midnight"))
        {
            i += 8;
            hour = 24;
            mer = Meridiem.Hours;
            return true;
        }
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 3)
        {
            i++;
        }
        if (i - start is < 1 or > 2)
        {
            return false;
        }
        hour = (s[start] - '0') * (i - start == 2 ? 10 : 1) + (i - start == 2 ? s[start + 1] - '0' : 0);
        if (i + 2 < s.Length && s[i] is '.' or ':' or 'h' && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2]))
        {
            minute = (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
            if (s[i] == 'h')
            {
                mer = Meridiem.Hours;
            }
            i += 3;
            if (minute > 59 || (i < s.Length && char.IsAsciiDigit(s[i])))
            {
                return false;
            }
        }
        var save = i;
        SkipSpaces(s, ref i);
        foreach (var (word, m) in new[] { ("a.m.", Meridiem.Am), ("a. m.", Meridiem.Am), ("a.m", Meridiem.Am), ("am", Meridiem.Am), ("p.m.", Meridiem.Pm), ("p. m.", Meridiem.Pm), ("p.m", Meridiem.Pm), ("pm", Meridiem.Pm), ("hrs.", Meridiem.Hours), ("hrs", Meridiem.Hours), ("hours", Meridiem.Hours), ("h", Meridiem.Hours) })
        {
            if (At(s, i, word) && (i + word.Length >= s.Length || !char.IsLetter(s[i + word.Length])))
            {
                i += word.Length;
                mer = m;
                return true;
            }
        }
        i = save;
        return true;
    }
}
