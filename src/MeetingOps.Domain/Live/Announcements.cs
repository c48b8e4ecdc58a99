namespace MeetingOps.Domain;

/// <summary>
/// A notice from the secretariat or the chair to everyone following ("informal consultations at 13:00 in Room M3"),
/// shown on the follow page and the room display until <see cref="Until"/> (or until withdrawn).
/// </summary>
/// <param name="Id">The version of the log entry that made it: unique in the meeting and stable.</param>
/// <param name="At">When it was made.</param>
/// <param name="Until">When it stops being shown; null: until withdrawn or the meeting ends.</param>
/// <param name="By">Whose key made it: the chair's or the secretariat's.</param>
public sealed record Announcement(string Id, string Text, DateTimeOffset At, DateTimeOffset? Until, Role By);

/// <summary>
/// Announcing and withdrawing, as log entries: the log is the only record, so what is current is read back from it.
/// Pure: the meeting grain commits what these return, like any other command.
/// </summary>
public static class Announcements
{
    public const string AnnounceAction = "announce";
    public const string WithdrawAction = "withdraw";

    /// <summary>A notice is one line a screen can show in large type, not a document.</summary>
    public const int MaxTextLength = 300;

    /// <summary>How far ahead an expiry may be: a notice is about the meeting's days, not for ever.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(31);

    /// <summary>At most this many at once: the display has room for a few, and nothing grows without bound.</summary>
    public const int MaxCurrent = 20;

    public static RulesResult Announce(IReadOnlyList<LogEntry> log, string? text, DateTimeOffset? until, MeetingRules.Context context)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(context);
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return new Refusal(RefusalKind.Invalid, "An announcement needs its text ($.text is empty).",
                Text: ServerPhrases.AnnouncementTextEmpty.With());
        }
        if (trimmed.Length > MaxTextLength)
        {
            return new Refusal(RefusalKind.Invalid, $"An announcement is at most {MaxTextLength} characters ($.text has {trimmed.Length}).",
                Text: ServerPhrases.AnnouncementTooLong.With(("max", MaxTextLength), ("count", trimmed.Length)));
        }
        if (trimmed.Any(char.IsControl))
        {
            return new Refusal(RefusalKind.Invalid, "An announcement is one line of printable text ($.text has a control character such as a line break).",
                Text: ServerPhrases.AnnouncementOneLine.With());
        }
        if (until is { } end && end <= context.At)
        {
            return new Refusal(RefusalKind.Invalid, $"$.until ({end:O}) is not in the future (it is now {context.At:O}).",
                Text: ServerPhrases.AnnouncementUntilPast.With(("until", end), ("at", context.At)));
        }
        if (until is { } far && far - context.At > MaxLifetime)
        {
            return new Refusal(RefusalKind.Invalid, $"$.until is more than {MaxLifetime.TotalDays:0} days ahead; announce nearer the time.",
                Text: ServerPhrases.AnnouncementTooFar.With(("count", (int)MaxLifetime.TotalDays)));
        }
        if (Current(log, context.At).Count >= MaxCurrent)
        {
            return new Refusal(RefusalKind.Conflict, $"There are already {MaxCurrent} announcements showing; withdraw one first.",
                Text: ServerPhrases.AnnouncementTooManyShowing.With(("count", MaxCurrent)));
        }
        var notice = new Announcement(Id(context.NextVersion), trimmed, context.At, until, context.Actor.Role);
        return new RulesResult([new LogEntry(context.NextVersion, context.At, context.CommandId, context.Actor, ChangeSubject.Announcement,
            null, null, AnnounceAction, "", "showing", Note: trimmed, Announcement: notice)], null);
    }

    public static RulesResult Withdraw(IReadOnlyList<LogEntry> log, string announcementId, MeetingRules.Context context)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(context);
        var made = Made(log).FirstOrDefault(a => a.Id == announcementId);
        if (made is null)
        {
            return new Refusal(RefusalKind.NotFound, $"This meeting has no announcement \"{announcementId}\".",
                Text: ServerPhrases.AnnouncementNotFound.With(("id", announcementId)));
        }
        if (Withdrawn(log).Contains(made.Id))
        {
            return new Refusal(RefusalKind.Conflict, $"Announcement {made.Id} is already withdrawn.",
                Text: ServerPhrases.AnnouncementAlreadyWithdrawn.With(("id", made.Id)));
        }
        if (made.Until is { } until && until <= context.At)
        {
            return new Refusal(RefusalKind.Conflict, $"Announcement {made.Id} expired at {until:O}; there is nothing to withdraw.",
                Text: ServerPhrases.AnnouncementExpired.With(("id", made.Id), ("until", until)));
        }
        return new RulesResult([new LogEntry(context.NextVersion, context.At, context.CommandId, context.Actor, ChangeSubject.Announcement,
            null, null, WithdrawAction, "showing", "withdrawn", Note: $"withdraws announcement {made.Id}", Announcement: made)], null);
    }

    /// <summary>The announcements showing at <paramref name="now"/>: made, not withdrawn, not expired; oldest first.</summary>
    public static IReadOnlyList<Announcement> Current(IReadOnlyList<LogEntry> log, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(log);
        var withdrawn = Withdrawn(log);
        return Made(log).Where(a => !withdrawn.Contains(a.Id) && (a.Until is null || a.Until > now)).ToList();
    }

    /// <summary>Every announcement made, whether still showing or not, in log order (for the programme of the day).</summary>
    public static IEnumerable<Announcement> Made(IReadOnlyList<LogEntry> log) =>
        log.Where(e => e.Subject == ChangeSubject.Announcement && e.Action == AnnounceAction && e.Announcement is not null).Select(e => e.Announcement!);

    private static HashSet<string> Withdrawn(IReadOnlyList<LogEntry> log) =>
        log.Where(e => e.Subject == ChangeSubject.Announcement && e.Action == WithdrawAction && e.Announcement is not null)
           .Select(e => e.Announcement!.Id).ToHashSet(StringComparer.Ordinal);

    private static string Id(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
