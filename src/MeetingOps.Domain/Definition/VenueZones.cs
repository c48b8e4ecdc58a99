namespace MeetingOps.Domain.Definition;

/// <summary>
/// A venue's time zone is a place: an IANA id "Area/Location" (Europe/Vienna, America/Argentina/Buenos_Aires).
/// The database also holds names that are not places and that browsers do not know or read differently
/// (localtime, posixrules, Factory, the old "US/…" and "SystemV/…" links, "Etc/GMT+3" with its reversed sign);
/// a display clock fed one of those shows the wrong time or none, so only the real areas are accepted (and plain UTC).
/// </summary>
public static class VenueZones
{
    private static readonly HashSet<string> Areas = new(StringComparer.Ordinal)
    {
        "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific",
    };

    public static bool IsLocation(string zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (zone == "UTC")
        {
            // Not a place, but every browser and calendar knows it; the importer falls back to it when a venue is unknown.
            return true;
        }
        var slash = zone.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < zone.Length - 1 && zone.Length <= 64 && Areas.Contains(zone[..slash])
            && zone.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+');
    }
}
