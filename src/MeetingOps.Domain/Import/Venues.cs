namespace MeetingOps.Domain.Import;

/// <summary>
/// The IANA time zone of a venue: the United Nations duty stations and regional commissions, and the cities
/// where intergovernmental meetings usually sit. Matched as whole words anywhere in the venue text, so
/// "Vienna International Centre" and "Palais des Nations, Geneva" both resolve.
/// </summary>
public static class Venues
{
    /// <summary>City (as documents name it) → IANA zone. Longest names are tried first ("New York" before "York").</summary>
    public static IReadOnlyDictionary<string, string> TimeZones { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // Duty stations and regional commissions.
        ["Vienna"] = "Europe/Vienna",
        ["Wien"] = "Europe/Vienna",
        ["Geneva"] = "Europe/Zurich",
        ["Genève"] = "Europe/Zurich",
        ["New York"] = "America/New_York",
        ["Nairobi"] = "Africa/Nairobi",
        ["Bangkok"] = "Asia/Bangkok",
        ["Santiago"] = "America/Santiago",
        ["Addis Ababa"] = "Africa/Addis_Ababa",
        ["Beirut"] = "Asia/Beirut",
        // Seats of specialized agencies, secretariats and courts.
        ["Bonn"] = "Europe/Berlin",
        ["Rome"] = "Europe/Rome",
        ["Paris"] = "Europe/Paris",
        ["The Hague"] = "Europe/Amsterdam",
        ["Montreal"] = "America/Toronto",
        ["Montréal"] = "America/Toronto",
        ["Washington"] = "America/New_York",
        ["Washington, D.C."] = "America/New_York",
        ["London"] = "Europe/London",
        ["Madrid"] = "Europe/Madrid",
        ["Lyon"] = "Europe/Paris",
        ["Turin"] = "Europe/Rome",
        ["Copenhagen"] = "Europe/Copenhagen",
        ["Brussels"] = "Europe/Brussels",
        ["Strasbourg"] = "Europe/Paris",
        ["Luxembourg"] = "Europe/Luxembourg",
        ["Berlin"] = "Europe/Berlin",
        ["Hamburg"] = "Europe/Berlin",
        ["Budapest"] = "Europe/Budapest",
        ["Warsaw"] = "Europe/Warsaw",
        ["Katowice"] = "Europe/Warsaw",
        ["Prague"] = "Europe/Prague",
        ["Athens"] = "Europe/Athens",
        ["Lisbon"] = "Europe/Lisbon",
        ["Stockholm"] = "Europe/Stockholm",
        ["Oslo"] = "Europe/Oslo",
        ["Helsinki"] = "Europe/Helsinki",
        ["Istanbul"] = "Europe/Istanbul",
        ["Moscow"] = "Europe/Moscow",
        ["Baku"] = "Asia/Baku",
        ["Glasgow"] = "Europe/London",
        ["Amman"] = "Asia/Amman",
        ["Cairo"] = "Africa/Cairo",
        ["Sharm el-Sheikh"] = "Africa/Cairo",
        ["Doha"] = "Asia/Qatar",
        ["Dubai"] = "Asia/Dubai",
        ["Abu Dhabi"] = "Asia/Dubai",
        ["Riyadh"] = "Asia/Riyadh",
        ["Marrakech"] = "Africa/Casablanca",
        ["Marrakesh"] = "Africa/Casablanca",
        ["Dakar"] = "Africa/Dakar",
        ["Abidjan"] = "Africa/Abidjan",
        ["Kigali"] = "Africa/Kigali",
        ["Johannesburg"] = "Africa/Johannesburg",
        ["Pretoria"] = "Africa/Johannesburg",
        ["Durban"] = "Africa/Johannesburg",
        ["Cape Town"] = "Africa/Johannesburg",
        ["Tokyo"] = "Asia/Tokyo",
        ["Kyoto"] = "Asia/Tokyo",
        ["Nagoya"] = "Asia/Tokyo",
        ["Beijing"] = "Asia/Shanghai",
        ["Shanghai"] = "Asia/Shanghai",
        ["Seoul"] = "Asia/Seoul",
        ["Incheon"] = "Asia/Seoul",
        ["Singapore"] = "Asia/Singapore",
        ["Kuala Lumpur"] = "Asia/Kuala_Lumpur",
        ["Jakarta"] = "Asia/Jakarta",
        ["Bali"] = "Asia/Makassar",
        ["Manila"] = "Asia/Manila",
        ["New Delhi"] = "Asia/Kolkata",
        ["Delhi"] = "Asia/Kolkata",
        ["Sydney"] = "Australia/Sydney",
        ["Canberra"] = "Australia/Sydney",
        ["Buenos Aires"] = "America/Argentina/Buenos_Aires",
        ["Mexico City"] = "America/Mexico_City",
        ["Cancun"] = "America/Cancun",
        ["Cancún"] = "America/Cancun",
        ["Panama"] = "America/Panama",
        ["Lima"] = "America/Lima",
        ["Bogota"] = "America/Bogota",
        ["Bogotá"] = "America/Bogota",
        ["Brasilia"] = "America/Sao_Paulo",
        ["Brasília"] = "America/Sao_Paulo",
        ["Rio de Janeiro"] = "America/Sao_Paulo",
        ["Port of Spain"] = "America/Port_of_Spain",
        ["Kingston"] = "America/Jamaica",
        ["Ottawa"] = "America/Toronto",
        ["Toronto"] = "America/Toronto",
    };

    private static readonly string[] ByLength = TimeZones.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToArray();

    /// <summary>The IANA zone of the first known city named in <paramref name="venue"/>, or null.</summary>
    public static string? TimeZoneOf(string? venue)
    {
        if (string.IsNullOrWhiteSpace(venue) || venue.Length > 500)
        {
            return null;
        }
        foreach (var city in ByLength)
        {
            var at = venue.IndexOf(city, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                var before = at == 0 || !char.IsLetter(venue[at - 1]);
                var end = at + city.Length;
                var after = end >= venue.Length || !char.IsLetter(venue[end]);
                if (before && after)
                {
                    return TimeZones[city];
                }
                at = venue.IndexOf(city, at + 1, StringComparison.OrdinalIgnoreCase);
            }
        }
        return null;
    }
}
