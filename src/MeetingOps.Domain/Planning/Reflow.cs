namespace MeetingOps.Domain.Planning;

/// <summary>
/// Places items into the sittings of a re-plan, as a conference officer would:
/// <list type="bullet">
/// <item>Items pinned by hand go first, where the officer put them.</item>
/// <item>Under reflow and fit, the opening and the adoption of the agenda stay in the first sitting they were planned in,
/// and the adoption of the report is reserved in the last sitting of its bodies and, going back, the sittings the
/// organization of work gave it: nothing else can make them overflow.</item>
/// <item>The other items are taken up sitting by sitting: first those the organization of work planned in that sitting
/// (delegations travel for them), then those due earlier and not finished, then later ones brought forward to fill the
/// room. A sitting where several bodies sit takes the items of all of them before an item of one body (WG.3's own item
/// does not take the joint sitting from the joint thematic discussion). An item is only placed where every body of its
/// agenda sits.</item>
/// <item>Each body's items are placed in agenda order: an item that must give way to a later item (which the
/// organization of work planned in that sitting) is not taken up again after it; its rest overflows.</item>
/// <item>Under compress, each item stays in the sittings it was planned in, at its compressed minutes.</item>
/// <item>Last, anything that overflows goes into any sitting with room where its bodies sit and where agenda order
/// allows, so no sitting keeps room while an item that could go there overflows.</item>
/// </list>
/// </summary>
internal sealed class Placement
{
    private static readonly ItemKind[] OpeningKinds = [ItemKind.Organizational, ItemKind.Opening, ItemKind.Agenda];

    private readonly Meeting _meeting;
    private readonly IReadOnlyList<Sitting> _sittings;
    private readonly int[][] _itemBodies;
    private readonly bool[][] _seats;
    private readonly int[] _seatedCount;
    private readonly int[] _room;
    private readonly int[] _left;
    private readonly List<PlannedTime.Share>[] _placed;
    private readonly int[] _first;
    private readonly int[] _last;
    private readonly bool[] _flowing;
    private readonly bool[] _handPinned;
    private readonly List<int>[] _agendas;

    private Placement(Meeting meeting, IReadOnlyList<Sitting> sittings, int[] target, bool[] handPinned)
    {
        _meeting = meeting;
        _sittings = sittings;
        var bodies = meeting.Bodies;
        var n = meeting.Items.Count;
        _itemBodies = new int[n][];
        for (var i = 0; i < n; i++)
        {
            var numbers = meeting.Items[i].Numbers;
            _itemBodies[i] = Enumerable.Range(0, bodies.Count).Where(b => numbers.ContainsKey(bodies[b].Id)).ToArray();
        }
        _seats = new bool[sittings.Count][];
        _seatedCount = new int[sittings.Count];
        for (var s = 0; s < sittings.Count; s++)
        {
            _seats[s] = bodies.Select(b => sittings[s].Bodies.Contains(b.Id)).ToArray();
            _seatedCount[s] = _seats[s].Count(x => x);
        }
        _room = sittings.Select(s => s.Available).ToArray();
        _left = target.Select(t => Math.Max(0, t)).ToArray();
        _placed = new List<PlannedTime.Share>[sittings.Count];
        for (var s = 0; s < sittings.Count; s++)
        {
            _placed[s] = [];
        }
        _first = Enumerable.Repeat(-1, n).ToArray();
        _last = Enumerable.Repeat(-1, n).ToArray();
        _handPinned = handPinned;
        _flowing = new bool[n];
        for (var i = 0; i < n; i++)
        {
            _flowing[i] = target[i] >= 0 && !handPinned[i] && !Fixed(meeting.Items[i].Kind);
        }
        _agendas = new List<int>[bodies.Count];
        for (var b = 0; b < bodies.Count; b++)
        {
            _agendas[b] = Enumerable.Range(0, n).Where(i => _flowing[i] && _itemBodies[i].Contains(b)).ToList();
        }
    }

    /// <summary>The opening items and the adoption of the report: placed before anything flows, never made to give way.</summary>
    internal static bool Fixed(ItemKind kind) => OpeningKinds.Contains(kind) || kind == ItemKind.Report;

    /// <param name="target">Minutes to place per item (by index into the meeting's items); -1 for items not planned.</param>
    /// <param name="plannedIn">Per item, the sittings (chronological indexes) the organization of work plans it in.</param>
    /// <param name="pins">Hand placements resolved to minutes, by item and sitting index.</param>
    /// <param name="anchored">For compress: per sitting, the items it keeps and their compressed minutes; null to flow.</param>
    /// <param name="overflow">Per item, the minutes that did not fit.</param>
    /// <returns>Per sitting, the items placed in it, in the order they are taken up.</returns>
    public static List<PlannedTime.Share>[] Allocate(Meeting meeting, IReadOnlyList<Sitting> sittings, int[] target, List<int>[] plannedIn,
        IReadOnlyList<(int Item, int Sitting, int Minutes)> pins, List<PlannedTime.Share>[]? anchored, out int[] overflow)
    {
        var handPinned = new bool[meeting.Items.Count];
        foreach (var pin in pins)
        {
            handPinned[pin.Item] = true;
        }
        var placement = new Placement(meeting, sittings, target, handPinned);
        return placement.Run(plannedIn, pins, anchored, out overflow);
    }

