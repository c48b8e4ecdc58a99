namespace MeetingOps.Domain.Planning;

/// <summary>
/// A re-plan proposed but not published (<c>?dryRun=true</c>): the plan as it would be, what would not fit, the
/// warnings the officer must read before publishing, and how it differs from the plan in force. The meeting's version
/// is the one the proposal was made against; publishing with If-Match on it makes sure nothing moved in between.
/// </summary>
public sealed record PlanProposal(
    long Version,
    string TimeZone,
    Plan Current,
    Plan Proposed,
    Overflow Overflow,
    IReadOnlyList<ForecastWarning> Warnings,
    PlanDifference Difference);

/// <summary>Where items move between the plan in force and a proposed one, in agenda order, and the overflow before and after.</summary>
public sealed record PlanDifference(int OverflowBefore, int OverflowAfter, IReadOnlyList<ItemMove> Items)
{
    public bool IsEmpty => OverflowBefore == OverflowAfter && Items.Count == 0;
}

/// <summary>
/// One item whose place or time changes: the sittings that take it up and the minutes it gets, before and after.
/// <see cref="Text"/> says it in words ("Item 2 of WG.3: Monday 23 May morning (60 minutes) → not yet placed").
/// </summary>
public sealed record ItemMove(string ItemId, IReadOnlyList<string> SessionsBefore, IReadOnlyList<string> SessionsAfter,
    int MinutesBefore, int MinutesAfter, string Text);

public static class PlanComparison
{
    /// <summary>The items whose sittings or minutes differ between two plans of one meeting.</summary>
    public static PlanDifference Between(Meeting meeting, Plan current, Plan proposed)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        var moves = new List<ItemMove>();
        foreach (var item in meeting.Items)
        {
            var (before, minutesBefore) = Placement(current, item.Id);
            var (after, minutesAfter) = Placement(proposed, item.Id);
            if (before.SequenceEqual(after, StringComparer.Ordinal) && minutesBefore == minutesAfter)
            {
                continue;
            }
            var text = $"{AgendaWords.CapitalLabel(meeting, item)}: {Where(current, before, minutesBefore)} → {Where(proposed, after, minutesAfter)}";
            moves.Add(new ItemMove(item.Id, before, after, minutesBefore, minutesAfter, text));
        }
        return new PlanDifference(current.Overflow.Minutes, proposed.Overflow.Minutes, moves);
    }

    /// <summary>
    /// The warning every plan with overflow carries, naming the items and their minutes in agenda order:
    /// "Not yet placed: 90 minutes (item 4 of WG.3, 60 minutes; item 5 of WG.3, 30 minutes)". Null when all fits.
    /// </summary>
    public static ForecastWarning? OverflowWarning(Meeting meeting, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Overflow.Minutes <= 0)
        {
            return null;
        }
        var parts = plan.Overflow.Items
            .Select(o => $"{(meeting.FindItem(o.ItemId) is { } item ? AgendaWords.Label(meeting, item) : o.ItemId)}, {Minutes(o.Minutes)}");
        return new ForecastWarning(ForecastWarningKind.NotPlaced, null, null,
            $"Not yet placed: {Minutes(plan.Overflow.Minutes)} ({string.Join("; ", parts)}). Add a sitting, pin items or re-plan before publishing.",
            ServerPhrases.WarnNotPlaced.With(("totalMinutes", plan.Overflow.Minutes), ("items", plan.Overflow.Items.Select(o => o.ItemId))));
    }

    /// <summary>The warnings a plan carries: what is not yet placed, then each sitting the daily interpretation quota shortens.</summary>
    internal static List<ForecastWarning> PlanWarnings(Meeting meeting, Plan plan, IReadOnlyList<Sitting> sittings)
    {
        var warnings = new List<ForecastWarning>();
        if (OverflowWarning(meeting, plan) is { } overflow)
        {
            warnings.Add(overflow);
        }
        foreach (var s in sittings.Where(s => s.QuotaCut > 0))
        {
            var name = plan.FindSession(s.Id) is { } session ? SittingName(session) : s.Id;
            var message = s.Available == 0
                ? $"{Capital(name)}: no interpretation left within the daily quota; nothing can be planned in it unless the quota or another sitting of the day changes."
                : $"{Capital(name)}: {Minutes(s.Available)} of interpretation instead of {Minutes(s.Available + s.QuotaCut)}, to keep within the daily quota.";
            var text = s.Available == 0
                ? ServerPhrases.WarnQuotaNone.With(("session", s.Id))
                : ServerPhrases.WarnQuotaShortened.With(("session", s.Id), ("availableMinutes", s.Available), ("plannedMinutes", s.Available + s.QuotaCut));
            warnings.Add(new ForecastWarning(ForecastWarningKind.InterpretationQuota, s.Id, null, message, text));
        }
        return warnings;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static (List<string> Sessions, int Minutes) Placement(Plan plan, string itemId)
    {
        var sessions = plan.Sessions.Where(s => s.Allocations.Any(a => a.ItemId == itemId && a.Minutes > 0)).Select(s => s.SessionId).ToList();
        var minutes = plan.Sessions.SelectMany(s => s.Allocations).Where(a => a.ItemId == itemId).Sum(a => a.Minutes);
        return (sessions, minutes);
    }

    private static string Where(Plan plan, IReadOnlyList<string> sessions, int minutes)
    {
        if (sessions.Count == 0)
        {
            return "not yet placed";
        }
        var names = sessions.Select(id => plan.FindSession(id) is { } s ? SittingName(s) : id);
        return $"{string.Join(", ", names)} ({Minutes(minutes)})";
    }

    /// <summary>"Monday 23 May morning", as the secretariat names a sitting.</summary>
    public static string SittingName(PlanSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var part = session.LocalStart.Hour < 13 ? "morning" : session.LocalStart.Hour < 18 ? "afternoon" : "evening";
        return session.LocalStart.ToString($"dddd d MMMM '{part}'", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Minutes(int minutes) => minutes == 1 ? "1 minute" : $"{minutes} minutes";
}
