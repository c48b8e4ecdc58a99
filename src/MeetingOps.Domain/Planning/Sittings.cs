namespace MeetingOps.Domain.Planning;

/// <summary>
/// A session as a re-plan sees it: its new format, cap and start applied, its instants at the venue, and the
/// minutes it offers. <see cref="MeetingIndex"/> is its place in the meeting's sessions, or -1 for an extra sitting.
/// </summary>
internal sealed record Sitting(
    string Id,
    int MeetingIndex,
    DateTime LocalStart,
    DateTime LocalEnd,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> Bodies,
    SessionFormat Format,
    int? Cap,
    int Length,
    int Available,
    int QuotaCut = 0)
{
    /// <summary>Hybrid and online sittings use the remote interpretation platform, so they count against the daily quota.</summary>
    public bool Interpreted => Format is SessionFormat.Hybrid or SessionFormat.Online;

    public bool Extra => MeetingIndex < 0;
}

/// <summary>Lays out the sessions of a re-plan in chronological order (ties in the order the meeting, then the request, lists them).</summary>
internal static class Sittings
{
    public static List<Sitting> Lay(Meeting meeting, PlanRequest request, VenueClock clock)
    {
        var result = new List<(Sitting Sitting, int Order)>(meeting.Sessions.Count + (request.ExtraSessions?.Count ?? 0));
        for (var s = 0; s < meeting.Sessions.Count; s++)
        {
            var session = meeting.Sessions[s];
            var length = PlannedTime.LengthMinutes(session);
            if (request.Changes is not null && request.Changes.TryGetValue(session.Id, out var change))
            {
                var localStart = change.Start is { } time ? session.LocalStart.Date + time.ToTimeSpan() : session.LocalStart;
                var start = change.Start is null ? session.Start : clock.ToInstant(localStart);
                result.Add((Make(session.Id, s, localStart, start, session.Bodies, change.Format, change.EffectiveCap(), length, clock), s));
            }
            else
            {
                result.Add((Make(session.Id, s, session.LocalStart, session.Start, session.Bodies, session.Format, session.CapMinutes, length, clock), s));
            }
        }
        var extras = request.ExtraSessions ?? [];
        for (var x = 0; x < extras.Count; x++)
        {
            var extra = extras[x];
            var start = clock.ToInstant(extra.LocalStart);
            var length = (int)(clock.ToInstant(extra.LocalEnd) - start).TotalMinutes;
            result.Add((Make(extra.Id, -1, extra.LocalStart, start, extra.Bodies, extra.Format, extra.EffectiveCap(), length, clock), meeting.Sessions.Count + x));
        }
        var laid = result.OrderBy(r => r.Sitting.Start).ThenBy(r => r.Order).Select(r => r.Sitting).ToList();
        return request.InterpretationMinutesPerDay is { } quota ? WithinQuota(laid, quota, clock) : laid;
    }

    /// <summary>
    /// The daily interpretation quota, used in the order the interpreted sittings come on each day at the venue: a sitting
    /// gets what is left of the day's quota, at most its own available minutes; the minutes cut are kept to be said.
    /// </summary>
    private static List<Sitting> WithinQuota(List<Sitting> sittings, int quota, VenueClock clock)
    {
        var used = new Dictionary<DateOnly, int>();
        var result = new List<Sitting>(sittings.Count);
        foreach (var s in sittings)
        {
            if (!s.Interpreted)
            {
                result.Add(s);
                continue;
            }
            var day = DateOnly.FromDateTime(s.LocalStart);
            var left = quota - used.GetValueOrDefault(day);
            var available = Math.Max(0, Math.Min(s.Available, left));
            used[day] = used.GetValueOrDefault(day) + available;
            if (available == s.Available)
            {
                result.Add(s);
                continue;
            }
            var end = s.Start.AddMinutes(available);
            result.Add(s with { Available = available, End = end, LocalEnd = clock.ToLocal(end), QuotaCut = s.Available - available });
        }
        return result;
    }

    private static Sitting Make(string id, int meetingIndex, DateTime localStart, DateTimeOffset start, IReadOnlyList<string> bodies,
        SessionFormat format, int? cap, int length, VenueClock clock)
    {
        var available = cap is { } c ? Math.Min(length, c) : length;
        var end = start.AddMinutes(available);
        return new Sitting(id, meetingIndex, localStart, clock.ToLocal(end), start, end, bodies, format, cap, length, available);
    }
}
