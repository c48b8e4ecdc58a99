// SourceText, line kinds: lines that begin a structure of their own (item number, heading, date or time row) and venue lines.

namespace MeetingOps.Domain.Import;

internal static partial class SourceText
{
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
