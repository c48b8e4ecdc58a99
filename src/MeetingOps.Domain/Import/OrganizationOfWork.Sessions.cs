// OrganizationOfWork, sessions: the sittings turned into sessions, after realigning time labels printed one row too high.

using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

internal sealed partial class OrganizationOfWork
{
    /// <summary>The sessions, with items by merged id; resolves misaligned time labels first.</summary>
    public List<SessionDefinition> Sessions(List<BodyDraft> bodies)
    {
        Realign();
        var sessions = new List<SessionDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var slot in _slots)
        {
            meter.Charge(slot.Rows.Count + 1);
            var planned = new List<PlannedItem>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var sitting = new HashSet<BodyDraft>(slot.Rows.SelectMany(r => r.Entries).Select(e => e.Body));
            foreach (var row in slot.Rows)
            {
                var inRow = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in row.Entries)
                {
                    var merged = entry.Item.Merged!;
                    foreach (var member in merged.Members)
                    {
                        if (sitting.Add(member.Body))
                        {
                            log.Warn(row.Line, $"Joint item {merged.First.Number} is listed only for some of its bodies; the {member.Body.Name} is taken to sit in this session too.",
                                ServerPhrases.ImportJointPartlyListed.With(("number", merged.First.Number), ("body", member.Body.Name)));
                        }
                    }
                    if (seen.TryGetValue(merged.Id, out var at))
                    {
                        if (inRow.Contains(merged.Id) && entry.Continued && !planned[at].Continued)
                        {
                            planned[at] = planned[at] with { Continued = true };
                        }
                        else if (!inRow.Contains(merged.Id))
                        {
                            log.Warn(row.Line, $"Item {entry.Item.Number} of the {entry.Body.Name} is listed twice in the session of {slot.Date:yyyy-MM-dd} {Format(slot.Start)}; planned once.",
                                ServerPhrases.ImportListedTwice.With(("number", entry.Item.Number), ("body", entry.Body.Name), ("dateTime", ImportPhrases.LocalDateTime(slot.Date, slot.Start))));
                        }
                        continue;
                    }
                    seen[merged.Id] = planned.Count;
                    inRow.Add(merged.Id);
                    planned.Add(new PlannedItem(merged.Id, entry.Continued));
                }
            }
            if (planned.Count == 0)
            {
                log.Warn(slot.Line, $"No agenda items in the sitting of {slot.Date:yyyy-MM-dd} {Format(slot.Start)}; left out.",
                    ServerPhrases.ImportSittingNoItems.With(("dateTime", ImportPhrases.LocalDateTime(slot.Date, slot.Start))));
                continue;
            }
            var id = $"{slot.Date:yyyy-MM-dd}-{(slot.Start.Hour < 12 ? "am" : slot.Start.Hour < 18 ? "pm" : "evening")}";
            var unique = id;
            for (var n = 2; !ids.Add(unique); n++)
            {
                unique = $"{id}-{n}";
            }
            var start = slot.Date.ToDateTime(slot.Start, DateTimeKind.Unspecified);
            var end = slot.Date.ToDateTime(slot.End, DateTimeKind.Unspecified);
            sessions.Add(new SessionDefinition(unique, start, end, bodies.Where(sitting.Contains).Select(b => b.Id!).ToList(), planned));
            SessionLines[unique] = slot.Line;
        }
        return sessions;
    }

    public Dictionary<string, int> SessionLines { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A time label printed one row too high: within one sitting, a body's column lists an item and then the same item
    /// "(continued)". An item cannot continue in the sitting where it starts, so the label belongs to the "(continued)"
    /// row, and the rows above it belong to the previous sitting of the same day.
    /// </summary>
    private void Realign()
    {
        for (var s = 1; s < _slots.Count; s++)
        {
            var slot = _slots[s];
            var previous = _slots[s - 1];
            if (previous.Date != slot.Date)
            {
                continue;
            }
            var cut = -1;
            for (var r2 = 1; r2 < slot.Rows.Count && cut < 0; r2++)
            {
                foreach (var later in slot.Rows[r2].Entries.Where(e => e.Continued))
                {
                    for (var r1 = 0; r1 < r2; r1++)
                    {
                        if (slot.Rows[r1].Entries.Any(e => e.Body == later.Body && e.Item == later.Item && !e.Continued))
                        {
                            cut = r2;
                            break;
                        }
                    }
                    if (cut >= 0)
                    {
                        break;
                    }
                }
            }
            if (cut <= 0)
            {
                continue;
            }
            var moved = slot.Rows.Take(cut).ToList();
            slot.Rows.RemoveRange(0, cut);
            previous.Rows.AddRange(moved);
            var item = moved[0].Entries[0];
            log.Warn(moved[0].Line, $"Item {item.Item.Number} of the {item.Body.Name} is listed at {Format(slot.Start)}–{Format(slot.End)} and again as continued (line {slot.Rows[0].Line}) in the same sitting; "
                + $"the time is taken to belong to the \"(continued)\" row, and the row(s) above it to the sitting of {Format(previous.Start)}–{Format(previous.End)}.",
                ServerPhrases.ImportContinuedSameSitting.With(("number", item.Item.Number), ("body", item.Body.Name), ("time", ImportPhrases.Range(slot.Start, slot.End)),
                    ("first", slot.Rows[0].Line), ("previous", ImportPhrases.Range(previous.Start, previous.End))));
        }
    }
}
