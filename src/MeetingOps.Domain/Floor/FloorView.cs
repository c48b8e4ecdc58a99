namespace MeetingOps.Domain.Floor;

/// <summary>One entry of an item's floor log: the item's floor version, when, who, what and to whom.</summary>
public sealed record FloorLogEntry(
    long Version,
    DateTimeOffset At,
    string CommandId,
    string Actor,
    string ItemId,
    FloorAction Action,
    string? DelegationId,
    FloorRequestKind? Kind,
    string Note);

/// <summary>Who has the floor as the pages show it: the timer's numbers at <see cref="FloorView.At"/>.</summary>
public sealed record SpeakerView(
    string Delegation,
    string Name,
    FloorRequestKind Kind,
    DateTimeOffset Since,
    int? LimitSeconds,
    double UsedSeconds,
    double? LeftSeconds,
    bool Paused,
    bool Warning,
    bool TimeUp);

public sealed record QueueView(int Place, string Delegation, string Name, FloorRequestKind Kind);

/// <summary>The floor of one item: GET /api/meetings/{id}/items/{itemId}/floor and the live push.</summary>
/// <param name="At">The server's clock when this was made, so a page runs the timer from the same instant.</param>
public sealed record FloorView(
    string MeetingId,
    string ItemId,
    long Version,
    DateTimeOffset At,
    SpeakerView? Speaking,
    IReadOnlyList<QueueView> Queue,
    bool Closed,
    int? LimitSeconds)
{
    public static FloorView Of(string meetingId, string itemId, long version, FloorState state, IReadOnlyList<Delegation> delegations, int? meetingLimitSeconds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(delegations);
        string Name(string id) => delegations.FirstOrDefault(d => d.Id == id)?.Name ?? id;
        SpeakerView? speaking = null;
        if (state.Speaking is { } s)
        {
            var (warning, timeUp) = FloorRules.Timer(s, now);
            speaking = new SpeakerView(s.DelegationId, Name(s.DelegationId), s.Kind, s.Since, s.LimitSeconds,
                Math.Round(s.UsedSeconds(now), 1), s.LeftSeconds(now) is { } left ? Math.Round(left, 1) : null, s.PausedAt is not null, warning, timeUp);
        }
        return new FloorView(meetingId, itemId, version, now, speaking,
            [.. state.Queue.Select((r, i) => new QueueView(i + 1, r.DelegationId, Name(r.DelegationId), r.Kind))],
            state.Closed, state.LimitSeconds ?? meetingLimitSeconds);
    }
}
