namespace MeetingOps.Domain;

/// <summary>Builds the snapshot of a meeting from its definition and live state.</summary>
public static class MeetingViews
{
    public static MeetingView Snapshot(string id, Meeting meeting, LiveState live, long version)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(live);
        var sessions = meeting.Sessions.Select(s =>
        {
            var state = live.Session(s.Id);
            return new SessionView(s.Id, s.LocalStart, s.LocalEnd, s.Start, s.End, s.Format, s.CapMinutes, s.Bodies,
                state.Status, live.CurrentItemIn(s.Id), state.StartedAt, state.EndedAt, s.Planned,
                InterpretationEnd: Planning.InterpretationCap.EndOf(s, state));
        }).ToList();
        var items = meeting.Items.Select(i =>
        {
            var state = live.Item(i.Id);
            return new ItemView(i.Id, i.Numbers, i.Title, i.Kind, state.Status, i.IsJoint, i.Adoptable, i.ParentId, state.SessionId, i.Documents, Titles: i.Titles);
        }).ToList();
        // The current sitting: the one in progress (or suspended) that started last; the current item is the one open in it.
        var current = sessions.Where(s => s.Status is SessionStatus.InProgress or SessionStatus.Suspended)
                              .OrderByDescending(s => s.StartedAt).FirstOrDefault();
        return ChairOptions.Add(meeting, live, new MeetingView(id, meeting.Title, meeting.Venue, meeting.TimeZone, version, meeting.StartDate, meeting.EndDate, meeting.ParentBody,
            meeting.Bodies.Select(b => new BodyView(b.Id, b.Name, b.Symbol, b.Meeting, b.Officers, b.Names)).ToList(),
            items, sessions, current?.Id, current?.CurrentItemId, CapEnded: Planning.InterpretationCap.EndedAtCap(meeting, live)));
    }

    public static MeetingSummary Summary(string id, Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new(id, meeting.Title, meeting.Venue, meeting.StartDate, meeting.EndDate, meeting.Bodies.Select(b => b.Name).ToList());
    }
}
