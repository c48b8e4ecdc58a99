using System.Globalization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace MeetingOps.Domain.Records;

/// <summary>
/// The meeting's sittings as an iCalendar file (RFC 5545, written by Ical.Net): one event per sitting with the items
/// the current plan puts in it, in venue time with a VTIMEZONE so any calendar shows it in its user's own zone.
/// UIDs are the meeting and session ids, so a calendar that subscribes updates its events instead of duplicating them.
/// SEQUENCE counts the schedule changes in the audit log since the sitting was planned (every format change or re-plan
/// may move items between sittings, so each one bumps every sitting it could have touched); it only grows, and any host
/// reading the same log writes the same number.
/// </summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const string ProductId = "-//MeetingOps//Meeting calendar//EN";

    /// <param name="bodyId">Only the sittings of this body (it must be one of the meeting's bodies); null for all.</param>
    /// <param name="generatedAt">When the file is written (DTSTAMP).</param>
    /// <param name="followUrl">The participant view, linked from every event, when known.</param>
    /// <param name="language">The viewer's language ("fr"): the events' words, item titles and body names in it, English where the definition has none.</param>
    public static string Write(MeetingView view, IEnumerable<LogEntry> log, string? bodyId, DateTimeOffset generatedAt, Uri? followUrl = null, string? language = null)
    {
        var words = CalendarWords.For(language);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(log);
        log = Corrections.Effective(log.ToList()); // as if the slips never happened
        if (bodyId is not null && view.Bodies.All(b => b.Id != bodyId))
        {
            throw new ArgumentException($"The meeting has no body \"{bodyId}\".", nameof(bodyId));
        }
        var entries = log.Where(e => e.Version <= view.Version).OrderBy(e => e.Version).ToList();
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = "PUBLISH" };
        var name = bodyId is null ? view.Title : $"{view.Title}: {words.Name(view.Bodies.First(b => b.Id == bodyId))}";
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", view.TimeZone);
        // Ical.Net describes the zone from the given day up to about a year from the clock's today and throws when the
        // day is later than that: start the description no later than today (its rules carry on to the meeting's dates).
        var describedFrom = DateOnly.FromDateTime(generatedAt.UtcDateTime) is var today && today < view.StartDate ? today : view.StartDate;
        calendar.AddTimeZone(view.TimeZone, describedFrom.ToDateTime(TimeOnly.MinValue), includeHistoricalData: false);

        var stamp = new CalDateTime(generatedAt.UtcDateTime, CalDateTime.UtcTzId);
        foreach (var session in view.Sessions.Where(s => bodyId is null || s.Bodies.Contains(bodyId)).OrderBy(s => s.StartUtc))
        {
            var changes = ScheduleChangesSince(entries, session.Id);
            var e = new CalendarEvent
            {
                Uid = $"{view.Id}.{session.Id}@meetingops",
                DtStart = Local(session.Start, view.TimeZone),
                DtEnd = Local(session.End, view.TimeZone),
                DtStamp = stamp,
                Sequence = changes.Count,
                Summary = Summary(view, session, bodyId, words),
                Description = Description(view, session, bodyId, followUrl, words),
                Location = view.Venue,
                Status = "CONFIRMED",
                Url = followUrl,
            };
            if (changes.Count > 0)
            {
                e.LastModified = new CalDateTime(changes[^1].UtcDateTime, CalDateTime.UtcTzId);
            }
            if (!words.IsEnglish)
            {
                // Calendar apps pick fonts, hyphenation and reading direction from the language of the text.
                foreach (var property in e.Properties.Where(p => p.Name is "SUMMARY" or "DESCRIPTION"))
                {
                    property.Parameters.Add(new CalendarParameter("LANGUAGE", words.Language));
                }
            }
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// When the schedule changed since the sitting was planned: one instant per schedule command in the log (a command
    /// changing several sittings is one change). An extra sitting counts from after the command that first added it (sending it again changes it, so that counts).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> ScheduleChangesSince(IReadOnlyList<LogEntry> entries, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var schedule = entries.Where(e => e.Subject == ChangeSubject.Schedule).ToList();
        var added = schedule.FirstOrDefault(e => e.Action == "add" && e.SessionId == sessionId);
        return schedule
            .Where(e => added is null || e.Version > added.Version && e.CommandId != added.CommandId)
            .GroupBy(e => e.CommandId, StringComparer.Ordinal)
            .Select(g => g.First().At)
            .ToList();
    }

    private static CalDateTime Local(DateTime local, string timeZone) =>
        new(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, timeZone);

    /// <summary>"Working Group on International Cooperation: items 2 (continued)"; a joint sitting names both bodies by their short names.</summary>
    private static string Summary(MeetingView view, SessionView session, string? bodyId, CalendarWords words)
    {
        var seated = view.Bodies.Where(b => session.Bodies.Contains(b.Id)).ToList();
        var who = bodyId is not null ? words.Name(view.Bodies.First(b => b.Id == bodyId))
            : seated.Count == 1 ? words.Name(seated[0])
            : words.JointOf + words.List(seated.Select(BodyNames.Short).ToList());
        var numbers = session.Planned.Select(p => view.Items.FirstOrDefault(i => i.Id == p.Item))
            .OfType<ItemView>()
            .Where(i => OnAgendaOf(i, bodyId))
            .Select(i => BodyNames.ItemNumber(view.Bodies, i.Numbers, Among(session, bodyId)))
            .ToList();
        return numbers.Count == 0 ? who : $"{who}: {(numbers.Count == 1 ? words.Item : words.Items)} {words.List(numbers)}";
    }

    private static string Description(MeetingView view, SessionView session, string? bodyId, Uri? followUrl, CalendarWords words)
    {
        var text = new StringBuilder();
        text.Append(view.Title).Append('\n');
        var seated = view.Bodies.Where(b => session.Bodies.Contains(b.Id)).Select(words.Name).ToList();
        text.Append(seated.Count == 1
            ? string.Format(CultureInfo.InvariantCulture, words.MeetingOf, seated[0])
            : string.Format(CultureInfo.InvariantCulture, words.JointMeetingOf, string.Join(words.JointJoiner, seated))).Append('\n');
        var format = session.Format switch
        {
            SessionFormat.Hybrid => words.Hybrid,
            SessionFormat.Online => words.Online,
            _ => words.InPerson,
        };
        text.Append(format);
        if (session.CapMinutes is { } cap)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, words.CappedAt, cap));
        }
        text.Append('\n');
        var planned = session.Planned.Where(p => view.Items.FirstOrDefault(i => i.Id == p.Item) is not { } item || OnAgendaOf(item, bodyId)).ToList();
        if (planned.Count == 0)
        {
            text.Append(words.NoItems).Append('\n');
        }
        else
        {
            text.Append(words.PlannedItems).Append('\n');
            foreach (var p in planned)
            {
                var item = view.Items.FirstOrDefault(i => i.Id == p.Item);
                var label = item is null ? p.Item : $"{BodyNames.ItemNumber(view.Bodies, item.Numbers, Among(session, bodyId))}. {words.Title(item)}";
                text.Append(label).Append(p.Continued ? words.Continued : "").Append('\n');
            }
        }
        if (followUrl is not null)
        {
            text.Append(words.FollowLive).Append(followUrl).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// A body's calendar lists only the items on that body's agenda, under its own numbers: a joint sitting may also
    /// take up the other body's items, which are not this body's business (and have no number of its own to show).
    /// </summary>
    private static bool OnAgendaOf(ItemView item, string? bodyId) => bodyId is null || item.Numbers.ContainsKey(bodyId);

    private static IReadOnlyCollection<string> Among(SessionView session, string? bodyId) => bodyId is null ? session.Bodies.ToList() : [bodyId];
}
