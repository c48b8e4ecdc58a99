namespace MeetingOps.Domain.Planning;

/// <summary>
/// The reflow: items keep their minutes and flow through the sessions in chronological order, each body's
/// items in its agenda order.
/// <list type="bullet">
/// <item>A session takes only items whose bodies all sit in it: a joint item only where all its bodies sit.</item>
/// <item>An item is not taken up before the items before it on each of its bodies' agendas are fully placed;
/// the item under way continues in the next session it can go to.</item>
/// <item>Opening and organizational items (opening, adoption of the agenda) stay in the first session they were
/// planned in, and the adoption of the report goes to the last session where its bodies sit; their minutes are
/// reserved there before anything flows, and what does not fit there overflows. Items after an opening item on
/// an agenda do not flow into sessions before it, and no item of a body flows past the session that adopts its report.</item>
/// </list>
/// Agendas put the opening first and the report last; an agenda that lists items after the report is not
/// reordered around it.
/// </summary>
internal sealed class Reflow
{
    private readonly Meeting _meeting;
    private readonly IReadOnlyList<Sitting> _sittings;
    private readonly int[][] _itemBodies;
    private readonly int[][] _seated;
    private readonly bool[][] _seats;

    private Reflow(Meeting meeting, IReadOnlyList<Sitting> sittings)
    {
        _meeting = meeting;
        _sittings = sittings;
        var bodies = meeting.Bodies;
        _itemBodies = new int[meeting.Items.Count][];
        for (var i = 0; i < meeting.Items.Count; i++)
        {
            var numbers = meeting.Items[i].Numbers;
            _itemBodies[i] = Enumerable.Range(0, bodies.Count).Where(b => numbers.ContainsKey(bodies[b].Id)).ToArray();
        }
        _seated = new int[sittings.Count][];
        _seats = new bool[sittings.Count][];
        for (var s = 0; s < sittings.Count; s++)
        {
            var seated = sittings[s].Bodies;
            _seated[s] = Enumerable.Range(0, bodies.Count).Where(b => seated.Contains(bodies[b].Id)).ToArray();
            _seats[s] = new bool[bodies.Count];
            foreach (var b in _seated[s])
            {
                _seats[s][b] = true;
            }
        }
    }

    /// <param name="target">Minutes to place per item (by index into the meeting's items); -1 for items not planned.</param>
    /// <param name="firstPlanned">Per item, the first sitting (chronological index) it is planned in; -1 for items not planned.</param>
    /// <param name="overflow">Per item, the minutes that did not fit.</param>
    /// <returns>Per sitting, the items placed in it, in the order they are taken up.</returns>
    public static List<PlannedTime.Share>[] Allocate(Meeting meeting, IReadOnlyList<Sitting> sittings, int[] target, int[] firstPlanned, out int[] overflow) =>
        new Reflow(meeting, sittings).Run(target, firstPlanned, out overflow);

