namespace MeetingOps.Domain.Planning;

/// <summary>Where a sitting's cap counts from: the slot the interpreters were booked for (the default), or when it actually started.</summary>
public enum CapFrom
{
    BookedStart,
    ActualStart,
}

/// <summary>
/// When interpretation ends in a capped sitting, and what people are told. The interpreters are booked for a slot: a
/// sitting opened 20 minutes late still ends at the booked start plus the cap, unless the secretariat says this
/// sitting's cap counts from its actual start. Extensions agreed with the interpreters ("ten more minutes") add up.
/// Pure, so a session grain, a timer or a page can all compute the same instant from the same facts.
/// </summary>
public static class InterpretationCap
{
    /// <summary>Longest single extension: more than an hour is a new booking, not an extension.</summary>
    public const int MaxExtensionMinutes = 60;

    /// <summary>Most extra minutes a sitting can be given in all, so the end can never run away.</summary>
    public const int MaxTotalExtensionMinutes = 120;

    /// <summary>
    /// The end of interpretation; with <see cref="CapFrom.ActualStart"/> and no start yet, the booked start stands in.
    /// A sitting opened only after its whole booked slot had passed (held on another day, or hours late) cannot run on
    /// that booking: interpretation was booked again for it, so its cap counts from its actual start.
    /// </summary>
    public static DateTimeOffset End(DateTimeOffset bookedStart, DateTimeOffset? actualStart, int capMinutes, CapFrom from, IEnumerable<int> extensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capMinutes, 1);
        ArgumentNullException.ThrowIfNull(extensions);
        var slotLost = actualStart is { } opened && opened >= bookedStart.AddMinutes(capMinutes);
        var start = (from == CapFrom.ActualStart || slotLost) && actualStart is { } actual ? actual : bookedStart;
        return start.AddMinutes(capMinutes + extensions.Sum());
    }

    /// <summary>When interpretation ends in <paramref name="session"/> as it stands (its cap, where it counts from, the extensions given); null without a cap.</summary>
    public static DateTimeOffset? EndOf(Session session, SessionState state)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(state);
        return session.CapMinutes is { } cap ? End(session.Start, state.StartedAt, cap, session.CapFrom, [state.ExtendedMinutes]) : null;
    }

    /// <summary>
    /// The notice that stays on every page after a sitting's interpretation ended at its cap, until another sitting
    /// starts: the last sitting to end, if it was capped and ended at (or after) its end of interpretation, and nothing
    /// has started since. Structured, so each page words it in its viewer's language.
    /// </summary>
    public static CapEndedView? EndedAtCap(Meeting meeting, LiveState live)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(live);
        var last = meeting.Sessions.Where(s => live.Session(s.Id) is { Status: SessionStatus.Ended, EndedAt: not null })
            .MaxBy(s => live.Session(s.Id).EndedAt);
        if (last is null || live.Session(last.Id) is not { EndedAt: { } ended } state || EndOf(last, state) is not { } end || ended < end)
        {
            return null;
        }
        if (meeting.Sessions.Any(s => live.Session(s.Id) is var other && (other.IsSitting || other.StartedAt > ended)))
        {
            return null; // the next sitting has started: the notice has done its work
        }
        var item = meeting.Items.FirstOrDefault(i => live.Item(i.Id) is { Status: ItemStatus.Continued } s && s.SessionId == last.Id);
        var next = item is null ? null : NextSittingFor(meeting, item, last);
        return new CapEndedView(last.Id, end, item?.Id, next?.Id);
    }

    /// <summary>The 15- and 5-minute warnings before <paramref name="end"/> that are still ahead of <paramref name="now"/> (re-armed after an extension).</summary>
    public static IReadOnlyList<CapWarning> Warnings(DateTimeOffset end, DateTimeOffset now) =>
        CapClock.WarningMinutes.Select(m => new CapWarning(m, end.AddMinutes(-m))).Where(w => w.At > now).ToList();

    /// <summary>Why an extension is refused, as a phrase for the pages (the same tests as <see cref="ExtensionRefused"/>).</summary>
    public static ServerText ExtensionRefusedText(int minutes, IEnumerable<int> earlier, bool sitting) =>
        minutes is < 1 or > MaxExtensionMinutes ? ServerPhrases.ExtensionRange.With(("maxMinutes", MaxExtensionMinutes))
        : !sitting ? ServerPhrases.ExtensionNotSitting.With()
        : ServerPhrases.ExtensionTooMuch.With(("givenMinutes", earlier.Sum()), ("maxMinutes", MaxTotalExtensionMinutes));

    /// <summary>Why an extension is refused, in words; null when it may be given.</summary>
    public static string? ExtensionRefused(int minutes, IEnumerable<int> earlier, bool sitting)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (minutes is < 1 or > MaxExtensionMinutes)
        {
            return $"An extension is 1 to {MaxExtensionMinutes} minutes.";
        }
        if (!sitting)
        {
            return "Only a sitting in progress (or suspended) can be extended.";
        }
        var given = earlier.Sum();
        return given + minutes > MaxTotalExtensionMinutes
            ? $"This sitting has been extended by {given} minutes already; at most {MaxTotalExtensionMinutes} minutes in all."
            : null;
    }

    /// <summary>"15 minutes of interpretation left in this sitting (until 12:00)."</summary>
    public static string WarningNotice(Meeting meeting, DateTimeOffset end, int minutesLeft)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var minutes = minutesLeft == 1 ? "1 minute" : $"{minutesLeft} minutes";
        return $"{minutes} of interpretation left in this sitting (until {new VenueClock(meeting).TimeWords(end)}).";
    }

    /// <summary>
    /// At the cap, the notice that stays on every page until the next sitting: "Interpretation ended at 12:00; item 3
    /// will continue on Tuesday morning." Without an item under consideration, or without a later sitting for it, it says so.
    /// </summary>
    public static string EndedNotice(Meeting meeting, DateTimeOffset end, AgendaItem? continued, Session? next)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var ended = $"Interpretation ended at {new VenueClock(meeting).TimeWords(end)}";
        if (continued is null)
        {
            return ended + ".";
        }
        var label = AgendaWords.Label(meeting, continued);
        return next is null
            ? $"{ended}; {label} is not yet placed in a later sitting."
            : $"{ended}; {label} will continue on {SittingWords(next)}.";
    }

    /// <summary>"Tuesday morning" (the venue's own day and part of day).</summary>
    public static string SittingWords(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var part = session.LocalStart.Hour < 13 ? "morning" : session.LocalStart.Hour < 18 ? "afternoon" : "evening";
        return $"{session.LocalStart.DayOfWeek} {part}";
    }

    /// <summary>The next sitting after <paramref name="after"/> where every body of the item sits.</summary>
    public static Session? NextSittingFor(Meeting meeting, AgendaItem item, Session after)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(after);
        return meeting.Sessions.Where(s => s.Start > after.Start && item.Numbers.Keys.All(s.Bodies.Contains)).MinBy(s => s.Start);
    }
}

