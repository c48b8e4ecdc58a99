// SourceText, flattened pages: a page that arrived as one line, cut at its headings, item numbers and time ranges.

namespace MeetingOps.Domain.Import;

internal static partial class SourceText
{
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
}
