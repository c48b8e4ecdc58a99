using System.Globalization;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Domain.Schedule;

/// <summary>What a format change makes: the secretariat's accumulated request, the new plan and its log entries.</summary>
public sealed record ScheduleDecision(PlanRequest? Request, Plan? Plan, IReadOnlyList<LogEntry> Changes, Refusal? Refusal)
{
    public static implicit operator ScheduleDecision(Refusal refusal) => new(null, null, [], refusal);
}

/// <summary>
/// The rules of changing a meeting's schedule while it is prepared or runs: a sitting that has ended keeps its
/// format; one in progress may change format and cap but not its start. The accumulated request is re-planned
/// from the organization of work each time, so the plan never drifts from what the secretariat asked.
/// </summary>
public static class ScheduleRules
{
    public static ScheduleDecision Decide(Meeting meeting, PlanRequest? current, LiveState live, FormatChange change, MeetingRules.Context context)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(context);
        var sessions = Resolve(meeting, current, live, change.Sessions ?? []);
        if (sessions.Count > 0 && change.Format is null)
        {
            return new Refusal(RefusalKind.Invalid, "Say the sessions' new format: inPerson, hybrid or online.", Text: ServerPhrases.ScheduleFormatRequired.With());
        }
        var changes = new Dictionary<string, SessionChange>(current?.Changes ?? new Dictionary<string, SessionChange>(), StringComparer.Ordinal);
        var entries = new List<LogEntry>();
        var version = context.NextVersion;
        foreach (var id in sessions.Distinct(StringComparer.Ordinal))
        {
            if (meeting.FindSession(id) is not { } session)
            {
                if (current?.ExtraSessions?.Any(e => e.Id == id) != true)
                {
                    return new Refusal(RefusalKind.NotFound, $"This meeting has no session \"{id}\".", Text: ServerPhrases.NoSuchSession.With(("id", id)));
                }
                return new Refusal(RefusalKind.Invalid, $"Session \"{id}\" is an extra sitting; change it by sending it again under extraSessions.",
                    Text: ServerPhrases.ScheduleExtraSitting.With(("session", id)));
            }
            var status = live.Session(id).Status;
            if (status == SessionStatus.Ended)
            {
                return new Refusal(RefusalKind.IllegalTransition, $"Session {id} has ended; its format can no longer change.",
                    MeetingOpsJson.Name(status), MeetingOpsJson.Name(status), Text: ServerPhrases.ScheduleSittingEnded.With(("session", id)));
            }
            if (change.Start is not null && status != SessionStatus.Scheduled)
            {
                return new Refusal(RefusalKind.IllegalTransition, $"Session {id} has started; its start time can no longer move.",
                    MeetingOpsJson.Name(status), MeetingOpsJson.Name(status), Text: ServerPhrases.ScheduleSittingStarted.With(("session", id)));
            }
            var before = changes.TryGetValue(id, out var earlier) ? earlier.Format : session.Format;
            var next = new SessionChange(change.Format!.Value, change.CapMinutes, change.Start ?? earlier?.Start);
            changes[id] = next;
            entries.Add(new LogEntry(version++, context.At, context.CommandId, context.Actor, ChangeSubject.Schedule, null, id,
                "format", Name(before), Name(next.Format), Describe(next, change.Strategy)));
        }

        var extra = (current?.ExtraSessions ?? []).Where(e => change.ExtraSessions?.Any(n => n.Id == e.Id) != true).ToList();
        foreach (var added in change.ExtraSessions ?? [])
        {
            extra.Add(added);
            entries.Add(new LogEntry(version++, context.At, context.CommandId, context.Actor, ChangeSubject.Schedule, null, added.Id,
                "add", "", Name(added.Format), $"extra sitting {added.LocalStart:yyyy-MM-dd HH:mm}–{added.LocalEnd:HH:mm} of {string.Join(" and ", added.Bodies)}"));
        }
        foreach (var pin in change.Pins ?? [])
        {
            if (pin?.Session is { } pinned && live.Session(pinned).Status == SessionStatus.Ended && meeting.FindSession(pinned) is not null)
            {
                return new Refusal(RefusalKind.Invalid, $"Session {pinned} has ended; nothing can be pinned to it (pin of \"{pin.Item}\").",
                    Text: ServerPhrases.SchedulePinToEnded.With(("session", pinned), ("item", pin.Item)));
            }
        }
        if (entries.Count == 0)
        {
            entries.Add(new LogEntry(version, context.At, context.CommandId, context.Actor, ChangeSubject.Schedule, null, null,
                "replan", Name(current?.Strategy ?? PlanStrategy.Compress), Name(change.Strategy), DescribePlan(change)));
        }

