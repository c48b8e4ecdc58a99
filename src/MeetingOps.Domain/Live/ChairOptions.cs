namespace MeetingOps.Domain;

/// <summary>
/// What the chair may do now, said by the server so the console keeps no rules of its own: for each item and each
/// sitting the actions <see cref="MeetingRules"/> would accept, and for each sitting in progress with nothing under
/// consideration the next item to take up. Also gives a parent item the status of its sub-items, and a sub-item that of
/// a parent considered as a whole (<see cref="AgendaStatuses"/>).
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
        var read = AgendaStatuses.Read(view.Items.Select(i => (i.Id, i.ParentId, i.Status)).ToList());
        var items = view.Items.Select(i => i with
        {
            Status = read[i.Id],
            Allowed = Enum.GetValues<ItemAction>().Where(a => ItemAllowed(meeting, live, i.Id, a, sitting)).Select(MeetingOpsJson.Name).ToList(),
        }).ToList();
        var sessions = view.Sessions.Select(s => s with
        {
            Allowed = Enum.GetValues<SessionAction>()
                // Probed as confirmed: a start on another day is allowed, and its refusal asks the chair to confirm.
                .Where(a => MeetingRules.Decide(meeting, live, new SessionCommand(s.Id, a, ConfirmOffDay: true), Probe).Refusal is null)
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
        // As the agenda reads: a sub-item of a parent considered as a whole (item 2 of 2021, adopted) is not pending.
        var read = AgendaStatuses.Read(meeting.Items.Select(i => (i.Id, i.ParentId, live.Item(i.Id).Status)).ToList());
        return candidates.FirstOrDefault(id => read.TryGetValue(id, out var status) && status == ItemStatus.Pending
            && !meeting.Items.Any(c => c.ParentId == id) // a parent is taken up through its sub-items
            && MeetingRules.Decide(meeting, live, new ItemCommand(id, ItemAction.Open, session.Id), Probe).Refusal is null);
    }

    /// <summary>An item's status as the agenda reads it (see <see cref="AgendaStatuses"/>): a parent as its sub-items stand, a sub-item as its parent considered whole.</summary>
    public static ItemStatus ParentStatus(MeetingView view, ItemView item)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(item);
        return AgendaStatuses.Read(view.Items.Select(i => (i.Id, i.ParentId, i.Status)).ToList())[item.Id];
    }
}
