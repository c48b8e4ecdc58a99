using System.Globalization;
using System.Text;
using MeetingOps.Domain.Records;

namespace MeetingOps.Domain.Floor;

/// <summary>The floor in the records: who made statements, per item, in the report; the floor entries in the CSV log.</summary>
public static class FloorRecords
{
    /// <summary>The report with each item's statements sentence, from who was given the floor on it (in order, with repeats).</summary>
    public static MeetingReport WithStatements(MeetingReport report, IReadOnlyDictionary<string, IReadOnlyList<string>> spokeByItem, IReadOnlyList<Delegation> delegations)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(spokeByItem);
        ArgumentNullException.ThrowIfNull(delegations);
        var byId = delegations.ToDictionary(d => d.Id, StringComparer.Ordinal);
        ItemRecord With(ItemRecord item) =>
            spokeByItem.TryGetValue(item.ItemId, out var spoke)
                ? item with { Statements = FloorStatements.Sentence(spoke.Select(id => byId.GetValueOrDefault(id) ?? new Delegation(id, id, DelegationKind.MemberState))) }
                : item;
        return report with
        {
            Bodies = [.. report.Bodies.Select(b => b with { Items = [.. b.Items.Select(With)] })],
            JointItems = [.. report.JointItems.Select(With)],
        };
    }

    /// <summary>
    /// The floor entries as rows of the CSV log, after the meeting's own, in time order. Each item's list of speakers
    /// has its own versions, so the version column reads "floor 3" to keep them apart from the meeting's.
    /// </summary>
    public static string AppendToCsv(string csv, string timeZone, IEnumerable<FloorLogEntry> entries, IReadOnlyList<Delegation> delegations)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(delegations);
        var venue = new VenueTime(timeZone);
        var text = new StringBuilder(csv);
        foreach (var e in entries.OrderBy(e => e.At).ThenBy(e => e.ItemId, StringComparer.Ordinal).ThenBy(e => e.Version))
        {
            var role = e.Actor.Split(' ')[0];
            var name = e.Actor.Length > role.Length ? e.Actor[(role.Length + 1)..].Trim('(', ')') : "";
            string[] cells =
            [
                $"floor {e.Version.ToString(CultureInfo.InvariantCulture)}",
                e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                venue.WithOffset(e.At).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                "",
                e.ItemId,
                "",
                "floor",
                MeetingOpsJson.Name(e.Action),
                e.DelegationId is { } d ? delegations.FirstOrDefault(x => x.Id == d)?.Name ?? d : "",
                e.Kind is { } k ? MeetingOpsJson.Name(k) : "",
                role,
                name,
                e.CommandId,
                e.Note,
            ];
            text.Append(string.Join(',', cells.Select(LogCsv.Cell))).Append("\r\n");
        }
        return text.ToString();
    }
}