        var quota = change.InterpretationMinutesPerDay is { } perDay ? (perDay == 0 ? null : perDay) : current?.InterpretationMinutesPerDay;
        var request = new PlanRequest(change.Strategy, changes, change.Estimates ?? current?.Estimates, extra,
            change.FloorMinutes ?? current?.FloorMinutes ?? PlanRequest.DefaultFloorMinutes,
            change.Pins ?? current?.Pins, change.ScaleEstimates ?? current?.ScaleEstimates ?? false, quota);
        var problems = SchedulePlanner.Check(meeting, request);
        if (problems.Count > 0)
        {
            return new Refusal(RefusalKind.Invalid, "The schedule change does not fit the meeting: " + string.Join(" ", problems),
                Text: ServerPhrases.ScheduleDoesNotFit.With(("count", problems.Count)), Problems: problems);
        }
        return new ScheduleDecision(request, SchedulePlanner.Plan(meeting, request), entries, null);
    }

    /// <summary>The word "all" for the sittings that change.</summary>
    public const string AllSessions = "all";

    /// <summary>
    /// ["all"] means every defined sitting not ended at the moment the change is decided (extra sittings change by being
    /// sent again under extraSessions). It is resolved here, not at the edge, so the command's fingerprint is the secretariat's words
    /// and a resend with the same Idempotency-Key replays even after a sitting has ended since.
    /// </summary>
    public static IReadOnlyList<string> Resolve(Meeting meeting, PlanRequest? current, LiveState live, IReadOnlyList<string> sessions)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions is not [AllSessions])
        {
            return sessions;
        }
        return meeting.Sessions.Select(s => s.Id).Where(id => live.Session(id).Status != SessionStatus.Ended).ToList();
    }

    /// <summary>
    /// The meeting as the live rules see it under a plan: each sitting with its new format, cap and times, extra
    /// sittings added, and the items the plan puts in each sitting as its planned items.
    /// </summary>
    public static Meeting Effective(Meeting meeting, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(plan);
        var sessions = plan.Sessions.Select(s => new Session(s.SessionId, s.LocalStart, s.LocalEnd, s.Start, s.End, s.Bodies, s.Format, s.CapMinutes,
            s.Allocations.Select(a => new Definition.PlannedItem(a.ItemId, a.Continued)).ToList(),
            meeting.FindSession(s.SessionId)?.CapFrom ?? Planning.CapFrom.BookedStart)).ToList();
        return meeting with { Sessions = sessions };
    }

    /// <summary>What a re-plan without format changes asks, in words for the log: pins, quota, scaling.</summary>
    private static string? DescribePlan(FormatChange change)
    {
        var parts = new List<string>();
        if (change.Pins is { Count: > 0 } pins)
        {
            parts.Add("pinned " + string.Join(", ", pins.Where(p => p is not null).Select(p => $"{p.Item} to {p.Session}{(p.Minutes is { } m ? $" ({m} minutes)" : "")}")));
        }
        else if (change.Pins is { Count: 0 })
        {
            parts.Add("pins removed");
        }
        if (change.InterpretationMinutesPerDay is { } quota)
        {
            parts.Add(quota == 0 ? "no daily interpretation quota" : $"interpretation at most {quota} minutes a day");
        }
        if (change.ScaleEstimates is { } scale)
        {
            parts.Add(scale ? "estimates may be scaled" : "estimates kept as given");
        }
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Describe(SessionChange change, PlanStrategy strategy)
    {
        var parts = new List<string>();
        if (change.EffectiveCap() is { } cap)
        {
            parts.Add($"capped at {cap} minutes");
        }
        if (change.Start is { } start)
        {
            parts.Add($"starts {start.ToString("HH:mm", CultureInfo.InvariantCulture)}");
        }
        parts.Add($"re-planned by {Name(strategy)}");
        return string.Join("; ", parts);
    }

    private static string Name<T>(T value) where T : struct, Enum => MeetingOpsJson.Name(value);
}
