using MeetingOps.Domain;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Planning.Tests;

/// <summary>
/// What every plan promises, checked against the meeting and the request it was made from. Each check throws with
/// what broke, so a failing property names the invariant, the session and the item.
/// </summary>
public static class PlanInvariants
{
    private static readonly ItemKind[] Opening = [ItemKind.Organizational, ItemKind.Opening, ItemKind.Agenda];

    public static void Hold(Meeting meeting, PlanRequest request, Plan plan)
    {
        var planned = PlannedTime.Of(meeting, request.Estimates);
        var placed = Placed(plan);
        var shares = SharesBySession(planned);
        var pinned = (request.Pins ?? []).Select(p => p.Item).ToHashSet();
        NoSessionOverItsAvailableMinutes(plan);
        WithinTheInterpretationQuota(request, plan);
        TotalsAddUp(plan, placed);
        JointItemsOnlyWhereAllTheirBodiesSit(meeting, plan, placed);
        ContinuedMarksLaterAllocations(plan);
        EachBodysItemsInAgendaOrder(meeting, placed, pinned);
        OverflowReportedExactly(plan);
        OverflowNamedInAWarning(meeting, plan);
        PlannedMinutesFromTheOrganizationOfWork(meeting, request, planned, shares, plan);
        PinsHonoured(request, plan, placed);
        EstimatesKeptUnlessToldToScale(request, planned, plan, pinned);
        OpeningFirstReportLast(meeting, plan, placed, pinned);
        OpeningAndReportGiveWayLast(meeting, plan, placed, pinned);
        NoRoomLeftWhereAnOverflowingItemCouldGo(meeting, plan, placed, pinned);
        switch (plan.Strategy)
        {
            case PlanStrategy.Compress:
                CompressKeepsItemsInTheirSessions(shares, plan, pinned);
                break;
            case PlanStrategy.Reflow:
                Check(plan.Items.Where(i => !pinned.Contains(i.ItemId)).All(i => i.TargetMinutes == i.PlannedMinutes), "reflow keeps every item's planned minutes");
                Pinned(meeting, plan, placed, pinned);
                ContinuedInConsecutiveSittingsWherePossible(meeting, plan, placed, pinned);
                break;
            default:
                if (pinned.Count == 0)
                {
                    FitCompressesEvenlyAboveTheFloor(request, planned, plan);
                }
                Pinned(meeting, plan, placed, pinned);
                ContinuedInConsecutiveSittingsWherePossible(meeting, plan, placed, pinned);
                break;
        }
    }

    private static bool IsOpening(AgendaItem item) => Opening.Contains(item.Kind);

    /// <summary>Items the strategy places itself: not the opening, the report or an item pinned by hand.</summary>
    private static bool Flowing(AgendaItem item, HashSet<string> pinned) => !IsOpening(item) && item.Kind != ItemKind.Report && !pinned.Contains(item.Id);

    private static void WithinTheInterpretationQuota(PlanRequest request, Plan plan)
    {
        if (request.InterpretationMinutesPerDay is not { } quota)
        {
            return;
        }
        foreach (var day in plan.Sessions.Where(s => s.Format is SessionFormat.Hybrid or SessionFormat.Online).GroupBy(s => s.LocalStart.Date))
        {
            Check(day.Sum(s => s.AvailableMinutes) <= quota, $"{day.Key:yyyy-MM-dd}: {day.Sum(s => s.AvailableMinutes)} minutes of interpretation, over the quota of {quota}");
        }
        foreach (var s in plan.Sessions.Where(s => s.AvailableMinutes < (s.CapMinutes is { } cap ? Math.Min(cap, s.LengthMinutes) : s.LengthMinutes)))
        {
            Check(plan.Warnings?.Any(w => w.Kind == ForecastWarningKind.InterpretationQuota && w.SessionId == s.SessionId) == true, $"session {s.SessionId}: shortened by the quota without a warning");
        }
    }

    private static void OverflowNamedInAWarning(Meeting meeting, Plan plan)
    {
        if (plan.Overflow.Minutes == 0)
        {
            return;
        }
        var warning = plan.Warnings?.FirstOrDefault(w => w.Kind == ForecastWarningKind.NotPlaced);
        Check(warning is not null, $"{plan.Overflow.Minutes} minutes overflow without a warning");
        Check(warning!.Message.Contains($"{plan.Overflow.Minutes} minute", StringComparison.Ordinal), $"the warning names the {plan.Overflow.Minutes} minutes: {warning.Message}");
        foreach (var o in plan.Overflow.Items)
        {
            var label = AgendaWords.Label(meeting, meeting.FindItem(o.ItemId)!);
            Check(warning.Message.Contains($"{label}, {o.Minutes} minute", StringComparison.Ordinal), $"the warning names {label} and its {o.Minutes} minutes: {warning.Message}");
        }
    }

