using System.Globalization;

namespace MeetingOps.Domain.Records;

/// <summary>
/// The English of UN meeting reports: ordinals ("1st", "22nd"), numbers one to nine in words, dates
/// ("23 May 2022", "on 23, 24 and 26 May 2022"), times of day ("10 a.m.", "3.30 p.m.", "noon") and lists
/// joined with "and" (no serial comma).
/// </summary>
public static class ReportEnglish
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] SmallNumbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>"1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "111th".</summary>
    public static string Ordinal(int n)
    {
        var suffix = (n % 100) switch
        {
            11 or 12 or 13 => "th",
            _ => (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
        };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>Numbers below ten in words, the rest in figures: "six meetings", "12 meetings".</summary>
    public static string Count(int n) => n is >= 0 and < 10 ? SmallNumbers[n] : n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"six meetings", "one meeting".</summary>
    public static string Count(int n, string singular, string plural) => $"{Count(n)} {(n == 1 ? singular : plural)}";

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };

    /// <summary>"23 May 2022".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    /// <summary>"Monday, 23 May 2022".</summary>
    public static string DayAndDate(DateOnly date) => date.ToString("dddd, d MMMM yyyy", English);

    /// <summary>
    /// Dates as a report lists them, days grouped by month and year: "23 May 2022", "23 and 24 May 2022",
    /// "31 May and 1 June 2022", "31 December 2022 and 2 January 2023". Duplicates are said once.
    /// </summary>
    public static string Dates(IEnumerable<DateOnly> dates)
    {
        var years = dates.Distinct().Order().GroupBy(d => d.Year).Select(year =>
        {
            var months = year.GroupBy(d => d.Month).Select(month =>
                List(month.Select(d => d.Day.ToString(CultureInfo.InvariantCulture)).ToList()) + " " + month.First().ToString("MMMM", English)).ToList();
            return List(months) + " " + year.Key.ToString(CultureInfo.InvariantCulture);
        }).ToList();
        return List(years);
    }

    /// <summary>
    /// "on 23 May 2022" for one day, "on 25 and 26 March 2021" for two, "from 23 to 27 May 2022",
    /// "from 30 May to 3 June 2022", across years in full.
    /// </summary>
    public static string Span(DateOnly first, DateOnly last)
    {
        if (last.DayNumber - first.DayNumber <= 1)
        {
            return "on " + Dates([first, last]);
        }
        if (first.Year != last.Year)
        {
            return $"from {Date(first)} to {Date(last)}";
        }
        var from = first.Month == last.Month
            ? first.Day.ToString(CultureInfo.InvariantCulture)
            : first.ToString("d MMMM", English);
        return $"from {from} to {Date(last)}";
    }

    /// <summary>A time of day as UN reports write it: "10 a.m.", "3.30 p.m.", "noon", "midnight".</summary>
    public static string TimeOfDay(TimeOnly time)
    {
        if (time.Hour == 12 && time.Minute == 0)
        {
            return "noon";
        }
        if (time.Hour == 0 && time.Minute == 0)
        {
            return "midnight";
        }
        var hour = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        var minutes = time.Minute == 0 ? "" : "." + time.Minute.ToString("00", CultureInfo.InvariantCulture);
        return $"{hour.ToString(CultureInfo.InvariantCulture)}{minutes} {(time.Hour < 12 ? "a.m." : "p.m.")}";
    }

    /// <summary>
    /// Meeting numbers as a report gives them: "1st meeting", "1st and 2nd meetings", "1st, 3rd to 5th and 7th meetings"
    /// (three or more in a row become a range).
    /// </summary>
    public static string Meetings(IEnumerable<int> numbers)
    {
        var sorted = numbers.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }
            if (j - i >= 2)
            {
                parts.Add($"{Ordinal(sorted[i])} to {Ordinal(sorted[j])}");
            }
            else
            {
                parts.AddRange(sorted[i..(j + 1)].Select(Ordinal));
            }
            i = j + 1;
        }
        return List(parts) + (sorted.Count == 1 ? " meeting" : " meetings");
    }
}
