using MeetingOps.Domain.Planning;

namespace MeetingOps.Domain.Schedule;

/// <summary>
/// A re-plan without changing any sitting's format (<c>PUT /plan</c>): the strategy, and optionally the officer's estimates,
/// hand pins, a floor, whether estimates may be scaled, the daily interpretation quota and extra sittings. It is a format
/// change that names no sessions, so proposing and publishing go through the same rules.
/// </summary>
public sealed record PlanChange(
    PlanStrategy Strategy,
    IReadOnlyList<Pin>? Pins = null,
    IReadOnlyDictionary<string, int>? Estimates = null,
    int? FloorMinutes = null,
    bool? ScaleEstimates = null,
    int? InterpretationMinutesPerDay = null,
    IReadOnlyList<ExtraSession>? ExtraSessions = null)
{
    public FormatChange ToFormatChange() =>
        new([], Strategy, null, null, null, FloorMinutes, Estimates, ExtraSessions, Pins, ScaleEstimates, InterpretationMinutesPerDay);
}
