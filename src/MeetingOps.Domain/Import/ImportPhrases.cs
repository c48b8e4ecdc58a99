using System.Globalization;

namespace MeetingOps.Domain.Import;

/// <summary>
/// How the importer's phrases carry a sitting's local date and time and a time of day (see <see cref="ServerPhrases"/>):
/// ISO forms without a zone, which a page formats in its own language ("2022-05-23T10:00", "10:00", "10:00–13:00").
/// </summary>
internal static class ImportPhrases
{
    public static string LocalDateTime(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string LocalDateTime(DateOnly day, TimeOnly time) => LocalDateTime(day.ToDateTime(time));

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Range(TimeOnly start, TimeOnly end) => $"{Time(start)}–{Time(end)}";
}