    private static void PinsHonoured(PlanRequest request, Plan plan, Dictionary<string, List<(int Session, int Place, Allocation Allocation)>> placed)
    {
        foreach (var group in (request.Pins ?? []).GroupBy(p => p.Item))
        {
            var sessions = group.Select(p => p.Session).ToHashSet();
            var places = PlacesOf(placed, group.Key);
            Check(places.All(x => sessions.Contains(plan.Sessions[x.Session].SessionId)), $"pinned {group.Key} placed only where pinned");
            foreach (var pin in group.Where(p => p.Minutes is not null))
            {
                var got = places.Where(x => plan.Sessions[x.Session].SessionId == pin.Session).Sum(x => x.Allocation.Minutes);
                Check(got == pin.Minutes, $"pinned {pin.Item} gets its {pin.Minutes} minutes in {pin.Session}, found {got}");
            }
        }
    }

    private static void EstimatesKeptUnlessToldToScale(PlanRequest request, PlannedTime planned, Plan plan, HashSet<string> pinned)
    {
        if (request.ScaleEstimates)
        {
            return;
        }
        foreach (var item in planned.Items.Where(i => i.Estimated && !pinned.Contains(i.ItemId)))
        {
            Check(plan.FindItem(item.ItemId)!.TargetMinutes == item.Minutes, $"{item.ItemId}: the estimate of {item.Minutes} minutes is kept (target {plan.FindItem(item.ItemId)!.TargetMinutes})");
        }
    }

    /// <summary>No item of a body before its opening (nor before it in the same sitting), none after its report's first sitting (nor after it there).</summary>
    private static void OpeningFirstReportLast(Meeting meeting, Plan plan, Dictionary<string, List<(int Session, int Place, Allocation Allocation)>> placed, HashSet<string> pinned)
    {
        foreach (var fixedItem in meeting.Items.Where(i => (IsOpening(i) || i.Kind == ItemKind.Report) && placed.ContainsKey(i.Id) && !pinned.Contains(i.Id)))
        {
            var places = placed[fixedItem.Id];
            foreach (var other in meeting.Items.Where(i => Flowing(i, pinned) && i.Numbers.Keys.Any(fixedItem.Numbers.ContainsKey)))
            {
                foreach (var x in PlacesOf(placed, other.Id))
                {
                    if (IsOpening(fixedItem))
                    {
                        var last = places[^1];
                        Check(x.Session > last.Session || x.Session == last.Session && x.Place > last.Place, $"{other.Id} is placed before {fixedItem.Id} in {plan.Sessions[x.Session].SessionId}");
                    }
                    else
                    {
                        var first = places[0];
                        Check(x.Session < first.Session || x.Session == first.Session && x.Place < first.Place, $"{other.Id} is placed after {fixedItem.Id} in {plan.Sessions[x.Session].SessionId}");
                    }
                }
            }
        }
    }

    /// <summary>The opening and the report overflow only where everything in their sittings is the opening, a report or a pin.</summary>
    private static void OpeningAndReportGiveWayLast(Meeting meeting, Plan plan, Dictionary<string, List<(int Session, int Place, Allocation Allocation)>> placed, HashSet<string> pinned)
    {
        var items = meeting.Items.ToDictionary(i => i.Id);
        foreach (var item in plan.Items.Where(i => i.OverflowMinutes > 0 && !pinned.Contains(i.ItemId)).Select(i => items[i.ItemId]).Where(i => !Flowing(i, pinned)))
        {
            var sessions = PlacesOf(placed, item.Id).Select(x => x.Session).ToList();
            if (plan.Strategy != PlanStrategy.Compress && sessions.Count == 0 && item.Kind == ItemKind.Report)
            {
                var last = plan.Sessions.Select((s, k) => (s, k)).LastOrDefault(x => item.Numbers.Keys.All(x.s.Seats));
                if (last.s is not null)
                {
                    sessions.Add(last.k);
                }
            }
            foreach (var c in sessions)
            {
                var s = plan.Sessions[c];
                Check(s.AllocatedMinutes == s.AvailableMinutes, $"{item.Id} overflows though session {s.SessionId} has room");
                Check(s.Allocations.All(a => !Flowing(items[a.ItemId], pinned)), $"{item.Id} overflows while other items in {s.SessionId} could give way");
            }
        }
    }

