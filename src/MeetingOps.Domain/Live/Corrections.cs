namespace MeetingOps.Domain;

/// <summary>Undo the latest change to an item or a sitting; <see cref="Version"/>, when given, names it (refused unless it is the latest).</summary>
public sealed record UndoCommand(long? Version = null) : Command;

/// <summary>
/// Corrections of slips. The log keeps every change, the slip as well as its correction: an <c>undo</c> entry names
/// (in <see cref="LogEntry.Corrects"/>) the version it takes back and moves the item or sitting back where it was.
/// Everything that tells what happened (snapshot, forecast, report, calendar, display) reads the
/// <see cref="Effective"/> log, in which neither the slip nor its correction appears; the CSV shows both.
/// Undo goes most recent first, a whole command at a time (ending a sitting also continues its open item:
/// one undo takes back both), so the state it returns to is always one the meeting really was in.
/// </summary>
public static class Corrections
{
    public const string UndoAction = "undo";

    public static bool IsUndo(LogEntry entry) => entry.Action == UndoAction;

    /// <summary>The versions taken back by a later undo.</summary>
    public static IReadOnlySet<long> Corrected(IEnumerable<LogEntry> log) =>
        log.Where(e => IsUndo(e) && e.Corrects is not null).Select(e => e.Corrects!.Value).ToHashSet();

