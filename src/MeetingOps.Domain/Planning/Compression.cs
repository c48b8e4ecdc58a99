namespace MeetingOps.Domain.Planning;

/// <summary>
/// The compress strategy: every item stays in the sessions it is planned in. A session whose items need more
/// than it offers has their minutes scaled to fit (one factor per session, largest remainder, never below the floor
/// or an item's own minutes if fewer); a session with room keeps them as planned. The officer's estimates are kept
/// as given unless the request says to scale them, and pinned items are placed by their pins, so the others share
/// what is left. What does not fit even at the floors overflows.
/// </summary>
internal static class Compression
{
    /// <param name="pinnedMinutes">Per sitting, the minutes hand pins take.</param>
    /// <param name="keep">Per item, whether its minutes are kept as given (an estimate not to scale).</param>
    /// <param name="skip">Per item, whether it is placed elsewhere (pinned by hand).</param>
    public static List<PlannedTime.Share>[] Targets(IReadOnlyList<Sitting> sittings, PlannedTime.Share[][] sharesByMeetingSession,
        int[] pinnedMinutes, bool[] keep, bool[] skip, int floorMinutes)
    {
        var result = new List<PlannedTime.Share>[sittings.Count];
        for (var c = 0; c < sittings.Count; c++)
        {
            var sitting = sittings[c];
            var shares = (sitting.Extra ? [] : sharesByMeetingSession[sitting.MeetingIndex]).Where(s => !skip[s.Item]).ToList();
            var room = Math.Max(0, sitting.Available - pinnedMinutes[c]);
            if (shares.Sum(s => s.Minutes) <= room)
            {
                result[c] = shares;
                continue;
            }
            var kept = shares.Where(s => keep[s.Item]).Sum(s => s.Minutes);
            var scalable = shares.Where(s => !keep[s.Item]).ToList();
            var (scaled, _) = FitFactor.Compress(scalable.Select(s => s.Minutes).ToList(), Math.Max(0, room - kept), floorMinutes);
            var k = 0;
            result[c] = shares.Select(s => keep[s.Item] ? s : new PlannedTime.Share(s.Item, scaled[k++])).ToList();
        }
        return result;
    }
}
