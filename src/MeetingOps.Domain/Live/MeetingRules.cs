namespace MeetingOps.Domain;

/// <summary>
/// The rules of a live meeting: given the meeting, where everything stands and a chair's command, the
/// changes the command makes (as log entries, numbered from the next version) or why it is refused.
/// Pure: the grains call it and then apply what it returns.
/// </summary>
public static class MeetingRules
{
    /// <summary>What a command needs besides the meeting and its state: who, when, under which command id, and the next version.</summary>
    public sealed record Context(Actor Actor, DateTimeOffset At, string CommandId, long NextVersion);

    public static RulesResult Decide(Meeting meeting, LiveState live, Command command, Context context)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(context);
        return command switch
        {
            ItemCommand c => DecideItem(meeting, live, c, context),
            SessionCommand c => DecideSession(meeting, live, c, context),
            _ => new Refusal(RefusalKind.Invalid, "Unknown command.", Text: ServerPhrases.UnknownCommand.With()),
        };
    }

    private static RulesResult DecideItem(Meeting meeting, LiveState live, ItemCommand command, Context context)
    {
        var item = meeting.FindItem(command.ItemId);
        if (item is null)
        {
            return new Refusal(RefusalKind.NotFound, $"This meeting has no agenda item \"{command.ItemId}\".",
                Text: ServerPhrases.NoSuchItem.With(("id", command.ItemId)));
        }
        var state = live.Item(item.Id);
        var decision = ItemStateMachine.Decide(state.Status, command.Action, item);
        if (decision.Refusal is { } refused)
        {
            return refused;
        }
        var to = decision.Outcome!.Value;

        var sitting = command.Action switch
        {
            ItemAction.Open or ItemAction.Reopen => SittingToTakeUp(meeting, live, item, command.SessionId),
            _ when state.Status == ItemStatus.Open => SittingItIsOpenIn(meeting, state, command.SessionId),
            _ => OptionalSitting(meeting, live, item, command.SessionId),
        };
        if (sitting.Refusal is { } noSitting)
        {
            return noSitting;
        }

        var entry = new LogEntry(context.NextVersion, context.At, context.CommandId, context.Actor, ChangeSubject.Item,
            item.Id, sitting.SessionId, Name(command.Action), Name(state.Status), Name(to));
        return new RulesResult([entry], null);
    }

    private readonly record struct Sitting(string? SessionId, Refusal? Refusal);

    /// <summary>Taking up an item needs a sitting in progress where every body whose agenda lists it sits, with nothing else under consideration.</summary>
    private static Sitting SittingToTakeUp(Meeting meeting, LiveState live, AgendaItem item, string? requested)
    {
        Session session;
        if (requested is not null)
        {
            if (meeting.FindSession(requested) is not { } named)
            {
                return new(null, new Refusal(RefusalKind.NotFound, $"This meeting has no session \"{requested}\".", Text: ServerPhrases.NoSuchSession.With(("id", requested))));
            }
            session = named;
            var status = live.Session(session.Id).Status;
            if (status != SessionStatus.InProgress)
            {
                return new(null, new Refusal(RefusalKind.IllegalTransition,
                    $"Session {session.Id} is {SessionStateMachine.Word(status)}; {item.Label} can only be taken up in a sitting in progress.",
                    Name(live.Item(item.Id).Status), Name(ItemStatus.Open),
                    Text: ServerPhrases.ItemSittingNotInProgress.With(("item", item.Id), ("session", session.Id), ("sessionStatus", status))));
            }
            var missing = item.Numbers.Keys.Where(b => !session.Seats(b)).ToList();
            if (missing.Count > 0)
            {
                return new(null, new Refusal(RefusalKind.IllegalTransition,
                    $"{Capitalize(item.Label)} is on the agenda of {string.Join(" and ", missing)}, which does not sit in session {session.Id}.",
                    Name(live.Item(item.Id).Status), Name(ItemStatus.Open),
                    Text: ServerPhrases.ItemBodiesNotSitting.With(("item", item.Id), ("bodies", missing), ("session", session.Id))));
            }
        }
        else
        {
            var candidates = meeting.Sessions
                .Where(s => live.Session(s.Id).Status == SessionStatus.InProgress && item.Numbers.Keys.All(s.Seats))
                .ToList();
            if (candidates.Count == 0)
            {
                var bodies = string.Join(" and ", item.Numbers.Keys);
                var why = item.IsJoint
                    ? $"{Capitalize(item.Label)} is a joint item; it is taken up in a joint sitting of {bodies}, and none is in progress."
                    : $"No sitting of {bodies} is in progress; start the session before taking up {item.Label}.";
                var text = item.IsJoint
                    ? ServerPhrases.ItemJointNoSitting.With(("item", item.Id), ("bodies", item.Numbers.Keys))
                    : ServerPhrases.ItemNoSitting.With(("item", item.Id), ("bodies", item.Numbers.Keys));
                return new(null, new Refusal(RefusalKind.IllegalTransition, why, Name(live.Item(item.Id).Status), Name(ItemStatus.Open), Text: text));
            }
            if (candidates.Count > 1)
            {
                return new(null, new Refusal(RefusalKind.Invalid,
                    $"Sessions {string.Join(" and ", candidates.Select(c => c.Id))} are both in progress; say in which one to take up {item.Label} (?session=…).",
                    Text: ServerPhrases.ItemWhichSitting.With(("item", item.Id), ("sessions", candidates.Select(c => c.Id)))));
            }
            session = candidates[0];
        }

        if (live.CurrentItemIn(session.Id) is { } current)
        {
            var currentItem = meeting.FindItem(current)!;
            return new(null, new Refusal(RefusalKind.IllegalTransition,
                $"{Capitalize(currentItem.Label)} is under consideration in session {session.Id}; continue or conclude it before taking up {item.Label}.",
                Name(live.Item(item.Id).Status), Name(ItemStatus.Open),
                Text: ServerPhrases.ItemOtherUnderConsideration.With(("item", item.Id), ("current", currentItem.Id), ("session", session.Id))));
        }
        return new(session.Id, null);
    }

    /// <summary>An item under consideration is continued, concluded, adopted or deferred in the sitting it is open in.</summary>
    private static Sitting SittingItIsOpenIn(Meeting meeting, ItemState state, string? requested)
    {
        if (requested is not null && requested != state.SessionId)
        {
            return meeting.FindSession(requested) is null
                ? new(null, new Refusal(RefusalKind.NotFound, $"This meeting has no session \"{requested}\".", Text: ServerPhrases.NoSuchSession.With(("id", requested))))
                : new(null, new Refusal(RefusalKind.Invalid, $"The item is under consideration in session {state.SessionId}, not {requested}.",
                    Text: ServerPhrases.ItemOpenInOtherSession.With(("session", state.SessionId), ("requested", requested))));
        }
        return new(state.SessionId, null);
    }

    /// <summary>Deferring an item not under consideration: in the named sitting, else the sitting in progress for its bodies, else none.</summary>
    private static Sitting OptionalSitting(Meeting meeting, LiveState live, AgendaItem item, string? requested)
    {
        if (requested is not null)
        {
            return meeting.FindSession(requested) is null
                ? new(null, new Refusal(RefusalKind.NotFound, $"This meeting has no session \"{requested}\".", Text: ServerPhrases.NoSuchSession.With(("id", requested))))
                : new(requested, null);
        }
        var sitting = meeting.Sessions.FirstOrDefault(s => live.Session(s.Id).IsSitting && item.Numbers.Keys.Any(s.Seats));
        return new(sitting?.Id, null);
    }

    private static RulesResult DecideSession(Meeting meeting, LiveState live, SessionCommand command, Context context)
    {
        var session = meeting.FindSession(command.SessionId);
        if (session is null)
        {
            return new Refusal(RefusalKind.NotFound, $"This meeting has no session \"{command.SessionId}\".",
                Text: ServerPhrases.NoSuchSession.With(("id", command.SessionId)));
        }
        var from = live.Session(session.Id).Status;
        var decision = SessionStateMachine.Decide(from, command.Action, session.Id);
        if (decision.Refusal is { } refused)
        {
            return refused;
        }
        var to = decision.Outcome!.Value;

        if (command.Action == SessionAction.Start)
        {
            var busy = meeting.Sessions.FirstOrDefault(s => s.Id != session.Id && live.Session(s.Id).IsSitting && s.Bodies.Any(session.Seats));
            if (busy is not null)
            {
                var body = busy.Bodies.First(session.Seats);
                return new Refusal(RefusalKind.IllegalTransition,
                    $"{body} is sitting in session {busy.Id}; end that sitting before starting session {session.Id}.",
                    Name(from), Name(to), Text: ServerPhrases.SessionBodySitting.With(("body", body), ("busy", busy.Id), ("session", session.Id)));
            }
            if (!command.ConfirmOffDay && OffDay(meeting, session, context.At) is { } offDay)
            {
                return offDay with { From = Name(from), To = Name(to) };
            }
        }

        var entries = new List<LogEntry>();
        var version = context.NextVersion;
        if (command.Action == SessionAction.End && live.CurrentItemIn(session.Id) is { } current)
        {
            // Ending a sitting with an item under consideration continues it: its consideration resumes in a later sitting.
            entries.Add(new LogEntry(version++, context.At, context.CommandId, context.Actor, ChangeSubject.Item, current, session.Id,
                Name(ItemAction.Continue), Name(ItemStatus.Open), Name(ItemStatus.Continued), command.Reason ?? "the sitting ended"));
        }
        entries.Add(new LogEntry(version, context.At, context.CommandId, context.Actor, ChangeSubject.Session, null, session.Id,
            Name(command.Action), Name(from), Name(to), command.Reason));
        return new RulesResult(entries, null);
    }

    /// <summary>
    /// A sitting started on a day other than its planned day (at the venue) is most often the wrong sitting picked, so it
    /// needs the chair's confirmation; checked last, so a start refused for a real reason says that reason.
    /// </summary>
    private static Refusal? OffDay(Meeting meeting, Session session, DateTimeOffset at)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(meeting.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        var planned = DateOnly.FromDateTime(session.LocalStart);
        if (today == planned)
        {
            return null;
        }
        var format = planned.Year == today.Year ? "ddd d MMM" : "ddd d MMM yyyy";
        string Day(DateOnly day) => day.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        return new Refusal(RefusalKind.ConfirmationNeeded,
            $"This sitting is planned for {Day(planned)}; start it now? It is {Day(today)} at the venue. "
            + $"To start session {session.Id} today, send the command again confirmed ({SessionCommand.OffDay}: ?confirm={SessionCommand.OffDay} on the API).",
            Code: SessionCommand.OffDay, Text: ServerPhrases.SessionOffDay.With(("session", session.Id), ("planned", planned), ("today", today)));
    }

    private static string Name<T>(T value) where T : struct, Enum => MeetingOpsJson.Name(value);

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}

/// <summary>The changes a command makes, in order, or why it is refused.</summary>
public sealed record RulesResult(IReadOnlyList<LogEntry> Changes, Refusal? Refusal)
{
    public static implicit operator RulesResult(Refusal refusal) => new([], refusal);
}