    /// <summary>The log as if the slips never happened: without the changes undone and without the undo entries.</summary>
    public static IReadOnlyList<LogEntry> Effective(IReadOnlyList<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!log.Any(IsUndo))
        {
            return log;
        }
        var corrected = Corrected(log);
        return log.Where(e => !IsUndo(e) && !corrected.Contains(e.Version)).ToList();
    }

    /// <summary>The entries one Undo would take back, in log order: the latest command's item and sitting changes not yet undone. Empty when none.</summary>
    public static IReadOnlyList<LogEntry> Latest(IReadOnlyList<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var effective = Effective(log).Where(e => e.Subject is ChangeSubject.Item or ChangeSubject.Session).ToList();
        if (effective.Count == 0)
        {
            return [];
        }
        var last = effective[^1];
        // A command's entries are consecutive; the group is the run of the same command id at the end.
        var start = effective.Count - 1;
        while (start > 0 && effective[start - 1].CommandId == last.CommandId)
        {
            start--;
        }
        return effective.GetRange(start, effective.Count - start);
    }

    /// <summary>What Undo would undo, in words ("Undo: taking up item 3 in session 5"), or null when there is nothing to undo.</summary>
    public static string? Describe(Meeting meeting, IReadOnlyList<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return MainOfLatest(log) is { } main ? "Undo: " + Words(meeting, main) : null;
    }

    /// <summary>The entry that names the latest command still to undo, or null when there is none.</summary>
    private static LogEntry? MainOfLatest(IReadOnlyList<LogEntry> log)
    {
        var latest = Latest(log);
        // The sitting's own change names the command (an end that also continued its item is "ending session 5").
        return latest.Count == 0 ? null : latest.LastOrDefault(e => e.Subject == ChangeSubject.Session) ?? latest[^1];
    }

    /// <summary>What Undo would undo, as a phrase for the pages (<see cref="Describe"/> in the viewer's language), or null when there is nothing to undo.</summary>
    public static ServerText? DescribeText(Meeting meeting, IReadOnlyList<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (MainOfLatest(log) is not { } main)
        {
            return null;
        }
        if (main.Subject == ChangeSubject.Item)
        {
            if (main.SessionId is null)
            {
                return ServerPhrases.UndoDeferOutside.With(("item", main.ItemId));
            }
            var phrase = main.Action switch
            {
                "open" => ServerPhrases.UndoOpen,
                "continue" => ServerPhrases.UndoContinue,
                "conclude" => ServerPhrases.UndoConclude,
                "adopt" => ServerPhrases.UndoAdopt,
                "defer" => ServerPhrases.UndoDefer,
                _ => ServerPhrases.UndoReopen,
            };
            return phrase.With(("item", main.ItemId), ("session", main.SessionId));
        }
        var sitting = main.Action switch
        {
            "start" => ServerPhrases.UndoStart,
            "suspend" => ServerPhrases.UndoSuspend,
            "resume" => ServerPhrases.UndoResume,
            _ when main.Actor.Role == Role.System => ServerPhrases.UndoEndAtCap,
            _ => ServerPhrases.UndoEnd,
        };
        return sitting.With(("session", main.SessionId));
    }

    /// <summary>A change in words, as a gerund: "taking up item 3 in session 5", "ending session 5 (at its cap)".</summary>
    public static string Words(Meeting meeting, LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(entry);
        var where = entry.SessionId is null ? "" : $" in session {entry.SessionId}";
        if (entry.Subject == ChangeSubject.Item)
        {
            var label = meeting.FindItem(entry.ItemId!)?.Label ?? $"item {entry.ItemId}";
            var verb = entry.Action switch
            {
                "open" => "taking up",
                "continue" => "continuing",
                "conclude" => "concluding",
                "adopt" => "adopting",
                "defer" => "deferring",
                "reopen" => "reopening",
                _ => entry.Action,
            };
            return $"{verb} {label}{where}";
        }
        var sittingVerb = entry.Action switch
        {
            "start" => "starting",
            "suspend" => "suspending",
            "resume" => "resuming",
            "end" => "ending",
            _ => entry.Action,
        };
        var cap = entry.Actor.Role == Role.System ? " (at its cap)" : "";
        return $"{sittingVerb} session {entry.SessionId}{cap}";
    }

    /// <summary>
    /// Undo the latest change not yet undone (or the one <paramref name="command"/> names, which must be it): entries that
    /// move each item and sitting it touched back where it was, newest first, each naming the version it corrects.
    /// </summary>
    public static RulesResult Undo(Meeting meeting, LiveState live, IReadOnlyList<LogEntry> log, UndoCommand command, MeetingRules.Context context)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var latest = Latest(log);
        if (latest.Count == 0)
        {
            return new Refusal(RefusalKind.IllegalTransition, "There is nothing to undo: no item or sitting has changed, or every change is already undone.",
                Text: ServerPhrases.UndoNothing.With());
        }
        if (command.Version is { } named && latest.All(e => e.Version != named))
        {
            var entry = log.FirstOrDefault(e => e.Version == named);
            var why = entry is null
                ? $"There is no change with version {named}."
                : IsUndo(entry)
                    ? $"Version {named} is itself an undo."
                    : Corrected(log).Contains(named)
                        ? $"Version {named} ({Words(meeting, entry)}) is already undone."
                        : entry.Subject == ChangeSubject.Schedule
                            ? $"Version {named} is a change of the schedule; change the schedule again instead."
                            : $"Version {named} ({Words(meeting, entry)}) is not the latest change; changes are undone most recent first, and the latest is version {latest[^1].Version} ({Words(meeting, latest[^1])}).";
            var text = entry is null ? ServerPhrases.UndoNoSuchVersion.With(("version", named))
                : IsUndo(entry) ? ServerPhrases.UndoIsUndo.With(("version", named))
                : Corrected(log).Contains(named) ? ServerPhrases.UndoAlreadyUndone.With(("version", named))
                : entry.Subject == ChangeSubject.Schedule ? ServerPhrases.UndoSchedule.With(("version", named))
                : ServerPhrases.UndoNotLatest.With(("version", named), ("latest", latest[^1].Version));
            return new Refusal(entry is null ? RefusalKind.NotFound : RefusalKind.Conflict, why, Text: text);
        }

        // Putting a sitting back in progress must not seat a body twice (a later sitting of its bodies may have started since).
        foreach (var e in latest.Where(e => e.Subject == ChangeSubject.Session && e.From is "inProgress" or "suspended" && e.To is "ended" or "scheduled"))
        {
            var session = meeting.FindSession(e.SessionId!);
            var busy = session is null ? null : meeting.Sessions.FirstOrDefault(s =>
                s.Id != session.Id && live.Session(s.Id).IsSitting && s.Bodies.Any(session.Seats));
            if (busy is not null)
            {
                return new Refusal(RefusalKind.IllegalTransition,
                    $"Session {busy.Id} of {busy.Bodies.First(session!.Seats)} has started since; session {e.SessionId} cannot be put back in progress.",
                    Text: ServerPhrases.UndoSittingSince.With(("busy", busy.Id), ("body", busy.Bodies.First(session!.Seats)), ("session", e.SessionId)));
            }
        }

        var version = context.NextVersion;
        var entries = new List<LogEntry>();
        foreach (var e in Enumerable.Reverse(latest))
        {
            entries.Add(new LogEntry(version++, context.At, context.CommandId, context.Actor, e.Subject, e.ItemId, e.SessionId,
                UndoAction, e.To, e.From, $"undoes version {e.Version}: {Words(meeting, e)}", e.Version));
        }
        return new RulesResult(entries, null);
    }
}
