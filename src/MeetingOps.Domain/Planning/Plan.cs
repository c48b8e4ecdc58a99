namespace MeetingOps.Domain.Planning;

// The result of a re-plan. Totals are stored, not computed, so a plan written as JSON (API, grain state)
// reads back exactly as it was.

/// <summary>
/// A re-planned organization of work: every session in chronological order with the minutes each item gets
/// in it, the minutes per item, and what does not fit.
/// </summary>
/// <param name="PlannedMinutes">The minutes the organization of work gives the items (or their estimates).</param>
/// <param name="AvailableMinutes">The minutes the sessions offer under their caps.</param>
/// <param name="Warnings">What the officer must read before publishing: what is not yet placed (items and minutes), sittings shortened by the interpretation quota.</param>
/// <param name="FitFactor">For <see cref="PlanStrategy.Fit"/>: the common factor the items were compressed by (1 when nothing needed compressing).</param>
public sealed record Plan(
    PlanStrategy Strategy,
    int PlannedMinutes,
    int AvailableMinutes,
    int AllocatedMinutes,
    double? FitFactor,
    IReadOnlyList<PlanSession> Sessions,
    IReadOnlyList<PlanItem> Items,
    Overflow Overflow,
    IReadOnlyList<ForecastWarning>? Warnings = null)
{
    public PlanSession? FindSession(string sessionId) => Sessions.FirstOrDefault(s => s.SessionId == sessionId);

    public PlanItem? FindItem(string itemId) => Items.FirstOrDefault(i => i.ItemId == itemId);
}

/// <summary>
/// A session as re-planned. <see cref="End"/> is when the sitting ends under its cap (start + available minutes);
/// <see cref="LengthMinutes"/> is how long the organization of work books it for.
/// </summary>
/// <param name="Extra">Added by the re-plan (an extra sitting), not in the organization of work.</param>
/// <param name="AvailableMinutes">min(length, cap): the minutes items can be given.</param>
public sealed record PlanSession(
    string SessionId,
    DateTime LocalStart,
    DateTime LocalEnd,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> Bodies,
    SessionFormat Format,
    int? CapMinutes,
    int LengthMinutes,
    int AvailableMinutes,
    int AllocatedMinutes,
    bool Extra,
    IReadOnlyList<Allocation> Allocations)
{
    public bool Seats(string bodyId) => Bodies.Contains(bodyId);
}

/// <summary>Minutes an item gets in a session, in the order the items are taken up; <see cref="Continued"/> when the item was already taken up in an earlier session.</summary>
public sealed record Allocation(string ItemId, int Minutes, bool Continued);

/// <summary>What does not fit: the minutes, and which items they belong to, in agenda order.</summary>
public sealed record Overflow(int Minutes, IReadOnlyList<OverflowItem> Items)
{
    public static Overflow None { get; } = new(0, []);
}

public sealed record OverflowItem(string ItemId, int Minutes);

/// <summary>
/// One planned item: the minutes the organization of work gives it, the minutes the strategy aims to give it
/// (<see cref="TargetMinutes"/>: compressed under Fit, scaled under Compress), what it got, and what did not fit.
/// AllocatedMinutes + OverflowMinutes = TargetMinutes.
/// </summary>
public sealed record PlanItem(string ItemId, int PlannedMinutes, int TargetMinutes, int AllocatedMinutes, int OverflowMinutes);
