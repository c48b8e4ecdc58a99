using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Amendments;

/// <summary>One change between two versions of a meeting definition, in the secretariat's words.</summary>
/// <param name="Action">What happened, e.g. "item renamed", "document added", "sitting moved".</param>
/// <param name="ItemId">The item concerned, if any.</param>
/// <param name="SessionId">The sitting concerned, if any.</param>
/// <param name="BodyId">The body concerned, if any.</param>
public sealed record Amendment(string Action, string? ItemId, string? SessionId, string? BodyId, string From, string To);

/// <summary>
/// Works out what changed between the definition as it stands and the one the secretariat sends, and whether the
/// record allows it: an item or sitting with history cannot be taken out (it can be withdrawn or cancelled instead),
/// and a sitting in progress cannot be moved. Pure: the meeting grain logs what this decides.
/// </summary>
public static partial class DefinitionAmendments
{
    public const string ItemAdded = "item added";
    public const string ItemRemoved = "item removed";
    public const string ItemRenamed = "item renamed";
    public const string ItemRenumbered = "item renumbered";
    public const string ItemMoved = "item moved";
    public const string ItemChanged = "item changed";
    public const string DocumentAdded = "document added";
    public const string DocumentChanged = "document changed";
    public const string DocumentRemoved = "document removed";
    public const string SittingAdded = "sitting added";
    public const string SittingMoved = "sitting moved";
    public const string SittingCancelled = "sitting cancelled";
    public const string SittingChanged = "sitting changed";
    public const string BodyAdded = "body added";
    public const string BodyRemoved = "body removed";
    public const string BodyRenamed = "body renamed";
    public const string OfficersChanged = "officers changed";
    public const string MeetingChanged = "meeting changed";

    private sealed record Placed(ItemDefinition Item, string? ParentId, int Index);

    /// <summary>Every change from <paramref name="before"/> to <paramref name="after"/>, in agenda order; empty when they say the same.</summary>
    public static IReadOnlyList<Amendment> Diff(MeetingDefinition before, MeetingDefinition after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<Amendment>();
        Meeting(before, after, changes);
        Bodies(before.Bodies, after.Bodies, changes);
        Items(before.Items, after.Items, changes);
        Sessions(before.Sessions, after.Sessions, changes);
        Translations(before, after, changes);
        return changes;
    }

    /// <summary>
    /// Whether the amendments may be made given what has happened: null when they may, else a conflict naming the
    /// item or sitting. <paramref name="live"/> holds the statuses; <paramref name="log"/> the history.
    /// </summary>
    public static Refusal? Protect(IReadOnlyList<Amendment> amendments, LiveState live, IReadOnlyList<LogEntry> log)
    {
        ArgumentNullException.ThrowIfNull(amendments);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(log);
        foreach (var a in amendments)
        {
            if (a.Action == ItemRemoved && a.ItemId is { } item && HasHistory(log, item, null))
            {
                return new Refusal(RefusalKind.Conflict,
                    $"Item \"{item}\" ({a.From}) has history in the record and cannot be removed; withdraw it instead. Nothing was changed.",
                    Text: ServerPhrases.AmendItemHasHistory.With(("item", item)));
            }
            if (a.Action == SittingCancelled && a.SessionId is { } cancelled && HasHistory(log, null, cancelled))
            {
                return new Refusal(RefusalKind.Conflict,
                    $"Sitting \"{cancelled}\" ({a.From}) has history in the record and cannot be removed. Nothing was changed.",
                    Text: ServerPhrases.AmendSittingHasHistory.With(("session", cancelled)));
            }
            if (a.Action == SittingMoved && a.SessionId is { } moved && live.Session(moved).IsSitting)
            {
                return new Refusal(RefusalKind.Conflict,
                    $"Sitting \"{moved}\" is in progress and cannot be moved ({a.From} → {a.To}). Nothing was changed.",
                    Text: ServerPhrases.AmendSittingInProgress.With(("session", moved)));
            }
        }
        return null;
    }

    /// <summary>The amendments as log entries: all under one new version, one command.</summary>
    public static IReadOnlyList<LogEntry> Entries(IReadOnlyList<Amendment> amendments, Actor actor, DateTimeOffset at, string commandId, long version)
    {
        ArgumentNullException.ThrowIfNull(amendments);
        return amendments.Select(a => new LogEntry(version, at, commandId, actor, ChangeSubject.Amendment, a.ItemId, a.SessionId, a.Action, a.From, a.To,
            a.BodyId is null ? null : $"body {a.BodyId}")).ToList();
    }

    private static bool HasHistory(IReadOnlyList<LogEntry> log, string? itemId, string? sessionId) =>
        log.Any(e => e.Subject is ChangeSubject.Item or ChangeSubject.Session
            && (itemId is not null && e.ItemId == itemId || sessionId is not null && e.SessionId == sessionId));

