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

        // Planned minutes per item (-1: not planned anywhere) and the first sitting, in the new order, it is planned in.
        var planned = new int[meeting.Items.Count];
        var firstPlanned = new int[meeting.Items.Count];
        Array.Fill(planned, -1);
        Array.Fill(firstPlanned, -1);
        for (var c = 0; c < sittings.Count; c++)
        {
            if (sittings[c].Extra)
            {
                continue;
            }
            foreach (var share in shares[sittings[c].MeetingIndex])
            {
                planned[share.Item] = Math.Max(planned[share.Item], 0) + share.Minutes;
                if (firstPlanned[share.Item] < 0)
                {
                    firstPlanned[share.Item] = c;
                }
            }
        }

        var target = (int[])planned.Clone();
        int[] overflow;
        List<PlannedTime.Share>[] allocations;
        double? fitFactor = null;
        switch (request.Strategy)
        {
            case PlanStrategy.Compress:
                allocations = Compression.Allocate(sittings, shares);
                overflow = new int[meeting.Items.Count];
                Array.Fill(target, -1);
                foreach (var share in allocations.SelectMany(a => a))
                {
                    target[share.Item] = Math.Max(target[share.Item], 0) + share.Minutes;
                }
                break;
            case PlanStrategy.Reflow:
                allocations = Reflow.Allocate(meeting, sittings, target, firstPlanned, out overflow);
                break;
            default:
                var plannedItems = Enumerable.Range(0, meeting.Items.Count).Where(i => planned[i] >= 0).ToList();
                var (fitted, factor) = FitFactor.Compress(plannedItems.Select(i => planned[i]).ToList(), sittings.Sum(s => s.Available), request.FloorMinutes);
                for (var k = 0; k < plannedItems.Count; k++)
                {
                    target[plannedItems[k]] = fitted[k];
                }
                fitFactor = factor;
                allocations = Reflow.Allocate(meeting, sittings, target, firstPlanned, out overflow);
                break;
        }
        return Build(meeting, request.Strategy, sittings, planned, target, allocations, overflow, fitFactor);
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
        return new Plan(strategy, items.Sum(i => i.PlannedMinutes), sessions.Sum(s => s.AvailableMinutes), items.Sum(i => i.AllocatedMinutes),
            fitFactor, sessions, items, new Overflow(overflowItems.Sum(o => o.Minutes), overflowItems));
    }
}
