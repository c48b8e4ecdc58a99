namespace MeetingOps.Domain.Planning;

/// <summary>
/// What the secretariat asks of a re-plan: sessions that change format, cap or start time, how to adjust,
/// and optionally explicit estimates per item and extra sittings to plan into.
/// </summary>
/// <param name="Changes">Per session id, its new format, cap and start. Sessions not named keep theirs.</param>
/// <param name="Estimates">Per item id, the minutes it needs, instead of its share of the sessions it is planned in.</param>
/// <param name="ExtraSessions">Sittings added to the meeting (e.g. an extra sitting), with nothing planned in them yet.</param>
/// <param name="FloorMinutes">For <see cref="PlanStrategy.Fit"/> and <see cref="PlanStrategy.Compress"/>: no item is compressed below this (or below its planned minutes, if fewer).</param>
/// <param name="Pins">Items the officer places by hand: the strategy plans the rest around them.</param>
/// <param name="ScaleEstimates">Whether compress and fit may scale the officer's estimates too; by default an estimate is kept as given.</param>
/// <param name="InterpretationMinutesPerDay">The interpretation quota: at most this many minutes a day of sittings with remote interpretation (hybrid or online).</param>
public sealed record PlanRequest(
    PlanStrategy Strategy,
    IReadOnlyDictionary<string, SessionChange>? Changes = null,
    IReadOnlyDictionary<string, int>? Estimates = null,
    IReadOnlyList<ExtraSession>? ExtraSessions = null,
    int FloorMinutes = PlanRequest.DefaultFloorMinutes,
    IReadOnlyList<Pin>? Pins = null,
    bool ScaleEstimates = false,
    int? InterpretationMinutesPerDay = null)
{
    public const int DefaultFloorMinutes = 10;

    /// <summary>Every session of the meeting hybrid, capped at <paramref name="capMinutes"/> (the platform's two hours when not given).</summary>
    public static PlanRequest AllHybrid(Meeting meeting, PlanStrategy strategy, int? capMinutes = null)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var changes = meeting.Sessions.ToDictionary(s => s.Id, _ => new SessionChange(SessionFormat.Hybrid, capMinutes), StringComparer.Ordinal);
        return new PlanRequest(strategy, changes);
    }
}

/// <summary>A session's new format and cap, and optionally a new start time at the venue on the same day.</summary>
/// <param name="CapMinutes">Longest the sitting may run; when not given, a hybrid sitting is capped at 120 minutes and any other is not capped.</param>
/// <param name="Start">New start, venue time (e.g. 12:00 so remote time zones can follow). The session keeps its length; then the cap applies.</param>
public sealed record SessionChange(SessionFormat Format, int? CapMinutes = null, TimeOnly? Start = null)
{
    /// <summary>The cap the change sets: the one given, else the hybrid default, else none. (A method: not part of the record's JSON.)</summary>
    public int? EffectiveCap() => CapMinutes ?? (Format == SessionFormat.Hybrid ? Session.DefaultHybridCapMinutes : null);
}

/// <summary>A sitting added to the meeting: when (venue time), who sits, how. Nothing is planned in it until a re-plan flows items into it.</summary>
/// <param name="CapMinutes">As for <see cref="SessionChange.CapMinutes"/>: a hybrid sitting defaults to 120 minutes.</param>
public sealed record ExtraSession(
    string Id,
    DateTime LocalStart,
    DateTime LocalEnd,
    IReadOnlyList<string> Bodies,
    SessionFormat Format = SessionFormat.InPerson,
    int? CapMinutes = null)
{
    public int? EffectiveCap() => CapMinutes ?? (Format == SessionFormat.Hybrid ? Session.DefaultHybridCapMinutes : null);
}

/// <summary>
/// An item placed by hand: <paramref name="Item"/> is taken up in <paramref name="Session"/> for <paramref name="Minutes"/>
/// (when not given, the minutes the strategy gives the item, shared among its pins without minutes). A pinned item goes
/// only where it is pinned; every body of its agenda must sit in the session.
/// </summary>
public sealed record Pin(string Item, string Session, int? Minutes = null);
