namespace MeetingOps.Domain.Records;

/// <summary>Instants as wall-clock time at the venue (the records' second clock beside UTC).</summary>
public sealed class VenueTime(string timeZone)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);

    public DateTime ToLocal(DateTimeOffset instant) => DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, _zone).DateTime, DateTimeKind.Unspecified);

    /// <summary>The instant with the venue's offset at that moment, e.g. 2022-10-28T10:00:00+02:00.</summary>
    public DateTimeOffset WithOffset(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);
}