    private List<PlannedTime.Share>[] Run(int[] target, int[] firstPlanned, out int[] overflow)
    {
        var items = _meeting.Items;
        var sessions = _sittings.Count;
        var room = _sittings.Select(s => s.Available).ToArray();
        var left = target.Select(t => Math.Max(0, t)).ToArray();
        var front = new List<PlannedTime.Share>[sessions];
        var flow = new List<PlannedTime.Share>[sessions];
        var back = new List<PlannedTime.Share>[sessions];
        for (var s = 0; s < sessions; s++)
        {
            (front[s], flow[s], back[s]) = ([], [], []);
        }

        // Pinned items first: their minutes are reserved before anything flows.
        var pinnedAt = new int[items.Count];
        Array.Fill(pinnedAt, -1);
        for (var i = 0; i < items.Count; i++)
        {
            if (target[i] >= 0 && items[i].Kind is ItemKind.Organizational or ItemKind.Opening or ItemKind.Agenda)
            {
                pinnedAt[i] = firstPlanned[i];
                Reserve(i, firstPlanned[i], front, room, left);
            }
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (target[i] >= 0 && items[i].Kind == ItemKind.Report)
            {
                pinnedAt[i] = LastSittingOf(i);
                Reserve(i, pinnedAt[i], back, room, left);
            }
        }

        // Nothing of a body is taken up after the adoption of its report: items flow only up to the report's session.
        var reportAt = new int[_meeting.Bodies.Count];
        Array.Fill(reportAt, sessions - 1);
        for (var i = 0; i < items.Count; i++)
        {
            if (target[i] >= 0 && items[i].Kind == ItemKind.Report && pinnedAt[i] >= 0)
            {
                foreach (var b in _itemBodies[i])
                {
                    reportAt[b] = Math.Min(reportAt[b], pinnedAt[i]);
                }
            }
        }

        // Per body, its flowing items in agenda order; an item waits for the opening items before it.
        var earliest = new int[items.Count];
        var latest = new int[items.Count];
        var queues = new List<int>[_meeting.Bodies.Count];
        for (var b = 0; b < queues.Length; b++)
        {
            queues[b] = [];
        }
        var openedAt = new int[_meeting.Bodies.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (target[i] < 0 || items[i].Kind == ItemKind.Report)
            {
                continue;
            }
            foreach (var b in _itemBodies[i])
            {
                if (pinnedAt[i] >= 0)
                {
                    openedAt[b] = Math.Max(openedAt[b], pinnedAt[i]);
                }
                else
                {
                    earliest[i] = Math.Max(earliest[i], openedAt[b]);
                    queues[b].Add(i);
                }
            }
            latest[i] = _itemBodies[i].Min(b => reportAt[b]);
        }

        var head = new int[queues.Length];
        var started = new bool[items.Count];
        int Head(int b)
        {
            var q = queues[b];
            while (head[b] < q.Count && left[q[head[b]]] == 0)
            {
                head[b]++;
            }
            return head[b] < q.Count ? q[head[b]] : -1;
        }

        for (var s = 0; s < sessions; s++)
        {
            while (room[s] > 0)
            {
                var best = -1;
                foreach (var b in _seated[s])
                {
                    var i = Head(b);
                    if (i < 0 || earliest[i] > s || latest[i] < s || (best >= 0 && !Before(i, best, started, firstPlanned)))
                    {
                        continue;
                    }
                    var ready = true;
                    foreach (var other in _itemBodies[i])
                    {
                        if (!_seats[s][other] || Head(other) != i)
                        {
                            ready = false;
                            break;
                        }
                    }
                    if (ready)
                    {
                        best = i;
                    }
                }
                if (best < 0)
                {
                    break;
                }
                var take = Math.Min(left[best], room[s]);
                flow[s].Add(new PlannedTime.Share(best, take));
                left[best] -= take;
                room[s] -= take;
                started[best] = true;
            }
        }

        overflow = left;
        var result = new List<PlannedTime.Share>[sessions];
        for (var s = 0; s < sessions; s++)
        {
            result[s] = [.. front[s], .. flow[s], .. back[s]];
        }
        return result;
    }

    /// <summary>Which of two ready items goes first: one already under way, then the one the organization of work had earlier, then agenda order.</summary>
    private static bool Before(int a, int b, bool[] started, int[] firstPlanned) =>
        started[a] != started[b] ? started[a] : firstPlanned[a] != firstPlanned[b] ? firstPlanned[a] < firstPlanned[b] : a < b;

    private static void Reserve(int item, int sitting, List<PlannedTime.Share>[] into, int[] room, int[] left)
    {
        if (sitting < 0)
        {
            return;
        }
        var take = Math.Min(left[item], room[sitting]);
        if (take > 0)
        {
            into[sitting].Add(new PlannedTime.Share(item, take));
            left[item] -= take;
            room[sitting] -= take;
        }
    }

    /// <summary>The last sitting where all the item's bodies sit.</summary>
    private int LastSittingOf(int item)
    {
        for (var s = _sittings.Count - 1; s >= 0; s--)
        {
            if (_itemBodies[item].All(b => _seats[s][b]))
            {
                return s;
            }
        }
        return -1;
    }
}
