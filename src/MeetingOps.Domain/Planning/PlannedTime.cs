namespace MeetingOps.Domain.Planning;

/// <summary>
/// Minutes per item from the organization of work. Each session's length is shared equally among the items
/// planned in it (whole minutes summing exactly to the length). An item with an explicit estimate gets its
/// estimate instead, split across its sessions in proportion to the shares it would have had there; the rest
/// of each such session is shared by the other items. Only items planned in some session get minutes: a parent
/// such as "Organizational matters" is not counted when the sub-items are what the sessions plan.
/// </summary>
/// <param name="Items">Planned items in agenda order.</param>
public sealed record PlannedTime(IReadOnlyList<PlannedItemTime> Items, int TotalMinutes)
{
    public static PlannedTime Of(Meeting meeting, IReadOnlyDictionary<string, int>? estimates = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var index = ItemIndex(meeting);
        var shares = SharesBySession(meeting, index, estimates);
        var perItem = new List<SessionShare>?[meeting.Items.Count];
        for (var s = 0; s < meeting.Sessions.Count; s++)
        {
            foreach (var share in shares[s])
            {
                (perItem[share.Item] ??= []).Add(new SessionShare(meeting.Sessions[s].Id, share.Minutes));
            }
        }
        var items = new List<PlannedItemTime>();
        for (var i = 0; i < meeting.Items.Count; i++)
        {
            if (perItem[i] is { } sessions)
            {
                var id = meeting.Items[i].Id;
                items.Add(new PlannedItemTime(id, sessions.Sum(x => x.Minutes), estimates?.ContainsKey(id) == true, sessions));
            }
        }
        return new PlannedTime(items, items.Sum(i => i.Minutes));
    }

    public int MinutesOf(string itemId) => Items.FirstOrDefault(i => i.ItemId == itemId)?.Minutes ?? 0;

    /// <summary>An item planned in a session, by index into the meeting's items, and its minutes there.</summary>
    internal readonly record struct Share(int Item, int Minutes);

    internal static Dictionary<string, int> ItemIndex(Meeting meeting)
    {
        var index = new Dictionary<string, int>(meeting.Items.Count, StringComparer.Ordinal);
        for (var i = 0; i < meeting.Items.Count; i++)
        {
            index[meeting.Items[i].Id] = i;
        }
        return index;
    }

    /// <summary>The minutes of each item planned in each session of the organization of work (meeting order, planned order).</summary>
    internal static Share[][] SharesBySession(Meeting meeting, Dictionary<string, int> itemIndex, IReadOnlyDictionary<string, int>? estimates)
    {
        var sessions = meeting.Sessions;
        var planned = new int[sessions.Count][];
        var equal = new int[sessions.Count][];
        for (var s = 0; s < sessions.Count; s++)
        {
            planned[s] = sessions[s].Planned.Select(p => itemIndex[p.Item]).ToArray();
            equal[s] = Apportionment.Equal(LengthMinutes(sessions[s]), planned[s].Length);
        }

        // An estimate replaces the item's equal shares: split across its sessions like those shares were.
        var estimated = new int[sessions.Count][];
        for (var s = 0; s < sessions.Count; s++)
        {
            estimated[s] = new int[planned[s].Length];
            Array.Fill(estimated[s], -1);
        }
        if (estimates is { Count: > 0 })
        {
            foreach (var (itemId, minutes) in estimates.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                if (!itemIndex.TryGetValue(itemId, out var item))
                {
                    continue;
                }
                var places = new List<(int Session, int Position)>();
                for (var s = 0; s < sessions.Count; s++)
                {
                    var k = Array.IndexOf(planned[s], item);
                    if (k >= 0)
                    {
                        places.Add((s, k));
                    }
                }
                var parts = Apportionment.Split(minutes, places.Select(p => (long)equal[p.Session][p.Position]).ToList());
                for (var j = 0; j < places.Count; j++)
                {
                    estimated[places[j].Session][places[j].Position] = parts[j];
                }
            }
        }

        var result = new Share[sessions.Count][];
        for (var s = 0; s < sessions.Count; s++)
        {
            var count = planned[s].Length;
            var shares = new Share[count];
            var others = 0;
            var taken = 0;
            for (var k = 0; k < count; k++)
            {
                if (estimated[s][k] >= 0)
                {
                    taken += estimated[s][k];
                }
                else
                {
                    others++;
                }
            }
            var rest = Apportionment.Equal(Math.Max(0, LengthMinutes(sessions[s]) - taken), others);
            var next = 0;
            for (var k = 0; k < count; k++)
            {
                shares[k] = new Share(planned[s][k], estimated[s][k] >= 0 ? estimated[s][k] : rest[next++]);
            }
            result[s] = shares;
        }
        return result;
    }

    internal static int LengthMinutes(Session session) => (int)(session.End - session.Start).TotalMinutes;
}

/// <summary>An item's planned minutes, whether they come from an explicit estimate, and its minutes per session of the organization of work.</summary>
public sealed record PlannedItemTime(string ItemId, int Minutes, bool Estimated, IReadOnlyList<SessionShare> Sessions);

public sealed record SessionShare(string SessionId, int Minutes);
