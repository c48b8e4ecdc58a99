using System.Globalization;

namespace MeetingOps.Domain.Planning;

/// <summary>
/// Times at the venue: local wall-clock time to UTC instants and back, read the way the meeting definition
/// reads them (an ambiguous local time, when clocks go back, is the earlier instant), and written the way
/// people say them ("Wednesday 25 May 10:00").
/// </summary>
public sealed class VenueClock
{
    private readonly TimeZoneInfo _zone;

    public VenueClock(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        _zone = TimeZoneInfo.FindSystemTimeZoneById(meeting.TimeZone);
    }

    /// <summary>Whether the local time exists at the venue (not skipped by the clocks going forward).</summary>
    public bool Exists(DateTime local) => !_zone.IsInvalidTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));

    public DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = _zone.IsAmbiguousTime(unspecified) ? _zone.GetAmbiguousTimeOffsets(unspecified).Max() : _zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    public DateTime ToLocal(DateTimeOffset instant) => DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, _zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>"Wednesday 25 May 10:00", venue time.</summary>
    public string Words(DateTimeOffset instant) => ToLocal(instant).ToString("dddd d MMMM HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"10:00", venue time.</summary>
    public string TimeWords(DateTimeOffset instant) => ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);
}
