using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Planning;

/// <summary>
/// Re-plans the organization of work when sessions change format, cap or start time, or sittings are added:
/// the strategy the secretariat chooses says how items' time is adjusted (see <see cref="PlanStrategy"/>).
/// Pure and deterministic: the same meeting and request give the same plan.
/// </summary>
public static class SchedulePlanner
{
    /// <summary>What is wrong with a request for this meeting, with where; empty when it can be planned.</summary>
    public static IReadOnlyList<DefinitionProblem> Check(Meeting meeting, PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(request);
        return PlanRequestCheck.Problems(meeting, request, new VenueClock(meeting), out _);
    }

    /// <summary>The organization of work as it stands: every item in the sessions it is planned in, scaled only where a session's own cap is shorter than its items need.</summary>
    public static Plan Plan(Meeting meeting) => Plan(meeting, new PlanRequest(PlanStrategy.Compress));

    /// <exception cref="ArgumentException">The request does not fit the meeting; <see cref="Check"/> says why and where.</exception>
    public static Plan Plan(Meeting meeting, PlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(request);
        var problems = PlanRequestCheck.Problems(meeting, request, new VenueClock(meeting), out var laidOut);
        if (problems.Count > 0 || laidOut is not { } sittings)
        {
            throw new ArgumentException("The re-plan request does not fit the meeting: " + string.Join(" ", problems), nameof(request));
        }

        var itemIndex = PlannedTime.ItemIndex(meeting);
        var shares = PlannedTime.SharesBySession(meeting, itemIndex, request.Estimates);
        var n = meeting.Items.Count;

        // Planned minutes per item (-1: not planned anywhere) and the sittings, in the new order, it is planned in.
        var planned = new int[n];
        Array.Fill(planned, -1);
        var plannedIn = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            plannedIn[i] = [];
        }
        for (var c = 0; c < sittings.Count; c++)
        {
            if (sittings[c].Extra)
            {
                continue;
            }
            foreach (var share in shares[sittings[c].MeetingIndex])
            {
                planned[share.Item] = Math.Max(planned[share.Item], 0) + share.Minutes;
                plannedIn[share.Item].Add(c);
            }
        }

        // An estimate is the officer's: kept as given unless the request says to scale it.
        var keep = new bool[n];
        foreach (var itemId in request.Estimates?.Keys ?? [])
        {
            if (!request.ScaleEstimates && itemIndex.TryGetValue(itemId, out var i))
            {
                keep[i] = true;
            }
        }
        var pinnedItem = new bool[n];
        foreach (var pin in request.Pins ?? [])
        {
            pinnedItem[itemIndex[pin.Item]] = true;
        }

        var target = (int[])planned.Clone();
        double? fitFactor = null;
        List<PlannedTime.Share>[]? anchored = null;
        switch (request.Strategy)
        {
            case PlanStrategy.Compress:
                anchored = Compression.Targets(sittings, shares, PinnedMinutesBySitting(meeting, request, sittings, itemIndex, planned), keep, pinnedItem, request.FloorMinutes);
                for (var i = 0; i < n; i++)
                {
                    if (planned[i] >= 0 && !pinnedItem[i])
                    {
                        target[i] = 0;
                    }
                }
                foreach (var share in anchored.SelectMany(a => a))
                {
                    target[share.Item] += share.Minutes;
                }
                break;
            case PlanStrategy.Reflow:
                break;
            default:
                var scalable = Enumerable.Range(0, n).Where(i => planned[i] >= 0 && !keep[i] && !pinnedItem[i]).ToList();
                var fixedMinutes = Enumerable.Range(0, n).Where(i => planned[i] >= 0 && keep[i] && !pinnedItem[i]).Sum(i => planned[i]);
                var room = sittings.Sum(s => s.Available) - PinnedMinutesBySitting(meeting, request, sittings, itemIndex, planned).Sum() - fixedMinutes;
                var (fitted, factor) = FitFactor.Compress(scalable.Select(i => planned[i]).ToList(), Math.Max(0, room), request.FloorMinutes);
                for (var k = 0; k < scalable.Count; k++)
                {
                    target[scalable[k]] = fitted[k];
                }
                fitFactor = factor;
                break;
        }

