using MeetingOps.Domain.Planning;

namespace MeetingOps.Domain.Schedule;

/// <summary>
/// The secretariat switches sittings to another format (typically hybrid, capped by the remote interpretation
/// platform), optionally moves their start, and says how the organization of work is to be adjusted.
/// </summary>
/// <param name="Sessions">The sittings that change (["all"]: every defined sitting not yet ended when the change is decided, resolved by the meeting so a resend replays); empty when only the strategy, estimates or extra sittings change.</param>
/// <param name="Format">Their new format; required when <paramref name="Sessions"/> is not empty.</param>
/// <param name="CapMinutes">Their cap; a hybrid sitting defaults to 120 minutes.</param>
/// <param name="Start">Their new start, venue time, same day (e.g. 12:00 so remote time zones can follow).</param>
/// <param name="ExtraSessions">Sittings to add (an extra sitting); replaces any earlier extra sitting with the same id.</param>
/// <param name="Pins">Items placed by hand; replaces the earlier pins when given ([] removes them).</param>
/// <param name="ScaleEstimates">Whether compress and fit may scale the officer's estimates; kept from earlier when not given.</param>
/// <param name="InterpretationMinutesPerDay">The daily interpretation quota; kept from earlier when not given, 0 removes it.</param>
public sealed record FormatChange(
    IReadOnlyList<string> Sessions,
    PlanStrategy Strategy,
    SessionFormat? Format = null,
    int? CapMinutes = null,
    TimeOnly? Start = null,
    int? FloorMinutes = null,
    IReadOnlyDictionary<string, int>? Estimates = null,
    IReadOnlyList<ExtraSession>? ExtraSessions = null,
    IReadOnlyList<Pin>? Pins = null,
    bool? ScaleEstimates = null,
    int? InterpretationMinutesPerDay = null);
