using System.Globalization;

namespace MeetingOps.Domain.Import;

/// <summary>
/// Dates as agenda documents write them: "23–27 May 2022", "25 and 26 March 2021", "30 May–3 June 2022",
/// "May 23–27, 2022", "Monday, 23 May 2022", "Thursday, 25 March" (no year), "2022-05-23". A hand-written
/// tokenizer: linear, no regular expressions.
/// </summary>
internal static class DateText
{
    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    private static readonly string[] DayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    public enum Kind { Number, Word, Dash, Comma, Other }

    public readonly record struct Token(Kind Kind, string Text, int Value, int Start, int End);

    /// <summary>1–12 for a month name or its usual abbreviation ("Sept.", "Jun"), else 0.</summary>
    public static int Month(string word)
    {
        var w = word.TrimEnd('.').ToLowerInvariant();
        if (w.Length < 3)
        {
            return 0;
        }
        for (var m = 0; m < 12; m++)
        {
            if (MonthNames[m] == w || (w.Length <= 4 && MonthNames[m].StartsWith(w, StringComparison.Ordinal) && (w.Length == 3 || w == "sept")))
            {
                return m + 1;
            }
        }
        return 0;
    }

    public static DayOfWeek? Weekday(string word)
    {
        var w = word.TrimEnd('.').ToLowerInvariant();
        if (w.Length < 3)
        {
            return null;
        }
        for (var d = 0; d < 7; d++)
        {
            if (DayNames[d] == w || (w.Length is 3 or 4 && DayNames[d].StartsWith(w, StringComparison.Ordinal)))
            {
                return (DayOfWeek)d;
            }
        }
        return null;
    }