    private static void Meeting(MeetingDefinition b, MeetingDefinition a, List<Amendment> changes)
    {
        void Field(string name, string? from, string? to)
        {
            if (!string.Equals(from ?? "", to ?? "", StringComparison.Ordinal))
            {
                changes.Add(new Amendment(MeetingChanged, null, null, null, $"{name}: {from}", $"{name}: {to}"));
            }
        }
        Field("title", b.Title, a.Title);
        Field("venue", b.Venue, a.Venue);
        Field("time zone", b.TimeZone, a.TimeZone);
        Field("start date", Date(b.StartDate), Date(a.StartDate));
        Field("end date", Date(b.EndDate), Date(a.EndDate));
        Field("parent body", b.ParentBody, a.ParentBody);
        Field("symbol", b.Symbol, a.Symbol);
        Field("issued", Date(b.Issued), Date(a.Issued));
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static void Bodies(IReadOnlyList<BodyDefinition> before, IReadOnlyList<BodyDefinition> after, List<Amendment> changes)
    {
        var old = (before ?? []).Where(b => b?.Id is not null).GroupBy(b => b.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var body in (after ?? []).Where(b => b?.Id is not null))
        {
            if (!seen.Add(body.Id))
            {
                continue;
            }
            if (!old.TryGetValue(body.Id, out var was))
            {
                changes.Add(new Amendment(BodyAdded, null, null, body.Id, "", body.Name));
                continue;
            }
            if (was.Name != body.Name || was.Symbol != body.Symbol || was.Meeting != body.Meeting)
            {
                changes.Add(new Amendment(BodyRenamed, null, null, body.Id, BodyText(was), BodyText(body)));
            }
            if (OfficersText(was.Officers) != OfficersText(body.Officers))
            {
                changes.Add(new Amendment(OfficersChanged, null, null, body.Id, OfficersText(was.Officers), OfficersText(body.Officers)));
            }
        }
        foreach (var gone in old.Values.Where(b => !seen.Contains(b.Id)))
        {
            changes.Add(new Amendment(BodyRemoved, null, null, gone.Id, gone.Name, ""));
        }
    }

    private static string BodyText(BodyDefinition b) => string.Join(", ", new[] { b.Name, b.Symbol, b.Meeting }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>The officers in one line, e.g. "Chair: A; Vice-Chairs: B, C; Rapporteur: D".</summary>
    public static string OfficersText(BodyOfficers? o)
    {
        if (o is null)
        {
            return "";
        }
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(o.Chair))
        {
            parts.Add($"Chair: {o.Chair}");
        }
        if (o.ViceChairs is { Count: > 0 } vice)
        {
            parts.Add($"Vice-Chairs: {string.Join(", ", vice)}");
        }
        if (!string.IsNullOrWhiteSpace(o.Rapporteur))
        {
            parts.Add($"Rapporteur: {o.Rapporteur}");
        }
        return string.Join("; ", parts);
    }

    private static Dictionary<string, Placed> Flatten(IReadOnlyList<ItemDefinition>? items)
    {
        var result = new Dictionary<string, Placed>(StringComparer.Ordinal);
        void Walk(IReadOnlyList<ItemDefinition>? list, string? parent)
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                if (list![i] is not { Id: not null } item || !result.TryAdd(item.Id, new Placed(item, parent, i)))
                {
                    continue;
                }
                Walk(item.SubItems, item.Id);
            }
        }
        Walk(items, null);
        return result;
    }

    private static string Numbers(IReadOnlyDictionary<string, string>? numbers) =>
        numbers is null ? "" : string.Join(", ", numbers.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key} {n.Value}"));

    private static string ItemText(ItemDefinition item) => $"{Numbers(item.Numbers)} {item.Title}".Trim();

    private static void Items(IReadOnlyList<ItemDefinition> before, IReadOnlyList<ItemDefinition> after, List<Amendment> changes)
    {
        var old = Flatten(before);
        var now = Flatten(after);
        // Moves are judged among the items in both versions, so adding or removing one does not move its neighbours.
        var oldOrder = Order(old, now);
        var newOrder = Order(now, old);
        foreach (var (id, placed) in now)
        {
            var item = placed.Item;
            if (!old.TryGetValue(id, out var was))
            {
                changes.Add(new Amendment(ItemAdded, id, null, null, "", ItemText(item)));
                continue;
            }
            if (was.Item.Title != item.Title)
            {
                changes.Add(new Amendment(ItemRenamed, id, null, null, was.Item.Title, item.Title));
            }
            if (Numbers(was.Item.Numbers) != Numbers(item.Numbers))
            {
                changes.Add(new Amendment(ItemRenumbered, id, null, null, Numbers(was.Item.Numbers), Numbers(item.Numbers)));
            }
            if (was.ParentId != placed.ParentId || oldOrder[id] != newOrder[id])
            {
                changes.Add(new Amendment(ItemMoved, id, null, null, Where(was.ParentId, oldOrder[id]), Where(placed.ParentId, newOrder[id])));
            }
            if (was.Item.Kind != item.Kind || was.Item.Adoptable != item.Adoptable || Annotation(was.Item.Annotation) != Annotation(item.Annotation))
            {
                changes.Add(new Amendment(ItemChanged, id, null, null, ItemDetails(was.Item), ItemDetails(item)));
            }
            Documents(id, was.Item.Documents, item.Documents, changes);
        }
        foreach (var (id, was) in old.Where(o => !now.ContainsKey(o.Key)))
        {
            changes.Add(new Amendment(ItemRemoved, id, null, null, ItemText(was.Item), ""));
        }
    }

    private static Dictionary<string, int> Order(Dictionary<string, Placed> items, Dictionary<string, Placed> other) =>
        items.Where(i => other.ContainsKey(i.Key))
            .GroupBy(i => i.Value.ParentId ?? "")
            .SelectMany(g => g.OrderBy(i => i.Value.Index).Select((i, n) => (i.Key, n)))
            .ToDictionary(p => p.Key, p => p.n, StringComparer.Ordinal);

    private static string Where(string? parent, int position) => parent is null ? $"position {position + 1}" : $"under {parent}, position {position + 1}";

    private static string Annotation(IReadOnlyDictionary<string, string>? annotation) =>
        annotation is null ? "" : string.Join("\n", annotation.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}:{a.Value}"));

    private static string ItemDetails(ItemDefinition item) =>
        $"{MeetingOpsJson.Name(item.Kind)}{(item.Adoptable is { } adoptable ? adoptable ? ", adoptable" : ", not adoptable" : "")}, annotation {Annotation(item.Annotation).Length} characters";

    private static string Symbols(DocumentReference d) => string.Join(" ", d.Symbols ?? []);

    private static string DocumentText(DocumentReference d) =>
        string.Join(" ", new[] { Symbols(d), d.Title, d.Date is { } date ? date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null }
            .Where(s => !string.IsNullOrEmpty(s)));

    private static void Documents(string itemId, IReadOnlyList<DocumentReference>? before, IReadOnlyList<DocumentReference>? after, List<Amendment> changes)
    {
        // A document is known by its first symbol: a corrected title or an added language symbol is a change, not a new document.
        static string Key(DocumentReference d) => d.Symbols is { Count: > 0 } s ? s[0] : "";
        var old = (before ?? []).Where(d => d is not null).GroupBy(Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in (after ?? []).Where(d => d is not null))
        {
            var key = Key(document);
            if (!seen.Add(key))
            {
                continue;
            }
            if (!old.TryGetValue(key, out var was))
            {
                changes.Add(new Amendment(DocumentAdded, itemId, null, null, "", DocumentText(document)));
            }
            else if (DocumentText(was) != DocumentText(document))
            {
                changes.Add(new Amendment(DocumentChanged, itemId, null, null, DocumentText(was), DocumentText(document)));
            }
        }
        foreach (var gone in old.Where(o => !seen.Contains(o.Key)))
        {
            changes.Add(new Amendment(DocumentRemoved, itemId, null, null, DocumentText(gone.Value), ""));
        }
    }

    private static string Times(SessionDefinition s) =>
        $"{s.Start.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)}–{s.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)}";

    private static string SittingDetails(SessionDefinition s) =>
        $"{string.Join("+", s.Bodies ?? [])}; {MeetingOpsJson.Name(s.Format)}{(s.CapMinutes is { } cap ? $", cap {cap} min" : "")}{(s.CapFrom == Planning.CapFrom.ActualStart ? ", cap from the actual start" : "")}; items {string.Join(", ", (s.Items ?? []).Select(i => i.Continued ? i.Item + " (continued)" : i.Item))}";

    private static void Sessions(IReadOnlyList<SessionDefinition> before, IReadOnlyList<SessionDefinition> after, List<Amendment> changes)
    {
        var old = (before ?? []).Where(s => s?.Id is not null).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var session in (after ?? []).Where(s => s?.Id is not null))
        {
            if (!seen.Add(session.Id))
            {
                continue;
            }
            if (!old.TryGetValue(session.Id, out var was))
            {
                changes.Add(new Amendment(SittingAdded, null, session.Id, null, "", Times(session)));
                continue;
            }
            if (was.Start != session.Start || was.End != session.End)
            {
                changes.Add(new Amendment(SittingMoved, null, session.Id, null, Times(was), Times(session)));
            }
            if (SittingDetails(was) != SittingDetails(session))
            {
                changes.Add(new Amendment(SittingChanged, null, session.Id, null, SittingDetails(was), SittingDetails(session)));
            }
        }
        foreach (var gone in old.Values.Where(s => !seen.Contains(s.Id)))
        {
            changes.Add(new Amendment(SittingCancelled, null, gone.Id, null, Times(gone), ""));
        }
    }
}
