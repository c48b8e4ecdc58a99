namespace MeetingOps.Grains;

/// <summary>
/// The clock MeetingOps' grains read, registered as a keyed <see cref="TimeProvider"/>. Keyed rather than the
/// silo-wide TimeProvider: a test drives this clock by hand without also driving Orleans' own runtime loops.
/// </summary>
public static class Clocks
{
    public const string Meeting = "MeetingOps.Clock";
}
