using System.Globalization;
using System.Text;

namespace MeetingOps.Domain.Planning;

/// <summary>
/// A Markdown page comparing strategies for one re-plan: per session what each strategy gives each item,
/// the totals, and what overflows. The secretariat reads it to choose; the docs keep the 2022 sample's.
/// </summary>
public static class HybridTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every session hybrid, capped at <paramref name="capMinutes"/> (two hours when not given), under each strategy.</summary>
    /// <param name="producedBy">The command that produced the page, said at its top so anyone can produce it again.</param>
    public static string ForAllHybrid(Meeting meeting, int? capMinutes = null, string? producedBy = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var plans = Enum.GetValues<PlanStrategy>().Select(s => SchedulePlanner.Plan(meeting, PlanRequest.AllHybrid(meeting, s, capMinutes))).ToList();
        var cap = capMinutes ?? Session.DefaultHybridCapMinutes;
        return Render(meeting, plans, $"{meeting.Title}: every session hybrid, capped at {cap} minutes", producedBy);
    }

    /// <summary>Compares plans of the same meeting and request under different strategies (rows follow the first plan's sessions).</summary>
    public static string Render(Meeting meeting, IReadOnlyList<Plan> plans, string heading, string? producedBy = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentOutOfRangeException.ThrowIfZero(plans.Count);
        var clock = new VenueClock(meeting);
        var planned = PlannedTime.Of(meeting);
        var first = plans[0];
        var md = new StringBuilder();

        md.Append(Invariant, $"# {Cell(heading)}\n\n");
        if (producedBy is not null)
        {
            md.Append(Invariant, $"Produced by `{producedBy}`.\n\n");
        }
        md.Append(Invariant, $"{meeting.Venue}, {meeting.StartDate:d MMMM} to {meeting.EndDate:d MMMM yyyy}. ");
        md.Append(Invariant, $"The organization of work plans {Hours(first.PlannedMinutes)} ({first.PlannedMinutes:N0} minutes) of items in {meeting.Sessions.Count} sessions; ");
        md.Append(Invariant, $"as re-planned, the sessions offer {Hours(first.AvailableMinutes)} ({first.AvailableMinutes:N0} minutes).\n\n");
        md.Append("- **compress**: every item stays in its sessions, its time scaled to the cap (never below a floor per item).\n");
        md.Append("- **reflow**: items keep their planned minutes; each session takes first what the organization of work planned in it, then what is due and not finished, then later items to fill it, each body's items in agenda order; what does not fit overflows.\n");
        md.Append(Invariant, $"- **fit**: reflow after compressing every item by one common factor, just enough to fit, never below a floor per item.\n\n");
        md.Append("In every strategy an item is only placed in sessions where every body of its agenda sits, the opening and the adoption of the agenda come first, ");
        md.Append("the adoption of the report last (in the last session of its bodies, going back into the sessions planned for it when it needs more), ");
        md.Append("the officer's estimates are kept as given, and no session keeps time while an item that could go there overflows.\n\n");

        md.Append("## Totals\n\n| Strategy | Planned | Available | Allocated | Overflow | Overflowing items |\n| --- | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var plan in plans)
        {
            var factor = plan.FitFactor is { } f ? string.Create(Invariant, $" (factor {f:0.###})") : "";
            var overflowing = plan.Overflow.Items.Count == 0 ? "none"
                : string.Join("; ", plan.Overflow.Items.Select(o => $"{Numbering(meeting, o.ItemId)}: {o.Minutes:N0} min"));
            md.Append(Invariant, $"| {Name(plan.Strategy)}{factor} | {plan.PlannedMinutes:N0} | {plan.AvailableMinutes:N0} | {plan.AllocatedMinutes:N0} | {plan.Overflow.Minutes:N0} | {Cell(overflowing)} |\n");
        }

        md.Append("\n## Sessions\n\nMinutes per item in the order the items are taken up; *(continued)* when an item carries over from an earlier session.\n\n");
        md.Append("| Session | Bodies | Available | Organization of work |");
        foreach (var plan in plans)
        {
            md.Append(Invariant, $" {Name(plan.Strategy)} |");
        }
        md.Append("\n| --- | --- | ---: | --- |");
        md.Append(string.Concat(plans.Select(_ => " --- |")));
        md.Append('\n');
        foreach (var session in first.Sessions)
        {
            var bodies = string.Join(", ", meeting.Bodies.Where(b => session.Seats(b.Id)).Select(AgendaWords.ShortName));
            var when = $"{session.SessionId}<br>{session.LocalStart.ToString("ddd d MMM HH:mm", Invariant)}–{session.LocalEnd.ToString("HH:mm", Invariant)}";
            var original = planned.Items
                .SelectMany(i => i.Sessions.Where(s => s.SessionId == session.SessionId).Select(s => (i.ItemId, s.Minutes)))
                .Select(x => (x.ItemId, x.Minutes, Continued: false));
            md.Append(Invariant, $"| {when} | {bodies} | {session.AvailableMinutes} | {Allocations(meeting, OrderedAsPlanned(meeting, session.SessionId, original))} |");
            foreach (var plan in plans)
            {
                var allocations = plan.FindSession(session.SessionId)?.Allocations ?? [];
                md.Append(Invariant, $" {Allocations(meeting, allocations.Select(a => (a.ItemId, a.Minutes, a.Continued)))} |");
            }
            md.Append('\n');
        }
        md.Append(Invariant, $"| **Total** | | **{first.AvailableMinutes:N0}** | **{first.PlannedMinutes:N0} min** |");
        foreach (var plan in plans)
        {
            md.Append(Invariant, $" **{plan.AllocatedMinutes:N0} min**, overflow {plan.Overflow.Minutes:N0} |");
        }
        md.Append('\n');

        md.Append("\n## Items\n\n| Item | Title | Planned |");
        md.Append(string.Concat(plans.Select(p => $" {Name(p.Strategy)} |")));
        md.Append("\n| --- | --- | ---: |");
        md.Append(string.Concat(plans.Select(_ => " ---: |")));
        md.Append('\n');
        foreach (var item in first.Items)
        {
            var agendaItem = meeting.FindItem(item.ItemId)!;
            md.Append(Invariant, $"| {Cell(AgendaWords.Numbering(meeting, agendaItem))} | {Cell(agendaItem.Title)} | {item.PlannedMinutes} |");
            foreach (var plan in plans)
            {
                var p = plan.FindItem(item.ItemId);
                var over = p is { OverflowMinutes: > 0 } ? string.Create(Invariant, $" (+{p.OverflowMinutes} overflow)") : "";
                md.Append(Invariant, $" {p?.AllocatedMinutes ?? 0}{over} |");
            }
            md.Append('\n');
        }
        return md.ToString();
    }

    private static IEnumerable<(string ItemId, int Minutes, bool Continued)> OrderedAsPlanned(Meeting meeting, string sessionId, IEnumerable<(string ItemId, int Minutes, bool Continued)> shares)
    {
        var session = meeting.FindSession(sessionId);
        if (session is null)
        {
            return [];
        }
        var list = shares.ToList();
        return session.Planned.Select(p => list.First(s => s.ItemId == p.Item) with { Continued = p.Continued });
    }

    private static string Allocations(Meeting meeting, IEnumerable<(string ItemId, int Minutes, bool Continued)> allocations)
    {
        var parts = allocations.Select(a => $"{Numbering(meeting, a.ItemId)}: {a.Minutes} min{(a.Continued ? " *(continued)*" : "")}").ToList();
        return parts.Count == 0 ? "—" : Cell(string.Join("<br>", parts));
    }

    private static string Numbering(Meeting meeting, string itemId) =>
        meeting.FindItem(itemId) is { } item ? AgendaWords.Numbering(meeting, item) : itemId;

    private static string Name(PlanStrategy strategy) => MeetingOpsJson.Name(strategy);

    /// <summary>"27 h", "16 h 40 min".</summary>
    private static string Hours(int minutes) => minutes % 60 == 0
        ? string.Create(Invariant, $"{minutes / 60} h")
        : string.Create(Invariant, $"{minutes / 60} h {minutes % 60} min");

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
