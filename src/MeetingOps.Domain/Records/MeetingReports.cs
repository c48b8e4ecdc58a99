namespace MeetingOps.Domain.Records;

/// <summary>
/// Draws the report facts from the audit log: which sittings were held (a sitting is held once the log has its
/// "start"), numbered per body in the order they were held; who opened each body's first sitting; and for every
/// item the sittings it was taken up in and where it ended. The plan is not read: a sitting planned but never
/// started is not a meeting held, and an item considered somewhere else than planned is reported where it was.
/// </summary>
public static class MeetingReports
{
    public static MeetingReport Build(MeetingView view, IEnumerable<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(log);
        log = Corrections.Effective(log.ToList()); // the record as if the slips never happened
        var venue = new VenueTime(view.TimeZone);
        // Only what the snapshot already reflects, in version order: the facts and the snapshot tell one story.
        var entries = log.Where(e => e.Version <= view.Version).OrderBy(e => e.Version).ToList();
        var sessions = view.Sessions.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var bodyOrder = view.Bodies.Select(b => b.Id).ToList();

        // The sittings held, in the order they started.
        var starts = entries
            .Where(e => e.Subject == ChangeSubject.Session && e.Action == "start" && e.SessionId is not null && sessions.ContainsKey(e.SessionId))
            .GroupBy(e => e.SessionId!, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        var ends = entries
            .Where(e => e.Subject == ChangeSubject.Session && e.Action == "end" && e.SessionId is not null)
            .GroupBy(e => e.SessionId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().At, StringComparer.Ordinal);

        var numbers = new Dictionary<(string Body, string Session), int>();
        var sittings = bodyOrder.ToDictionary(b => b, _ => new List<SittingRecord>(), StringComparer.Ordinal);
        foreach (var start in starts)
        {
            var session = sessions[start.SessionId!];
            var local = venue.ToLocal(start.At);
            var seated = bodyOrder.Where(session.Bodies.Contains).ToList();
            foreach (var body in seated)
            {
                var number = sittings[body].Count + 1;
                numbers[(body, session.Id)] = number;
                sittings[body].Add(new SittingRecord(number, session.Id, DateOnly.FromDateTime(local), start.At, local,
                    ends.TryGetValue(session.Id, out var ended) ? ended : null, seated));
            }
        }

        SittingReference? Reference(string? sessionId)
        {
            if (sessionId is null || starts.All(s => s.SessionId != sessionId))
            {
                return null;
            }
            var meetings = bodyOrder.Where(b => numbers.ContainsKey((b, sessionId))).ToDictionary(b => b, b => numbers[(b, sessionId)], StringComparer.Ordinal);
            var start = starts.First(s => s.SessionId == sessionId);
            return new SittingReference(sessionId, DateOnly.FromDateTime(venue.ToLocal(start.At)), meetings);
        }

        var byItem = entries.Where(e => e.Subject == ChangeSubject.Item && e.ItemId is not null)
            .GroupBy(e => e.ItemId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Statuses as the agenda reads them, by the snapshot's rule: a heading as its sub-items stand, a sub-item as the
        // parent considered as a whole; so the report never calls pending what the pages show as done.
        var read = AgendaStatuses.Read(view.Items
            .Select(i => (i.Id, i.ParentId, byItem.TryGetValue(i.Id, out var e) ? e[^1].ItemStatusAfter() : ItemStatus.Pending)).ToList());
        var records = new List<ItemRecord>();
        foreach (var item in view.Items)
        {
            if (!Reported(view, item, byItem))
            {
                continue;
            }
            var itemEntries = byItem.GetValueOrDefault(item.Id) ?? [];
            var considered = itemEntries
                .Where(e => e.Action is "open" or "reopen")
                .Select(e => e.SessionId)
                .Distinct()
                .Select(Reference)
                .OfType<SittingReference>()
                .ToList();
            var status = read[item.Id];
            var outcomeAction = status switch
            {
                ItemStatus.Adopted => "adopt",
                ItemStatus.Concluded => "conclude",
                ItemStatus.Deferred => "defer",
                _ => null,
            };
            var outcome = outcomeAction is null ? null : Reference(itemEntries.LastOrDefault(e => e.Action == outcomeAction)?.SessionId);
            var bodies = bodyOrder.Where(item.Numbers.ContainsKey).ToList();
            records.Add(new ItemRecord(item.Id, item.Numbers, item.Title, item.Kind, bodies, considered, status, outcome));
        }

        var bodyReports = view.Bodies.Select(b =>
        {
            var held = sittings[b.Id];
            OpeningRecord? opening = null;
            if (held.Count > 0)
            {
                var first = held[0];
                var start = starts.First(s => s.SessionId == first.SessionId);
                opening = new OpeningRecord(first.SessionId, 1, first.Date, first.LocalStart, first.StartedAt, start.Actor);
            }
            var own = records.Where(r => r.Bodies.Count == 1 && r.Bodies[0] == b.Id).ToList();
            return new BodyReport(b.Id, b.Name, b.Meeting, held, opening, own, b.Officers);
        }).ToList();
        return new MeetingReport(view.Id, view.Title, view.Venue, view.TimeZone, view.Version, bodyReports, records.Where(r => r.Bodies.Count > 1).ToList());
    }

    /// <summary>
    /// An item with log entries is reported. Of items without, a heading and its sub-items are said once: the heading
    /// while none of them was taken up, the sub-items still pending once some were, nothing for sub-items whose
    /// parent was taken up as a whole.
    /// </summary>
    private static bool Reported(MeetingView view, ItemView item, Dictionary<string, List<LogEntry>> byItem)
    {
        if (byItem.ContainsKey(item.Id))
        {
            return true;
        }
        var children = view.Items.Where(c => c.ParentId == item.Id).ToList();
        if (children.Count > 0)
        {
            return !children.Any(c => byItem.ContainsKey(c.Id));
        }
        if (item.ParentId is not { } parent)
        {
            return true;
        }
        return !byItem.ContainsKey(parent) && view.Items.Any(c => c.ParentId == parent && byItem.ContainsKey(c.Id));
    }
}
