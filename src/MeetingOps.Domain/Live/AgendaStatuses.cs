namespace MeetingOps.Domain;

/// <summary>
/// How an item's status reads on the agenda, beyond its own record, so the snapshot, the pages and the report say the
/// same: a parent never taken up itself reads as its sub-items stand, and a sub-item never taken up itself reads as the
/// parent that was considered as a whole (the 2021 sample plans item 2 as a whole: once it is adopted, 2 (a) and 2 (b)
/// are no longer pending).
/// </summary>
public static class AgendaStatuses
{
    /// <param name="items">Every item of the agenda: its id, its parent's id and its own status (from the log).</param>
    /// <returns>Each item's status as read.</returns>
    public static IReadOnlyDictionary<string, ItemStatus> Read(IReadOnlyList<(string Id, string? ParentId, ItemStatus Own)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var own = new Dictionary<string, ItemStatus>(items.Count, StringComparer.Ordinal);
        var parentOf = new Dictionary<string, string?>(items.Count, StringComparer.Ordinal);
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (id, parentId, status) in items)
        {
            own[id] = status;
            parentOf[id] = parentId;
            if (parentId is not null)
            {
                (children.TryGetValue(parentId, out var list) ? list : children[parentId] = []).Add(id);
            }
        }
        var read = new Dictionary<string, ItemStatus>(items.Count, StringComparer.Ordinal);
        ItemStatus Of(string id)
        {
            if (read.TryGetValue(id, out var known))
            {
                return known;
            }
            var status = own[id];
            if (status == ItemStatus.Pending)
            {
                status = children.TryGetValue(id, out var subItems) ? FromSubItems(subItems.Select(Of).ToList()) : FromParent(id);
            }
            return read[id] = status;
        }
        ItemStatus FromParent(string id)
        {
            // The nearest ancestor taken up itself, within the agenda's depth (a malformed cycle cannot loop).
            var parent = parentOf[id];
            for (var depth = 0; parent is not null && depth < items.Count; depth++)
            {
                if (own.TryGetValue(parent, out var status) && status != ItemStatus.Pending)
                {
                    return status;
                }
                parent = parentOf.GetValueOrDefault(parent);
            }
            return ItemStatus.Pending;
        }
        foreach (var (id, _, _) in items)
        {
            Of(id);
        }
        return read;
    }

    /// <summary>Open while one sub-item is open; concluded (adopted if any was adopted) when all are done; continued once some were considered; pending before.</summary>
    private static ItemStatus FromSubItems(IReadOnlyList<ItemStatus> subItems)
    {
        if (subItems.Contains(ItemStatus.Open))
        {
            return ItemStatus.Open;
        }
        if (subItems.All(c => c is ItemStatus.Concluded or ItemStatus.Adopted or ItemStatus.Deferred))
        {
            return subItems.All(c => c == ItemStatus.Deferred) ? ItemStatus.Deferred
                : subItems.Contains(ItemStatus.Adopted) ? ItemStatus.Adopted : ItemStatus.Concluded;
        }
        return subItems.Any(c => c != ItemStatus.Pending) ? ItemStatus.Continued : ItemStatus.Pending;
    }
}