    public static List<Token> Tokenize(string s, int maxTokens = 64)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length && tokens.Count < maxTokens)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 9)
                {
                    i++;
                }
                var text = s[start..i];
                tokens.Add(new Token(Kind.Number, text, int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture), start, i));
            }
            else if (char.IsLetter(c))
            {
                while (i < s.Length && (char.IsLetter(s[i]) || s[i] == '.' || s[i] == '\'') && i - start < 40)
                {
                    i++;
                }
                tokens.Add(new Token(Kind.Word, s[start..i], 0, start, i));
            }
            else if (c is '–' or '—' or '-' or '‑')
            {
                i++;
                tokens.Add(new Token(Kind.Dash, "–", 0, start, i));
            }
            else if (c == ',')
            {
                i++;
                tokens.Add(new Token(Kind.Comma, ",", 0, start, i));
            }
            else
            {
                i++;
                tokens.Add(new Token(Kind.Other, c.ToString(), 0, start, i));
            }
        }
        return tokens;
    }

    /// <summary>A span of meeting dates ("23–27 May 2022"). Every date needs a year; only date words may appear.</summary>
    public static bool TryParseRange(string s, out DateOnly start, out DateOnly end)
    {
        start = end = default;
        var tokens = Tokenize(s, 40);
        if (tokens.Count is 0 or >= 40)
        {
            return false;
        }
        var days = new List<int>();
        var months = new List<int>();
        var years = new List<int>();
        foreach (var (t, index) in tokens.Select((t, index) => (t, index)))
        {
            switch (t.Kind)
            {
                case Kind.Number when t.Text.Length <= 2 && t.Value is >= 1 and <= 31:
                    days.Add(index);
                    break;
                case Kind.Number when t.Text.Length == 4 && t.Value is >= 1945 and <= 2200:
                    years.Add(index);
                    break;
                case Kind.Number:
                    return false;
                case Kind.Word when Month(t.Text) > 0:
                    months.Add(index);
                    break;
                case Kind.Word when Weekday(t.Text) is not null:
                    break;
                case Kind.Word when t.Text.ToLowerInvariant() is "and" or "to" or "from" or "until" or "through" or "th" or "st" or "nd" or "rd":
                    break;
                case Kind.Dash or Kind.Comma:
                    break;
                default:
                    return false;
            }
        }
        if (days.Count == 0 || months.Count == 0 || years.Count == 0)
        {
            return false;
        }
        var dates = new List<DateOnly>();
        for (var k = 0; k < days.Count; k++)
        {
            var at = days[k];
            var next = k + 1 < days.Count ? days[k + 1] : int.MaxValue;
            var month = months.Where(m => m > at && m < next).Select(m => Month(tokens[m].Text)).FirstOrDefault();
            if (month == 0)
            {
                month = months.Where(m => m < at).Select(m => Month(tokens[m].Text)).LastOrDefault();
            }
            if (month == 0)
            {
                month = months.Where(m => m > at).Select(m => Month(tokens[m].Text)).FirstOrDefault();
            }
            var year = years.Where(y => y > at).Select(y => tokens[y].Value).FirstOrDefault();
            if (year == 0)
            {
                year = years.Where(y => y < at).Select(y => tokens[y].Value).LastOrDefault();
            }
            if (!TryDate(year, month, tokens[at].Value, out var date))
            {
                return false;
            }
            dates.Add(date);
        }
        start = dates.Min();
        end = dates.Max();
        return true;
    }

    /// <summary>
    /// One day at the start of <paramref name="s"/>, with an optional weekday ("Monday, 23 May 2022", "Thursday, 25 March",
    /// "May 23", "2022-05-23"). <paramref name="consumed"/> is where the date ends, so a time may follow in the same cell.
    /// </summary>
    public static bool TryParseDay(string s, int? defaultYear, out DateOnly date, out bool yearGiven, out DayOfWeek? weekday, out int consumed)
    {
        date = default;
        yearGiven = false;
        weekday = null;
        consumed = 0;
        var tokens = Tokenize(s, 12);
        var k = 0;
        if (k < tokens.Count && tokens[k].Kind == Kind.Word && Weekday(tokens[k].Text) is { } w)
        {
            weekday = w;
            k++;
            if (k < tokens.Count && tokens[k].Kind == Kind.Comma)
            {
                k++;
            }
        }
        // ISO: 2022-05-23
        if (k + 4 < tokens.Count && tokens[k].Kind == Kind.Number && tokens[k].Text.Length == 4 && tokens[k + 1].Kind == Kind.Dash
            && tokens[k + 2].Kind == Kind.Number && tokens[k + 3].Kind == Kind.Dash && tokens[k + 4].Kind == Kind.Number)
        {
            if (TryDate(tokens[k].Value, tokens[k + 2].Value, tokens[k + 4].Value, out date))
            {
                yearGiven = true;
                consumed = tokens[k + 4].End;
                return true;
            }
            return false;
        }
        int day, month;
        int last;
        if (k + 1 < tokens.Count && tokens[k].Kind == Kind.Number && tokens[k].Text.Length <= 2 && tokens[k + 1].Kind == Kind.Word && Month(tokens[k + 1].Text) > 0)
        {
            day = tokens[k].Value;
            month = Month(tokens[k + 1].Text);
            last = k + 1;
        }
        else if (k + 1 < tokens.Count && tokens[k].Kind == Kind.Word && Month(tokens[k].Text) > 0 && tokens[k + 1].Kind == Kind.Number && tokens[k + 1].Text.Length <= 2)
        {
            month = Month(tokens[k].Text);
            day = tokens[k + 1].Value;
            last = k + 1;
        }
        else
        {
            return false;
        }
        var year = 0;
        var after = last + 1;
        if (after < tokens.Count && tokens[after].Kind == Kind.Comma)
        {
            after++;
        }
        if (after < tokens.Count && tokens[after].Kind == Kind.Number && tokens[after].Text.Length == 4 && tokens[after].Value is >= 1945 and <= 2200)
        {
            year = tokens[after].Value;
            last = after;
            yearGiven = true;
        }
        else if (defaultYear is { } y)
        {
            year = y;
        }
        else
        {
            return false;
        }
        consumed = tokens[last].End;
        // A weekday in brackets after the date: "23 May 2022 (Monday)".
        if (last + 3 < tokens.Count && tokens[last + 1].Text == "(" && tokens[last + 2].Kind == Kind.Word && Weekday(tokens[last + 2].Text) is { } w2 && tokens[last + 3].Text == ")")
        {
            weekday ??= w2;
            consumed = tokens[last + 3].End;
        }
        return TryDate(year, month, day, out date);
    }

    /// <summary>The first "D Month YYYY" (or "Month D, YYYY") anywhere in the text, e.g. the date under "Distr.: General".</summary>
    public static bool TryFindDate(string s, out DateOnly date)
    {
        date = default;
        var tokens = Tokenize(s, 64);
        for (var k = 0; k + 2 < tokens.Count; k++)
        {
            var (a, b, c) = (tokens[k], tokens[k + 1], tokens[k + 2]);
            if (a.Kind == Kind.Number && a.Text.Length <= 2 && b.Kind == Kind.Word && Month(b.Text) is > 0 and var m1
                && c.Kind == Kind.Number && c.Text.Length == 4 && TryDate(c.Value, m1, a.Value, out date))
            {
                return true;
            }
            if (a.Kind == Kind.Word && Month(a.Text) is > 0 and var m2 && b.Kind == Kind.Number && b.Text.Length <= 2)
            {
                var y = c.Kind == Kind.Comma && k + 3 < tokens.Count ? tokens[k + 3] : c;
                if (y.Kind == Kind.Number && y.Text.Length == 4 && TryDate(y.Value, m2, b.Value, out date))
                {
                    return true;
                }
            }
        }
        return false;
    }

    public static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }
}