        // Hand pins: each pin's minutes, or the item's minutes shared among its pins that give none.
        var pins = new List<(int Item, int Sitting, int Minutes)>();
        foreach (var group in (request.Pins ?? []).GroupBy(p => p.Item, StringComparer.Ordinal))
        {
            var i = itemIndex[group.Key];
            var given = group.Sum(p => p.Minutes ?? 0);
            var open = group.Count(p => p.Minutes is null);
            var shared = Apportionment.Equal(Math.Max(0, target[i] - given), open);
            var k = 0;
            foreach (var pin in group)
            {
                pins.Add((i, sittings.FindIndex(s => s.Id == pin.Session), pin.Minutes ?? shared[k++]));
            }
            target[i] = pins.Where(p => p.Item == i).Sum(p => p.Minutes);
        }

        // Pins with minutes are the officer's exact words: placed before pins that take what the item has left.
        var exact = new HashSet<(int, int)>((request.Pins ?? []).Where(p => p.Minutes is not null).Select(p => (itemIndex[p.Item], sittings.FindIndex(s => s.Id == p.Session))));
        pins = [.. pins.Where(p => exact.Contains((p.Item, p.Sitting))), .. pins.Where(p => !exact.Contains((p.Item, p.Sitting)))];
        var allocations = Placement.Allocate(meeting, sittings, target, plannedIn, pins, anchored, out var overflow);
        return Build(meeting, request.Strategy, sittings, planned, target, allocations, overflow, fitFactor);
    }

    /// <summary>Per sitting, the minutes the hand pins take there (a pin without minutes counted at the item's planned minutes shared among its open pins).</summary>
    private static int[] PinnedMinutesBySitting(Meeting meeting, PlanRequest request, List<Sitting> sittings, Dictionary<string, int> itemIndex, int[] planned)
    {
        var result = new int[sittings.Count];
        foreach (var group in (request.Pins ?? []).GroupBy(p => p.Item, StringComparer.Ordinal))
        {
            var i = itemIndex[group.Key];
            var open = group.Count(p => p.Minutes is null);
            var shared = Apportionment.Equal(Math.Max(0, planned[i] - group.Sum(p => p.Minutes ?? 0)), open);
            var k = 0;
            foreach (var pin in group)
            {
                var s = sittings.FindIndex(x => x.Id == pin.Session);
                result[s] = Math.Min(sittings[s].Available, result[s] + (pin.Minutes ?? shared[k++]));
            }
        }
        return result;
    }

    private static Plan Build(Meeting meeting, PlanStrategy strategy, List<Sitting> sittings, int[] planned, int[] target,
        List<PlannedTime.Share>[] allocations, int[] overflow, double? fitFactor)
    {
        var allocated = new int[meeting.Items.Count];
        var sessions = new List<PlanSession>(sittings.Count);
        for (var c = 0; c < sittings.Count; c++)
        {
            var s = sittings[c];
            var list = new List<Allocation>(allocations[c].Count);
            foreach (var share in allocations[c])
            {
                if (share.Minutes > 0)
                {
                    list.Add(new Allocation(meeting.Items[share.Item].Id, share.Minutes, Continued: allocated[share.Item] > 0));
                    allocated[share.Item] += share.Minutes;
                }
            }
            sessions.Add(new PlanSession(s.Id, s.LocalStart, s.LocalEnd, s.Start, s.End, s.Bodies, s.Format, s.Cap, s.Length, s.Available,
                list.Sum(a => a.Minutes), s.Extra, list));
        }

        var items = new List<PlanItem>();
        var overflowItems = new List<OverflowItem>();
        for (var i = 0; i < meeting.Items.Count; i++)
        {
            if (planned[i] < 0)
            {
                continue;
            }
            var id = meeting.Items[i].Id;
            items.Add(new PlanItem(id, planned[i], Math.Max(0, target[i]), allocated[i], overflow[i]));
            if (overflow[i] > 0)
            {
                overflowItems.Add(new OverflowItem(id, overflow[i]));
            }
        }
        var plan = new Plan(strategy, items.Sum(i => i.PlannedMinutes), sessions.Sum(s => s.AvailableMinutes), items.Sum(i => i.AllocatedMinutes),
            fitFactor, sessions, items, new Overflow(overflowItems.Sum(o => o.Minutes), overflowItems));
        return plan with { Warnings = PlanComparison.PlanWarnings(meeting, plan, sittings) };
    }
}
