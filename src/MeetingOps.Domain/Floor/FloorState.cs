namespace MeetingOps.Domain.Floor;

/// <summary>Why a delegation asks for the floor. The kind decides its place in the list.</summary>
public enum FloorRequestKind
{
    Statement,
    /// <summary>Goes to the top of the list (after earlier points of order).</summary>
    PointOfOrder,
    /// <summary>Goes to the end of the list, after every statement (rights of reply come at the end of the item).</summary>
    RightOfReply,
}

/// <summary>One place in the list of speakers.</summary>
public sealed record FloorRequest(string DelegationId, FloorRequestKind Kind, DateTimeOffset At);

/// <summary>
/// Who has the floor. The statement timer is kept as instants, not as a running count, so it reads the same
/// after a restart: time used = (now or paused-at) − since − paused before.
/// </summary>
public sealed record Speaker(
    string DelegationId,
    FloorRequestKind Kind,
    DateTimeOffset Since,
    int? LimitSeconds,
    DateTimeOffset? PausedAt = null,
    double PausedSeconds = 0)
{
    public double UsedSeconds(DateTimeOffset now) =>
        Math.Max(0, ((PausedAt ?? now) - Since).TotalSeconds - PausedSeconds);

    /// <summary>Seconds left of the limit (negative once over it), or null without a limit.</summary>
    public double? LeftSeconds(DateTimeOffset now) => LimitSeconds is { } limit ? limit - UsedSeconds(now) : null;
}

/// <summary>The list of speakers of one agenda item.</summary>
/// <param name="LimitSeconds">The statement limit for this item; null means the meeting's limit (or none).</param>
/// <param name="Spoke">Who was given the floor, in order (with repeats): what the report lists.</param>
public sealed record FloorState(
    Speaker? Speaking,
    IReadOnlyList<FloorRequest> Queue,
    bool Closed,
    int? LimitSeconds,
    IReadOnlyList<FloorRequest> Spoke)
{
    public static FloorState Empty { get; } = new(null, [], false, null, []);
}
