namespace MeetingOps.Domain.Planning;

/// <summary>
/// How long each item has been under consideration, read from the log: from each time it was taken up to when
/// it was continued, concluded, adopted or deferred (or until now, if it is still open), without the time its
/// sitting was suspended. Also when each item was last taken up.
/// </summary>
internal sealed class ConsiderationTime
{
    private static readonly string Open = MeetingOpsJson.Name(ItemStatus.Open);
    private static readonly string Suspended = MeetingOpsJson.Name(SessionStatus.Suspended);

    private readonly Dictionary<string, TimeSpan> _spent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastOpened = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _timesOpened = new(StringComparer.Ordinal);

    public TimeSpan Spent(string itemId) => _spent.TryGetValue(itemId, out var t) ? t : TimeSpan.Zero;

    public DateTimeOffset? LastOpened(string itemId) => _lastOpened.TryGetValue(itemId, out var t) ? t : null;

    /// <summary>How many times the item was taken up: more than once means its consideration is resumed.</summary>
    public int TimesOpened(string itemId) => _timesOpened.TryGetValue(itemId, out var n) ? n : 0;

    public static ConsiderationTime From(IReadOnlyList<LogEntry> log, DateTimeOffset now)
    {
        var result = new ConsiderationTime();
        var opened = new Dictionary<string, (DateTimeOffset At, string? Session)>(StringComparer.Ordinal);
        var suspendedSince = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var suspensions = new Dictionary<string, List<(DateTimeOffset From, DateTimeOffset To)>>(StringComparer.Ordinal);
        var considered = new List<(string Item, string? Session, DateTimeOffset From, DateTimeOffset To)>();

        // The grains apply entries by version; read them in that order whatever order they come in.
        foreach (var entry in InVersionOrder(log))
        {
            if (entry.Subject == ChangeSubject.Item && entry.ItemId is { } item)
            {
                if (entry.To == Open)
                {
                    opened[item] = (entry.At, entry.SessionId);
                    result._lastOpened[item] = entry.At;
                    result._timesOpened[item] = result.TimesOpened(item) + 1;
                }
                else if (entry.From == Open && opened.Remove(item, out var since))
                {
                    considered.Add((item, since.Session, since.At, entry.At));
                }
            }
            else if (entry.Subject == ChangeSubject.Session && entry.SessionId is { } session)
            {
                if (entry.To == Suspended)
                {
                    suspendedSince[session] = entry.At;
                }
                else if (suspendedSince.Remove(session, out var since))
                {
                    Suspension(suspensions, session).Add((since, entry.At));
                }
            }
        }
        foreach (var (item, since) in opened.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            considered.Add((item, since.Session, since.At, now));
        }
        foreach (var (session, since) in suspendedSince.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Suspension(suspensions, session).Add((since, now));
        }

        foreach (var (item, session, from, to) in considered)
        {
            var time = to > from ? to - from : TimeSpan.Zero;
            if (session is not null && suspensions.TryGetValue(session, out var paused))
            {
                foreach (var (pausedFrom, pausedTo) in paused)
                {
                    var overlap = Min(to, pausedTo) - Max(from, pausedFrom);
                    if (overlap > TimeSpan.Zero)
                    {
                        time -= overlap;
                    }
                }
            }
            result._spent[item] = result.Spent(item) + (time > TimeSpan.Zero ? time : TimeSpan.Zero);
        }
        return result;
    }

    private static IEnumerable<LogEntry> InVersionOrder(IReadOnlyList<LogEntry> log)
    {
        for (var i = 1; i < log.Count; i++)
        {
            if (log[i].Version < log[i - 1].Version)
            {
                return log.OrderBy(e => e.Version);
            }
        }
        return log;
    }

    private static List<(DateTimeOffset From, DateTimeOffset To)> Suspension(Dictionary<string, List<(DateTimeOffset, DateTimeOffset)>> all, string session)
    {
        if (!all.TryGetValue(session, out var list))
        {
            all[session] = list = [];
        }
        return list;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
