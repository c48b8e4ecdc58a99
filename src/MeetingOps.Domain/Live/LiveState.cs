using System.Collections.Immutable;

namespace MeetingOps.Domain;

/// <summary>Where one agenda item stands, and the sitting it is (or was last) considered in.</summary>
public sealed record ItemState(ItemStatus Status, string? SessionId = null)
{
    public static ItemState Initial { get; } = new(ItemStatus.Pending);

    public ItemState Apply(LogEntry entry) => this with { Status = entry.ItemStatusAfter(), SessionId = entry.SessionId ?? SessionId };
}

/// <summary>Where one sitting stands, and when it actually started and ended.</summary>
/// <param name="ExtendedMinutes">Interpretation minutes added to its cap by extensions agreed with the interpreters.</param>
public sealed record SessionState(SessionStatus Status, DateTimeOffset? StartedAt = null, DateTimeOffset? EndedAt = null, int ExtendedMinutes = 0)
{
    public static SessionState Initial { get; } = new(SessionStatus.Scheduled);

    public SessionState Apply(LogEntry entry)
    {
        var to = entry.SessionStatusAfter();
        return this with
        {
            Status = to,
            // A sitting put back to scheduled (an undone start) has not started; one put back in progress has not ended.
            StartedAt = to == SessionStatus.Scheduled ? null : to == SessionStatus.InProgress && StartedAt is null ? entry.At : StartedAt,
            EndedAt = to == SessionStatus.Ended ? entry.At : to == SessionStatus.InProgress ? null : EndedAt,
        };
    }

    public bool IsSitting => Status is SessionStatus.InProgress or SessionStatus.Suspended;
}

/// <summary>The live state of a whole meeting: every item's and every sitting's status. Immutable; changes make a new one.</summary>
public sealed record LiveState(ImmutableDictionary<string, ItemState> Items, ImmutableDictionary<string, SessionState> Sessions)
{
    public static LiveState Initial(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new(
            meeting.Items.ToImmutableDictionary(i => i.Id, _ => ItemState.Initial, StringComparer.Ordinal),
            meeting.Sessions.ToImmutableDictionary(s => s.Id, _ => SessionState.Initial, StringComparer.Ordinal));
    }

    public ItemState Item(string itemId) => Items.TryGetValue(itemId, out var s) ? s : ItemState.Initial;

    public SessionState Session(string sessionId) => Sessions.TryGetValue(sessionId, out var s) ? s : SessionState.Initial;

    /// <summary>The item under consideration in a sitting, if any.</summary>
    public string? CurrentItemIn(string sessionId) =>
        Items.Where(kv => kv.Value.Status == ItemStatus.Open && kv.Value.SessionId == sessionId).Select(kv => kv.Key).FirstOrDefault();

    public LiveState Apply(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Subject switch
        {
            ChangeSubject.Item when entry.ItemId is not null => this with { Items = Items.SetItem(entry.ItemId, Item(entry.ItemId).Apply(entry)) },
            ChangeSubject.Session when entry.SessionId is not null => this with { Sessions = Sessions.SetItem(entry.SessionId, Session(entry.SessionId).Apply(entry)) },
            ChangeSubject.Schedule when entry is { Action: Planning.CapExtension.Action, SessionId: { } extended } => this with
            {
                Sessions = Sessions.SetItem(extended, Session(extended) with { ExtendedMinutes = Session(extended).ExtendedMinutes + Planning.CapExtension.MinutesOf(entry) }),
            },
            _ => this,
        };
    }

    public LiveState Apply(IEnumerable<LogEntry> entries) => entries.Aggregate(this, (state, e) => state.Apply(e));
}