/// <summary>
/// Extending a sitting's interpretation after the interpreters agree: one log entry (subject schedule, action
/// "extend", To the minutes added), so the cap is recomputed from the log on any host and after any restart.
/// </summary>
public static class CapExtension
{
    public const string Action = "extend";

    /// <summary>The extensions given to a sitting, in the order given.</summary>
    public static IReadOnlyList<int> Of(IEnumerable<LogEntry> log, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.Where(e => e.Subject == ChangeSubject.Schedule && e.Action == Action && e.SessionId == sessionId)
            .Select(MinutesOf).ToList();
    }

    /// <summary>The minutes an extension's entry adds.</summary>
    public static int MinutesOf(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return int.Parse(entry.To, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The entry that extends <paramref name="session"/> by <paramref name="minutes"/>, or why not.</summary>
    public static (LogEntry? Entry, Refusal? Refusal) Decide(Meeting meeting, LiveState live, IReadOnlyList<LogEntry> log, string sessionId, int minutes, MeetingRules.Context context)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(context);
        if (meeting.FindSession(sessionId) is not { } session)
        {
            return (null, new Refusal(RefusalKind.NotFound, $"This meeting has no session \"{sessionId}\".", Text: ServerPhrases.NoSuchSession.With(("id", sessionId))));
        }
        if (session.CapMinutes is not { } cap)
        {
            return (null, new Refusal(RefusalKind.Invalid, $"Session {sessionId} has no cap on interpretation to extend.",
                Text: ServerPhrases.SessionNoCap.With(("session", sessionId))));
        }
        var state = live.Session(sessionId);
        var earlier = Of(log, sessionId);
        if (InterpretationCap.ExtensionRefused(minutes, earlier, state.IsSitting) is { } refused)
        {
            var kind = state.IsSitting ? RefusalKind.Invalid : RefusalKind.IllegalTransition;
            return (null, new Refusal(kind, refused, Text: InterpretationCap.ExtensionRefusedText(minutes, earlier, state.IsSitting)));
        }
        var clock = new VenueClock(meeting);
        var before = InterpretationCap.End(session.Start, state.StartedAt, cap, session.CapFrom, earlier);
        var after = before.AddMinutes(minutes);
        var entry = new LogEntry(context.NextVersion, context.At, context.CommandId, context.Actor, ChangeSubject.Schedule, null, sessionId,
            Action, (earlier.Sum()).ToString(System.Globalization.CultureInfo.InvariantCulture), minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"interpretation extended by {minutes} minutes, from {clock.TimeWords(before)} until {clock.TimeWords(after)}");
        return (entry, null);
    }
}

/// <summary>
/// A sitting's interpretation ended at its cap (<see cref="At"/>, venue time on the pages); <see cref="ItemId"/> was
/// under consideration and is continued, in <see cref="NextSessionId"/> (null: not yet placed in a later sitting).
/// </summary>
public sealed record CapEndedView(string SessionId, DateTimeOffset At, string? ItemId, string? NextSessionId);
