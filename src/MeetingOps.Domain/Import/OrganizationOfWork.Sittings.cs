// OrganizationOfWork, dates and sittings: dates placed within the meeting, and the sitting (date and time slot) each time row opens.

using System.Globalization;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

internal sealed partial class OrganizationOfWork
{
    /// <summary>A date without a year is put in the year that places it within the meeting (a meeting can run over New Year).</summary>
    private DateOnly Place(DateOnly day, bool yearGiven)
    {
        if (yearGiven || _window.Start is not { } start || _window.End is not { } end || (day >= start && day <= end))
        {
            return day;
        }
        foreach (var shift in new[] { 1, -1 })
        {
            if (DateText.TryDate(day.Year + shift, day.Month, day.Day, out var moved) && moved >= start && moved <= end)
            {
                return moved;
            }
        }
        return day;
    }

    private void NoteDate(DateOnly day, bool yearGiven, DayOfWeek? weekday, int line)
    {
        Dates.Add(day);
        if (!yearGiven)
        {
            log.Warn(line, $"The date has no year; {day.Year} is assumed from the meeting's dates.", ServerPhrases.ImportNoYear.With(("year", day.Year)));
        }
        if (weekday is { } w && w != day.DayOfWeek)
        {
            log.Warn(line, $"{day:d MMMM yyyy} is a {day.DayOfWeek}, not a {w}; the date is kept.".Replace(" yyyy", "", StringComparison.Ordinal),
                ServerPhrases.ImportWrongWeekday.With(("day", day), ("weekday", (int)day.DayOfWeek), ("claimed", (int)w)));
        }
    }

    private Slot? NewSlot(DateOnly date, TimeText.Range range, int line)
    {
        var end = range.End;
        if (end is null)
        {
            var assumed = range.Start.AddHours(3);
            end = assumed < range.Start ? new TimeOnly(23, 59) : assumed;
            log.Warn(line, $"Only a start time ({Format(range.Start)}); the sitting is assumed to end at {Format(end.Value)}.",
                ServerPhrases.ImportStartOnly.With(("time", ImportPhrases.Time(range.Start)), ("until", ImportPhrases.Time(end.Value))));
        }
        if (range.Assumption is { } why)
        {
            // The reader makes one assumption about a time, the afternoon: the phrase names it rather than carrying its English.
            log.Warn(line, $"Time read as {Format(range.Start)}–{Format(end.Value)}: {why}.",
                ServerPhrases.ImportReadAsAfternoon.With(("time", ImportPhrases.Range(range.Start, end.Value))));
        }
        if (end <= range.Start)
        {
            log.Warn(line, $"The sitting ends ({Format(end.Value)}) before it starts ({Format(range.Start)}); left out.",
                ServerPhrases.ImportEndsBeforeStart.With(("until", ImportPhrases.Time(end.Value)), ("time", ImportPhrases.Time(range.Start))));
            return null;
        }
        var slot = new Slot(date, range.Start, end.Value, line);
        if (_slots.Count >= DefinitionValidator.MaxSessions)
        {
            if (_slots.Count == DefinitionValidator.MaxSessions)
            {
                log.Warn(line, $"More than {DefinitionValidator.MaxSessions} sittings; the rest are left out.",
                    ServerPhrases.ImportTooManySittings.With(("max", DefinitionValidator.MaxSessions)));
            }
            return null;
        }
        _slots.Add(slot);
        return slot;
    }

    private static string Format(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
