namespace MeetingOps.Domain;

/// <summary>
/// What the chair may do now, said by the server so the console keeps no rules of its own: for each item and each
/// sitting the actions <see cref="MeetingRules"/> would accept, and for each sitting in progress with nothing under
/// consideration the next item to take up. Also gives a parent item the status of its sub-items.
/// </summary>
public static class ChairOptions
{
    private static readonly MeetingRules.Context Probe = new(new Actor(Role.Chair), DateTimeOffset.UnixEpoch, "probe", 1);

    public static MeetingView Add(Meeting meeting, LiveState live, MeetingView view)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(view);
        var sitting = meeting.Sessions.Where(s => live.Session(s.Id).Status == SessionStatus.InProgress).Select(s => s.Id).ToList();
        var items = view.Items.Select(i => i with
        {
            Status = ParentStatus(view, i),
            Allowed = Enum.GetValues<ItemAction>().Where(a => ItemAllowed(meeting, live, i.Id, a, sitting)).Select(MeetingOpsJson.Name).ToList(),
        }).ToList();
        var sessions = view.Sessions.Select(s => s with
        {
            Allowed = Enum.GetValues<SessionAction>()
                .Where(a => MeetingRules.Decide(meeting, live, new SessionCommand(s.Id, a), Probe).Refusal is null)
                .Select(MeetingOpsJson.Name).ToList(),
            NextItemId = NextItem(meeting, live, s),
        }).ToList();
        return view with { Items = items, Sessions = sessions };
    }

    private static bool ItemAllowed(Meeting meeting, LiveState live, string itemId, ItemAction action, IReadOnlyList<string> sitting) =>
        action is ItemAction.Open or ItemAction.Reopen
            ? sitting.Any(s => MeetingRules.Decide(meeting, live, new ItemCommand(itemId, action, s), Probe).Refusal is null)
            : MeetingRules.Decide(meeting, live, new ItemCommand(itemId, action), Probe).Refusal is null;

    /// <summary>
    /// For a sitting in progress with nothing under consideration: the first pending item it plans that may be taken
    /// up there, else the first pending item of the agenda that may. Never an item already considered (one just
    /// continued is taken up again only when the chair names it).
    /// </summary>
    public static string? NextItem(Meeting meeting, LiveState live, SessionView session)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(session);
        if (session.Status != SessionStatus.InProgress || session.CurrentItemId is not null)
        {
            return null;
        }
        var candidates = session.Planned.Select(p => p.Item).Concat(meeting.Items.Select(i => i.Id));
        return candidates.FirstOrDefault(id => live.Item(id).Status == ItemStatus.Pending
            && !meeting.Items.Any(c => c.ParentId == id) // a parent is taken up through its sub-items
            && MeetingRules.Decide(meeting, live, new ItemCommand(id, ItemAction.Open, session.Id), Probe).Refusal is null);
    }

    /// <summary>
    /// A parent item never taken up itself reads as its sub-items stand: open while one is open, concluded (adopted if
    /// any was adopted) when all are done, continued once some have been considered, pending before.
    /// </summary>
    public static ItemStatus ParentStatus(MeetingView view, ItemView item)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(item);
        var children = view.Items.Where(c => c.ParentId == item.Id).Select(c => ParentStatus(view, c)).ToList();
        if (children.Count == 0 || item.Status != ItemStatus.Pending)
        {
            return item.Status;
        }
        if (children.Contains(ItemStatus.Open))
        {
            return ItemStatus.Open;
        }
        if (children.All(c => c is ItemStatus.Concluded or ItemStatus.Adopted or ItemStatus.Deferred))
        {
            return children.Contains(ItemStatus.Adopted) ? ItemStatus.Adopted : ItemStatus.Concluded;
        }
        return children.Any(c => c != ItemStatus.Pending) ? ItemStatus.Continued : ItemStatus.Pending;
    }
}
