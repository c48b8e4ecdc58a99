namespace MeetingOps.Domain.Planning;

/// <summary>
/// The compress strategy: every item stays in the sessions it is planned in. A session whose items need more
/// than it offers has their minutes scaled to fit (largest remainder, so they sum exactly to its available
/// minutes); a session with room keeps them as planned. Nothing overflows.
/// </summary>
internal static class Compression
{
    public static List<PlannedTime.Share>[] Allocate(IReadOnlyList<Sitting> sittings, PlannedTime.Share[][] sharesByMeetingSession)
    {
        var result = new List<PlannedTime.Share>[sittings.Count];
        for (var c = 0; c < sittings.Count; c++)
        {
            var sitting = sittings[c];
            var shares = sitting.Extra ? [] : sharesByMeetingSession[sitting.MeetingIndex];
            var load = shares.Sum(s => s.Minutes);
            if (load <= sitting.Available)
            {
                result[c] = [.. shares];
                continue;
            }
            var scaled = Apportionment.Split(sitting.Available, shares.Select(s => (long)s.Minutes).ToList());
            result[c] = shares.Select((s, k) => new PlannedTime.Share(s.Item, scaled[k])).ToList();
        }
        return result;
    }
}