    /// <summary>Whether a flowing item could take minutes in a session: its bodies sit, after its bodies' opening, not after their report, agenda order kept.</summary>
    private static bool CouldGo(Meeting meeting, Plan plan, Dictionary<string, List<(int Session, int Place, Allocation Allocation)>> placed, HashSet<string> pinned, AgendaItem item, int c)
    {
        var s = plan.Sessions[c];
        if (!item.Numbers.Keys.All(s.Seats))
        {
            return false;
        }
        foreach (var other in meeting.Items.Where(i => i.Id != item.Id && !pinned.Contains(i.Id) && i.Numbers.Keys.Any(item.Numbers.ContainsKey)))
        {
            if (!placed.TryGetValue(other.Id, out var places))
            {
                continue;
            }
            if (IsOpening(other) && places[^1].Session > c || other.Kind == ItemKind.Report && places[0].Session < c)
            {
                return false;
            }
        }
        foreach (var body in item.Numbers.Keys)
        {
            var before = true;
            foreach (var other in meeting.AgendaOf(body))
            {
                if (other.Id == item.Id)
                {
                    before = false;
                    continue;
                }
                if (!Flowing(other, pinned) || !placed.TryGetValue(other.Id, out var places))
                {
                    continue;
                }
                if (before ? places[^1].Session > c : places[0].Session < c)
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static void NoRoomLeftWhereAnOverflowingItemCouldGo(Meeting meeting, Plan plan, Dictionary<string, List<(int Session, int Place, Allocation Allocation)>> placed, HashSet<string> pinned)
    {
        foreach (var overflowing in plan.Items.Where(i => i.OverflowMinutes > 0).Select(i => meeting.FindItem(i.ItemId)!).Where(i => Flowing(i, pinned)))
        {
            for (var c = 0; c < plan.Sessions.Count; c++)
            {
                var s = plan.Sessions[c];
                Check(s.AllocatedMinutes == s.AvailableMinutes || !CouldGo(meeting, plan, placed, pinned, overflowing, c),
                    $"session {s.SessionId} keeps {s.AvailableMinutes - s.AllocatedMinutes} minutes while {overflowing.Id}, which could go there, overflows");
            }
        }
    }

    /// <summary>Between two sittings that take up an item, every sitting of its bodies where it could go is full.</summary>
    private static void ContinuedInConsecutiveSittingsWherePossible(Meeting meeting, Plan plan, Dictionary<string, List<(int Session, int Place, Allocation Allocation)>> placed, HashSet<string> pinned)
    {
        foreach (var item in meeting.Items.Where(i => Flowing(i, pinned) && placed.ContainsKey(i.Id)))
        {
            var places = placed[item.Id];
            for (var c = places[0].Session + 1; c < places[^1].Session; c++)
            {
                var s = plan.Sessions[c];
                if (places.Any(x => x.Session == c) || !item.Numbers.Keys.All(s.Seats))
                {
                    continue;
                }
                Check(s.AllocatedMinutes == s.AvailableMinutes || !CouldGo(meeting, plan, placed, pinned, item, c),
                    $"{item.Id} skips session {s.SessionId} of its bodies, which has {s.AvailableMinutes - s.AllocatedMinutes} minutes left");
            }
        }
    }

    /// <summary>Compress: an item goes outside its planned sessions only with what did not fit in them; a session whose items fit and has no pins keeps them as planned.</summary>
    private static void CompressKeepsItemsInTheirSessions(Dictionary<string, List<(PlannedItemTime Item, int Minutes)>> sharesBySession, Plan plan, HashSet<string> pinned)
    {
        foreach (var s in plan.Sessions)
        {
            var shares = (sharesBySession.GetValueOrDefault(s.SessionId) ?? []).Where(x => !pinned.Contains(x.Item.ItemId)).Select(x => (x.Item.ItemId, x.Minutes)).ToList();
            var load = shares.Sum(x => x.Minutes);
            var given = s.Allocations.ToDictionary(a => a.ItemId, a => a.Minutes);
            // Unless an opening or report that did not fit in another of its sessions took the room (they give way last).
            var plannedHere = shares.ToDictionary(x => x.ItemId, x => x.Minutes);
            var fixedMovedIn = s.Allocations.Any(a => a.Minutes > plannedHere.GetValueOrDefault(a.ItemId) && !shares.All(x => x.ItemId != a.ItemId));
            if (load <= s.AvailableMinutes && !fixedMovedIn && !s.Allocations.Any(a => pinned.Contains(a.ItemId)))
            {
                foreach (var (itemId, minutes) in shares)
                {
                    Check(given.GetValueOrDefault(itemId) >= minutes, $"session {s.SessionId}: {itemId} keeps its {minutes} minutes where they fit");
                }
            }
        }
    }

    /// <summary>Where each item is placed: (session index, place in the session, allocation), in plan order.</summary>
    private static Dictionary<string, List<(int Session, int Place, Allocation Allocation)>> Placed(Plan plan)
    {
        var placed = new Dictionary<string, List<(int, int, Allocation)>>();
        for (var c = 0; c < plan.Sessions.Count; c++)
        {
            for (var p = 0; p < plan.Sessions[c].Allocations.Count; p++)
            {
                var a = plan.Sessions[c].Allocations[p];
                if (!placed.TryGetValue(a.ItemId, out var list))
                {
                    placed[a.ItemId] = list = [];
                }
                list.Add((c, p, a));
            }
        }
        return placed;
    }

    private static List<(int Session, int Place, Allocation Allocation)> PlacesOf(Dictionary<string, List<(int, int, Allocation)>> placed, string itemId) =>
        placed.TryGetValue(itemId, out var list) ? list : [];

    /// <summary>The organization of work's minutes per session: (item, minutes) in planned order.</summary>
    private static Dictionary<string, List<(PlannedItemTime Item, int Minutes)>> SharesBySession(PlannedTime planned)
    {
        var shares = new Dictionary<string, List<(PlannedItemTime, int)>>();
        foreach (var item in planned.Items)
        {
            foreach (var share in item.Sessions)
            {
                if (!shares.TryGetValue(share.SessionId, out var list))
                {
                    shares[share.SessionId] = list = [];
                }
                list.Add((item, share.Minutes));
            }
        }
        return shares;
    }

    private static void NoSessionOverItsAvailableMinutes(Plan plan)
    {
        foreach (var s in plan.Sessions)
        {
            Check(s.AvailableMinutes <= (s.CapMinutes is { } cap ? Math.Min(cap, s.LengthMinutes) : s.LengthMinutes), $"session {s.SessionId}: available ≤ min(length, cap)");
            Check(s.Allocations.All(a => a.Minutes > 0), $"session {s.SessionId}: every allocation has minutes");
            Check(s.AllocatedMinutes == s.Allocations.Sum(a => a.Minutes), $"session {s.SessionId}: allocated minutes add up");
            Check(s.AllocatedMinutes <= s.AvailableMinutes, $"session {s.SessionId}: {s.AllocatedMinutes} allocated, over its {s.AvailableMinutes} available minutes");
            Check(s.End == s.Start.AddMinutes(s.AvailableMinutes), $"session {s.SessionId}: ends its available minutes after it starts");
            Check(s.Allocations.Select(a => a.ItemId).Distinct().Count() == s.Allocations.Count, $"session {s.SessionId}: an item is allocated once per session");
        }
        for (var c = 1; c < plan.Sessions.Count; c++)
        {
            Check(plan.Sessions[c - 1].Start <= plan.Sessions[c].Start, "sessions in chronological order");
        }
    }

    private static void TotalsAddUp(Plan plan, Dictionary<string, List<(int, int, Allocation)>> placed)
    {
        foreach (var item in plan.Items)
        {
            var allocated = PlacesOf(placed, item.ItemId).Sum(x => x.Allocation.Minutes);
            Check(item.AllocatedMinutes == allocated, $"{item.ItemId}: allocated minutes add up ({item.AllocatedMinutes} vs {allocated})");
            Check(item.AllocatedMinutes + item.OverflowMinutes == item.TargetMinutes, $"{item.ItemId}: allocated + overflow = target");
        }
        Check(plan.AllocatedMinutes == plan.Sessions.Sum(s => s.AllocatedMinutes), "plan's allocated minutes add up");
        Check(plan.AvailableMinutes == plan.Sessions.Sum(s => s.AvailableMinutes), "plan's available minutes add up");
        Check(plan.PlannedMinutes == plan.Items.Sum(i => i.PlannedMinutes), "plan's planned minutes add up");
        var known = plan.Items.Select(i => i.ItemId).ToHashSet();
        Check(placed.Keys.All(known.Contains), "only planned items are allocated");
    }

    private static void JointItemsOnlyWhereAllTheirBodiesSit(Meeting meeting, Plan plan, Dictionary<string, List<(int, int, Allocation)>> placed)
    {
        var items = meeting.Items.ToDictionary(i => i.Id);
        foreach (var s in plan.Sessions)
        {
            foreach (var a in s.Allocations)
            {
                var item = items[a.ItemId];
                Check(item.Numbers.Keys.All(s.Seats), $"{a.ItemId} is allocated in session {s.SessionId}, where not all its bodies sit");
            }
        }
        // Seen from each body's agenda, a joint item has the same sessions and minutes.
        foreach (var item in meeting.Items.Where(i => i.IsJoint))
        {
            var views = item.Numbers.Keys.Select(body => string.Join(";", PlacesOf(placed, item.Id)
                .Where(x => plan.Sessions[x.Session].Seats(body))
                .Select(x => $"{plan.Sessions[x.Session].SessionId}:{x.Allocation.Minutes}"))).Distinct().ToList();
            Check(views.Count == 1, $"joint {item.Id} differs between its bodies: {string.Join(" | ", views)}");
        }
    }

    private static void ContinuedMarksLaterAllocations(Plan plan)
    {
        var seen = new HashSet<string>();
        foreach (var a in plan.Sessions.SelectMany(s => s.Allocations))
        {
            Check(a.Continued == !seen.Add(a.ItemId), $"{a.ItemId}: continued exactly on its later allocations");
        }
    }

    /// <summary>Per body, an item's allocations all come after those of the items before it on that body's agenda.</summary>
    private static void EachBodysItemsInAgendaOrder(Meeting meeting, Dictionary<string, List<(int Session, int Place, Allocation)>> placed, HashSet<string> pinned)
    {
        foreach (var body in meeting.Bodies)
        {
            (int Session, int Place, Allocation)? last = null;
            string? lastItem = null;
            foreach (var item in meeting.AgendaOf(body.Id))
            {
                if (!placed.TryGetValue(item.Id, out var places) || pinned.Contains(item.Id))
                {
                    continue;
                }
                if (last is { } l)
                {
                    var first = places[0];
                    Check(first.Session > l.Session || first.Session == l.Session && first.Place > l.Place,
                        $"{body.Id}: {item.Id} is placed before {lastItem}, which comes before it on the agenda");
                }
                last = places[^1];
                lastItem = item.Id;
            }
        }
    }

    private static void OverflowReportedExactly(Plan plan)
    {
        var overflowing = plan.Items.Where(i => i.OverflowMinutes > 0).Select(i => (i.ItemId, i.OverflowMinutes)).ToList();
        Check(plan.Overflow.Items.Select(o => (o.ItemId, o.Minutes)).SequenceEqual(overflowing), "overflow lists exactly the items that overflow, in agenda order");
        Check(plan.Overflow.Minutes == plan.Overflow.Items.Sum(o => o.Minutes), "overflow minutes = sum of its items");
        Check(plan.Overflow.Minutes == plan.Items.Sum(i => i.TargetMinutes) - plan.AllocatedMinutes, "overflow = demand - allocated");
    }

    private static void PlannedMinutesFromTheOrganizationOfWork(Meeting meeting, PlanRequest request, PlannedTime planned,
        Dictionary<string, List<(PlannedItemTime Item, int Minutes)>> sharesBySession, Plan plan)
    {
        Check(plan.Items.Select(i => (i.ItemId, i.PlannedMinutes)).SequenceEqual(planned.Items.Select(i => (i.ItemId, i.Minutes))), "planned minutes are the organization of work's");
        var estimates = request.Estimates ?? new Dictionary<string, int>();
        foreach (var item in planned.Items.Where(i => i.Estimated))
        {
            Check(item.Minutes == estimates[item.ItemId], $"{item.ItemId}: an estimate is used as given");
        }
        foreach (var session in meeting.Sessions.Where(s => s.Planned.Count > 0))
        {
            var length = (int)(session.End - session.Start).TotalMinutes;
            var shares = sharesBySession.GetValueOrDefault(session.Id) ?? [];
            var estimatedPart = shares.Where(x => x.Item.Estimated).Sum(x => x.Minutes);
            var others = shares.Where(x => !x.Item.Estimated).ToList();
            if (others.Count > 0)
            {
                Check(others.Sum(x => x.Minutes) == Math.Max(0, length - estimatedPart), $"session {session.Id}: the others share the rest of its {length} minutes");
                Check(others.Max(x => x.Minutes) - others.Min(x => x.Minutes) <= 1, $"session {session.Id}: equal shares");
            }
        }
    }

    /// <summary>Fit compresses the items without a kept estimate by one factor into what the kept estimates leave.</summary>
    private static void FitCompressesEvenlyAboveTheFloor(PlanRequest request, PlannedTime planned, Plan plan)
    {
        var floor = request.FloorMinutes;
        var kept = planned.Items.Where(i => i.Estimated && !request.ScaleEstimates).Select(i => i.ItemId).ToHashSet();
        var scalable = plan.Items.Where(i => !kept.Contains(i.ItemId)).ToList();
        var available = Math.Max(0, plan.AvailableMinutes - plan.Items.Where(i => kept.Contains(i.ItemId)).Sum(i => i.PlannedMinutes));
        var demand = scalable.Sum(i => i.PlannedMinutes);
        var floors = scalable.Sum(i => Math.Min(floor, i.PlannedMinutes));
        var factor = plan.FitFactor ?? throw new InvalidOperationException("fit reports its factor");
        if (demand <= available)
        {
            Check(factor == 1 && scalable.All(i => i.TargetMinutes == i.PlannedMinutes), "fit leaves items alone when they fit");
        }
        else if (floors >= available)
        {
            Check(scalable.All(i => i.TargetMinutes == Math.Min(floor, i.PlannedMinutes)), "fit puts every item at its floor when the floors do not fit");
        }
        else
        {
            Check(scalable.Sum(i => i.TargetMinutes) == available, "fit compresses just enough to fit the available total");
            foreach (var item in scalable)
            {
                var itemFloor = Math.Min(floor, item.PlannedMinutes);
                var exact = item.PlannedMinutes * factor;
                Check(item.TargetMinutes >= itemFloor, $"{item.ItemId}: fit never goes below the floor");
                Check(item.TargetMinutes == itemFloor && exact <= itemFloor + 1e-9 || Math.Abs(item.TargetMinutes - exact) < 1 + 1e-9,
                    $"{item.ItemId}: compressed evenly ({item.TargetMinutes} for {item.PlannedMinutes} × {factor:0.0000})");
            }
        }
        foreach (var item in scalable)
        {
            Check(item.AllocatedMinutes >= Math.Min(floor, item.PlannedMinutes) || item.OverflowMinutes > 0, $"{item.ItemId}: at or above the floor, or overflowed");
        }
    }

    /// <summary>Opening and organizational items stay in the first session they were planned in; the report is in the last session where its bodies sit.</summary>
    private static void Pinned(Meeting meeting, Plan plan, Dictionary<string, List<(int Session, int, Allocation)>> placed, HashSet<string> pinned)
    {
        var plannedIn = meeting.Sessions.ToDictionary(s => s.Id, s => s.Planned.Select(p => p.Item).ToHashSet());
        var plannedItems = plan.Items.Select(i => i.ItemId).ToHashSet();
        foreach (var item in meeting.Items.Where(i => (Opening.Contains(i.Kind) || i.Kind == ItemKind.Report) && !pinned.Contains(i.Id)))
        {
            var sessions = PlacesOf(placed, item.Id).Select(x => plan.Sessions[x.Session].SessionId).ToList();
            if (Opening.Contains(item.Kind))
            {
                var first = plan.Sessions.FirstOrDefault(s => !s.Extra && plannedIn[s.SessionId].Contains(item.Id));
                Check(sessions.All(s => s == first?.SessionId), $"{item.Id} stays in the first session it was planned in ({first?.SessionId}), found in {string.Join(", ", sessions)}");
            }
            else if (item.Kind == ItemKind.Report && plannedItems.Contains(item.Id))
            {
                // The last session of its bodies, and going back the sessions the organization of work gave it.
                var last = plan.Sessions.LastOrDefault(s => item.Numbers.Keys.All(s.Seats));
                var allowed = plannedIn.Where(p => p.Value.Contains(item.Id)).Select(p => p.Key).Append(last?.SessionId).ToHashSet();
                Check(sessions.All(allowed.Contains), $"{item.Id} is adopted in the last session of its bodies ({last?.SessionId}) or where planned, found in {string.Join(", ", sessions)}");
            }
        }
    }

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvariantBroken(what);
        }
    }
}

public sealed class InvariantBroken(string message) : Exception(message);
