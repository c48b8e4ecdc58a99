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
        NoSessionOverItsAvailableMinutes(plan);
        TotalsAddUp(plan, placed);
        JointItemsOnlyWhereAllTheirBodiesSit(meeting, plan, placed);
        ContinuedMarksLaterAllocations(plan);
        EachBodysItemsInAgendaOrder(meeting, placed);
        OverflowReportedExactly(plan);
        PlannedMinutesFromTheOrganizationOfWork(meeting, request, planned, shares, plan);
        switch (plan.Strategy)
        {
            case PlanStrategy.Compress:
                CompressScalesEachSession(shares, plan);
                break;
            case PlanStrategy.Reflow:
                Check(plan.Items.All(i => i.TargetMinutes == i.PlannedMinutes), "reflow keeps every item's planned minutes");
                Pinned(meeting, plan, placed);
                ItemsStartOnlyWhenTheOnesBeforeAreFullyPlaced(meeting, plan);
                break;
            default:
                FitCompressesEvenlyAboveTheFloor(request, plan);
                Pinned(meeting, plan, placed);
                ItemsStartOnlyWhenTheOnesBeforeAreFullyPlaced(meeting, plan);
                break;
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
            Check(s.AvailableMinutes == (s.CapMinutes is { } cap ? Math.Min(cap, s.LengthMinutes) : s.LengthMinutes), $"session {s.SessionId}: available = min(length, cap)");
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
    private static void EachBodysItemsInAgendaOrder(Meeting meeting, Dictionary<string, List<(int Session, int Place, Allocation)>> placed)
    {
        foreach (var body in meeting.Bodies)
        {
            (int Session, int Place, Allocation)? last = null;
            string? lastItem = null;
            foreach (var item in meeting.AgendaOf(body.Id))
            {
                if (!placed.TryGetValue(item.Id, out var places))
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

    private static void CompressScalesEachSession(Dictionary<string, List<(PlannedItemTime Item, int Minutes)>> sharesBySession, Plan plan)
    {
        Check(plan.Overflow.Minutes == 0, "compress never overflows");
        foreach (var s in plan.Sessions)
        {
            var shares = (sharesBySession.GetValueOrDefault(s.SessionId) ?? []).Select(x => (x.Item.ItemId, x.Minutes)).ToList();
            var load = shares.Sum(x => x.Minutes);
            var given = s.Allocations.ToDictionary(a => a.ItemId, a => a.Minutes);
            Check(given.Keys.All(id => shares.Any(x => x.ItemId == id)), $"session {s.SessionId}: compress keeps items in their own sessions");
            foreach (var (itemId, minutes) in shares)
            {
                var got = given.GetValueOrDefault(itemId);
                if (load <= s.AvailableMinutes)
                {
                    Check(got == minutes, $"session {s.SessionId}: {itemId} keeps its {minutes} minutes where they fit");
                }
                else
                {
                    var exact = (double)minutes * s.AvailableMinutes / load;
                    Check(got >= Math.Floor(exact) && got <= Math.Floor(exact) + 1, $"session {s.SessionId}: {itemId} scaled to {got}, expected about {exact:0.00}");
                }
            }
            if (load > s.AvailableMinutes)
            {
                Check(s.AllocatedMinutes == s.AvailableMinutes, $"session {s.SessionId}: a compressed session is used to its cap");
            }
        }
        Check(plan.Items.All(i => i.TargetMinutes == i.AllocatedMinutes), "compress's target is what each item gets");
    }

    private static void FitCompressesEvenlyAboveTheFloor(PlanRequest request, Plan plan)
    {
        var floor = request.FloorMinutes;
        var demand = plan.Items.Sum(i => i.PlannedMinutes);
        var floors = plan.Items.Sum(i => Math.Min(floor, i.PlannedMinutes));
        var factor = plan.FitFactor ?? throw new InvalidOperationException("fit reports its factor");
        if (demand <= plan.AvailableMinutes)
        {
            Check(factor == 1 && plan.Items.All(i => i.TargetMinutes == i.PlannedMinutes), "fit leaves items alone when they fit");
        }
        else if (floors >= plan.AvailableMinutes)
        {
            Check(plan.Items.All(i => i.TargetMinutes == Math.Min(floor, i.PlannedMinutes)), "fit puts every item at its floor when the floors do not fit");
        }
        else
        {
            Check(plan.Items.Sum(i => i.TargetMinutes) == plan.AvailableMinutes, "fit compresses just enough to fit the available total");
            foreach (var item in plan.Items)
            {
                var itemFloor = Math.Min(floor, item.PlannedMinutes);
                var exact = item.PlannedMinutes * factor;
                Check(item.TargetMinutes >= itemFloor, $"{item.ItemId}: fit never goes below the floor");
                Check(item.TargetMinutes == itemFloor && exact <= itemFloor + 1e-9 || Math.Abs(item.TargetMinutes - exact) < 1 + 1e-9,
                    $"{item.ItemId}: compressed evenly ({item.TargetMinutes} for {item.PlannedMinutes} × {factor:0.0000})");
            }
        }
        foreach (var item in plan.Items)
        {
            Check(item.AllocatedMinutes >= Math.Min(floor, item.PlannedMinutes) || item.OverflowMinutes > 0, $"{item.ItemId}: at or above the floor, or overflowed");
        }
    }

    /// <summary>Opening and organizational items stay in the first session they were planned in; the report is in the last session where its bodies sit.</summary>
    private static void Pinned(Meeting meeting, Plan plan, Dictionary<string, List<(int Session, int, Allocation)>> placed)
    {
        var plannedIn = meeting.Sessions.ToDictionary(s => s.Id, s => s.Planned.Select(p => p.Item).ToHashSet());
        var plannedItems = plan.Items.Select(i => i.ItemId).ToHashSet();
        foreach (var item in meeting.Items.Where(i => Opening.Contains(i.Kind) || i.Kind == ItemKind.Report))
        {
            var sessions = PlacesOf(placed, item.Id).Select(x => plan.Sessions[x.Session].SessionId).ToList();
            if (Opening.Contains(item.Kind))
            {
                var first = plan.Sessions.FirstOrDefault(s => !s.Extra && plannedIn[s.SessionId].Contains(item.Id));
                Check(sessions.All(s => s == first?.SessionId), $"{item.Id} stays in the first session it was planned in ({first?.SessionId}), found in {string.Join(", ", sessions)}");
            }
            else if (item.Kind == ItemKind.Report && plannedItems.Contains(item.Id))
            {
                var last = plan.Sessions.LastOrDefault(s => item.Numbers.Keys.All(s.Seats));
                Check(sessions.All(s => s == last?.SessionId), $"{item.Id} is adopted in the last session of its bodies ({last?.SessionId}), found in {string.Join(", ", sessions)}");
            }
        }
    }

    /// <summary>A flowing item is only taken up once every flowing item before it on its bodies' agendas is fully placed.</summary>
    private static void ItemsStartOnlyWhenTheOnesBeforeAreFullyPlaced(Meeting meeting, Plan plan)
    {
        var planItems = plan.Items.ToDictionary(i => i.ItemId);
        foreach (var body in meeting.Bodies)
        {
            var overflowed = false;
            string? blocker = null;
            foreach (var item in meeting.AgendaOf(body.Id))
            {
                if (!planItems.TryGetValue(item.Id, out var planned) || Opening.Contains(item.Kind) || item.Kind == ItemKind.Report)
                {
                    continue;
                }
                if (overflowed)
                {
                    Check(planned.AllocatedMinutes == 0, $"{body.Id}: {item.Id} is taken up though {blocker} before it is not fully placed");
                }
                if (planned.OverflowMinutes > 0)
                {
                    overflowed = true;
                    blocker ??= item.Id;
                }
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