    private List<PlannedTime.Share>[] Run(List<int>[] plannedIn, IReadOnlyList<(int Item, int Sitting, int Minutes)> pins,
        List<PlannedTime.Share>[]? anchored, out int[] overflow)
    {
        var items = _meeting.Items;
        foreach (var (item, sitting, minutes) in pins)
        {
            Take(item, sitting, minutes);
        }

        if (anchored is not null)
        {
            // Compress: every item in its own sittings. The opening and report first, and what of them does not fit in one of
            // their sittings goes to another of theirs before any other item is placed, so they give way last.
            for (var s = 0; s < _sittings.Count; s++)
            {
                foreach (var share in anchored[s].Where(x => Fixed(items[x.Item].Kind)))
                {
                    Take(share.Item, s, share.Minutes);
                }
            }
            for (var s = 0; s < _sittings.Count; s++)
            {
                foreach (var share in anchored[s].Where(x => Fixed(items[x.Item].Kind) && _left[x.Item] > 0))
                {
                    foreach (var other in Enumerable.Range(0, _sittings.Count).Where(o => anchored[o].Any(x => x.Item == share.Item)))
                    {
                        Take(share.Item, other, _left[share.Item]);
                    }
                }
            }
            for (var s = 0; s < _sittings.Count; s++)
            {
                foreach (var share in anchored[s].Where(x => !Fixed(items[x.Item].Kind)))
                {
                    Take(share.Item, s, share.Minutes);
                }
            }
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (_left[i] > 0 && OpeningKinds.Contains(items[i].Kind) && plannedIn[i].Count > 0 && !_handPinned[i])
                {
                    Take(i, plannedIn[i][0], _left[i]);
                }
            }
            for (var i = 0; i < items.Count; i++)
            {
                if (_left[i] > 0 && items[i].Kind == ItemKind.Report && !_handPinned[i])
                {
                    // The last sitting of its bodies, then going back the sittings the organization of work gave it.
                    var last = Enumerable.Range(0, _sittings.Count).LastOrDefault(s => Seats(i, s), -1);
                    foreach (var s in plannedIn[i].Append(last).Where(s => s >= 0 && Seats(i, s)).Distinct().OrderDescending())
                    {
                        Take(i, s, _left[i]);
                    }
                }
            }
            Flow(plannedIn);
        }

