using System.Globalization;
using System.Text.Json.Nodes;

namespace MeetingOps.Tests.Shared;

/// <summary>
/// A meeting definition at the definition limits: 1,000 agenda items and 500 sittings (nine an hour apart on each of
/// the days it takes), two items planned per sitting, every item titled and annotated as a real agenda would be.
/// </summary>
public static class LimitsMeeting
{
    public const int Items = 1000;
    public const int Sittings = 500;
    public const int SittingsPerDay = 9;

    public static readonly DateOnly FirstDay = new(2026, 3, 2);

    public static string ItemId(int n) => $"item-{n:0000}";

    public static string SittingId(int n) => $"sitting-{n:000}";

    public static string Json()
    {
        var days = (Sittings + SittingsPerDay - 1) / SittingsPerDay;
        var items = new JsonArray();
        for (var n = 1; n <= Items; n++)
        {
            items.Add(new JsonObject
            {
                ["id"] = ItemId(n),
                ["numbers"] = new JsonObject { ["cop"] = n.ToString(CultureInfo.InvariantCulture) },
                ["title"] = $"Review of the implementation of the Convention and the Protocols thereto, part {n}",
                ["kind"] = "substantive",
                ["annotation"] = new JsonObject { ["cop"] = $"Under item {n} the Conference will have before it the report of the secretariat on the matter." },
            });
        }
        var sittings = new JsonArray();
        for (var n = 0; n < Sittings; n++)
        {
            var day = FirstDay.AddDays(n / SittingsPerDay);
            var hour = 8 + n % SittingsPerDay;
            sittings.Add(new JsonObject
            {
                ["id"] = SittingId(n + 1),
                ["start"] = $"{day:yyyy-MM-dd}T{hour:00}:00",
                ["end"] = $"{day:yyyy-MM-dd}T{hour:00}:50",
                ["bodies"] = new JsonArray("cop"),
                ["items"] = new JsonArray(new JsonObject { ["item"] = ItemId(2 * n + 1) }, new JsonObject { ["item"] = ItemId(2 * n + 2) }),
                ["format"] = "inPerson",
            });
        }
        return new JsonObject
        {
            ["title"] = "Conference of the Parties at the definition limits",
            ["venue"] = "Vienna",
            ["timeZone"] = "Europe/Vienna",
            ["startDate"] = FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["endDate"] = FirstDay.AddDays(days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["bodies"] = new JsonArray(new JsonObject { ["id"] = "cop", ["name"] = "Conference of the Parties", ["symbol"] = "CTOC/COP", ["meeting"] = "first" }),
            ["items"] = items,
            ["sessions"] = sittings,
        }.ToJsonString();
    }
}