        Fill();
        overflow = (int[])_left.Clone();
        // Within a sitting: the opening first, then what continues from an earlier sitting, then agenda order; the report last.
        var seen = new bool[items.Count];
        var result = new List<PlannedTime.Share>[_sittings.Count];
        for (var s = 0; s < _sittings.Count; s++)
        {
            result[s] = _placed[s]
                .OrderBy(x => OpeningKinds.Contains(items[x.Item].Kind) ? 0 : items[x.Item].Kind == ItemKind.Report ? 2 : 1)
                .ThenBy(x => seen[x.Item] ? 0 : 1)
                .ThenBy(x => x.Item)
                .ToList();
            foreach (var x in result[s])
            {
                seen[x.Item] = true;
            }
        }
        return result;
    }


    private bool Seats(int item, int sitting) => _itemBodies[item].All(b => _seats[sitting][b]);

    private void Take(int item, int sitting, int minutes)
    {
        var take = Math.Min(Math.Min(minutes, _left[item]), _room[sitting]);
        if (take <= 0)
        {
            return;
        }
        var list = _placed[sitting];
        var at = list.FindIndex(x => x.Item == item);
        if (at >= 0)
        {
            list[at] = new PlannedTime.Share(item, list[at].Minutes + take);
        }
        else
        {
            list.Add(new PlannedTime.Share(item, take));
        }
        _left[item] -= take;
        _room[sitting] -= take;
        _first[item] = _first[item] < 0 ? sitting : Math.Min(_first[item], sitting);
        _last[item] = Math.Max(_last[item], sitting);
    }

    /// <summary>For a flowing item: the first sitting it may go in (after its bodies' opening) and the last (that of its bodies' report).</summary>
    private (int Earliest, int Latest) Bounds(int item)
    {
        var earliest = 0;
        var latest = _sittings.Count - 1;
        var items = _meeting.Items;
        for (var j = 0; j < items.Count; j++)
        {
            if (_flowing[j] || _handPinned[j] || _first[j] < 0 || !_itemBodies[j].Any(_itemBodies[item].Contains))
            {
                continue;
            }
            if (OpeningKinds.Contains(items[j].Kind))
            {
                earliest = Math.Max(earliest, _last[j]);
            }
            else if (items[j].Kind == ItemKind.Report)
            {
                latest = Math.Min(latest, _first[j]);
            }
        }
        return (earliest, latest);
    }

    private void Flow(List<int>[] plannedIn)
    {
        var items = _meeting.Items;
        var firstPlanned = plannedIn.Select(p => p.Count > 0 ? p[0] : int.MaxValue).ToArray();
        var bounds = Enumerable.Range(0, items.Count).Select(i => _flowing[i] ? Bounds(i) : (0, -1)).ToArray();
        var abandoned = new bool[items.Count];

        bool Blocked(int i, out int blocker)
        {
            foreach (var b in _itemBodies[i])
            {
                foreach (var p in _agendas[b])
                {
                    if (p == i)
                    {
                        break;
                    }
                    if (_left[p] > 0 && !abandoned[p])
                    {
                        blocker = p;
                        return true;
                    }
                }
            }
            blocker = -1;
            return false;
        }

        for (var s = 0; s < _sittings.Count; s++)
        {
            while (_room[s] > 0)
            {
                int Tier(int i) => plannedIn[i].Contains(s) ? 0 : firstPlanned[i] < s ? 1 : 2;
                bool Candidate(int i) => _flowing[i] && _left[i] > 0 && !abandoned[i] && Seats(i, s) && bounds[i].Item1 <= s && s <= bounds[i].Item2
                    && (Tier(i) < 2 || !Blocked(i, out _));
                var candidates = Enumerable.Range(0, items.Count).Where(Candidate).ToList();
                if (candidates.Count == 0)
                {
                    break;
                }
                // Planned here, then due, then brought forward; items of every body sitting before one body's; under way first; then as planned.
                var best = candidates
                    .OrderBy(Tier)
                    .ThenBy(i => _itemBodies[i].Length == _seatedCount[s] ? 0 : 1)
                    .ThenBy(i => _first[i] >= 0 ? 0 : 1)
                    .ThenBy(i => firstPlanned[i])
                    .ThenBy(i => i)
                    .First();
                // An item does not push aside an earlier one of its agenda that this sitting can take with as good a claim.
                while (Blocked(best, out var blocker) && candidates.Contains(blocker) && Tier(blocker) <= Tier(best))
                {
                    best = blocker;
                }
                foreach (var b in _itemBodies[best])
                {
                    foreach (var p in _agendas[b])
                    {
                        if (p == best)
                        {
                            break;
                        }
                        if (_left[p] > 0)
                        {
                            abandoned[p] = true; // gives way: its rest overflows rather than come after a later item
                        }
                    }
                }
                Take(best, s, _left[best]);
            }
        }
    }

    /// <summary>Whether an overflowing item can still go in a sitting: room, its bodies sit, within its bodies' opening and report, and agenda order kept.</summary>
    private bool CanGo(int item, int sitting, (int Earliest, int Latest) bounds)
    {
        if (_room[sitting] <= 0 || !Seats(item, sitting) || sitting < bounds.Earliest || sitting > bounds.Latest)
        {
            return false;
        }
        foreach (var b in _itemBodies[item])
        {
            var before = true;
            foreach (var other in _agendas[b])
            {
                if (other == item)
                {
                    before = false;
                    continue;
                }
                if (_first[other] < 0)
                {
                    continue;
                }
                // Everything of an earlier item comes before this sitting or in it (where it is ordered first); a later item starts here or after.
                if (before ? _last[other] > sitting : _first[other] < sitting)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Where to look for room for an item's rest: between the sittings that already take it up, then the sittings after them,
    /// then those before them going back, so its consideration stays in consecutive sittings where it can. An item not yet
    /// placed looks from the first sitting on.
    /// </summary>
    private IEnumerable<int> FillOrder(int item)
    {
        if (_first[item] < 0)
        {
            return Enumerable.Range(0, _sittings.Count);
        }
        var (first, last) = (_first[item], _last[item]);
        return Enumerable.Range(first, last - first + 1)
            .Concat(Enumerable.Range(last + 1, _sittings.Count - last - 1))
            .Concat(Enumerable.Range(0, first).Reverse());
    }

    private void Fill()
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var i = 0; i < _meeting.Items.Count; i++)
            {
                if (!_flowing[i] || _left[i] == 0)
                {
                    continue;
                }
                var bounds = Bounds(i);
                foreach (var s in FillOrder(i))
                {
                    if (_left[i] > 0 && CanGo(i, s, bounds))
                    {
                        Take(i, s, _left[i]);
                        changed = true;
                    }
                }
            }
        }
    }
}
