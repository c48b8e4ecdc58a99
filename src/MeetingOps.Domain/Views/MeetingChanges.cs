using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeetingOps.Domain;

/// <summary>
/// The push every follower of a meeting gets after each committed change ("changed"). <see cref="Version"/> comes first
/// so a cheap client can read it before anything else (MessagePack and JSON keep the declared order).
/// The <see cref="Changes"/> turn the snapshot at <see cref="Since"/> into the snapshot at <see cref="Version"/>; a follower
/// that holds another version (a gap), or meets a <see cref="ChangeKind.Resync"/>, follows again for a fresh snapshot.
/// </summary>
public sealed record MeetingChanged(long Version, string MeetingId, long Since, IReadOnlyList<ViewChange> Changes);

/// <summary>
/// One change to a meeting's snapshot, as the pages apply it (js/changes.js mirrors <see cref="MeetingChanges.Apply"/>).
/// <see cref="Kind"/> says which of the optional fields it carries; the field names are the snapshot's own, so a page
/// merges <see cref="ItemState"/> into the item, <see cref="SessionState"/> into the sitting, <see cref="Current"/>
/// into the meeting. Absent fields are not written in JSON.
/// </summary>
/// <param name="Id">The item or sitting concerned.</param>
/// <param name="At">For an item or sitting added: its place in the list.</param>
public sealed record ViewChange(
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? At = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ItemStatusView? ItemState = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SessionStatusView? SessionState = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MeetingCurrent? Current = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ItemView? Item = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SessionView? Session = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ItemView>? Items = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SessionView>? Sessions = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<BodyView>? Bodies = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Announcement>? Announcements = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MeetingView? Meeting = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChangeEntry? Entry = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AllowedRule>? Rules = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SessionItemView? SessionItem = null);

/// <summary>
/// A log entry as a push carries it: the <see cref="LogEntry"/> without its command id (the log over REST has it) and
/// without empty fields, so the words a page says about a change cost a few hundred bytes, not more.
/// </summary>
public sealed record ChangeEntry(
    long Version,
    DateTimeOffset At,
    Actor Actor,
    ChangeSubject Subject,
    // Left out when null, so optional when read (a default): required, a sitting's entry (no item) did not read back,
    // and every reader dropped the push: .NET clients, and the relay between hosts (Orleans carries it as this JSON).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ItemId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SessionId = null,
    string Action = "",
    string From = "",
    string To = "",
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Note = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Corrects = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Announcement? Announcement = null)
{
    public static ChangeEntry Of(LogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Version, entry.At, entry.Actor, entry.Subject, entry.ItemId, entry.SessionId, entry.Action, entry.From, entry.To,
            entry.Note, entry.Corrects, entry.Announcement);
    }
}

/// <summary>The fields of a <see cref="SessionView"/> taking up or leaving an item changes, named as there.</summary>
public sealed record SessionItemView(string? CurrentItemId, string? NextItemId);

/// <summary>
/// Every item (or sitting) whose allowed actions read <see cref="From"/> now reads <see cref="To"/>: one line for what
/// one command changes across the agenda (taking up an item closes "open" on every other), instead of one per item.
/// </summary>
public sealed record AllowedRule(IReadOnlyList<string> From, IReadOnlyList<string> To);

/// <summary>What a <see cref="ViewChange"/> is (its <see cref="ViewChange.Kind"/>).</summary>
public static class ChangeKind
{
    /// <summary>An item's status, sitting and the chair's allowed actions changed: <see cref="ItemState"/>.</summary>
    public const string ItemStatus = "itemStatus";

    /// <summary>Anything else about an item (an amendment, a re-plan): the whole <see cref="Item"/>, replaced or inserted at <see cref="At"/>.</summary>
    public const string Item = "item";

    public const string ItemRemoved = "itemRemoved";

    /// <summary>
    /// The chair's allowed actions of many items at once, by <see cref="ViewChange.Rules"/>: each item whose actions
    /// read a rule's From (all at once, before the item changes that follow) reads its To.
    /// </summary>
    public const string ItemsAllowed = "itemsAllowed";

    /// <summary>As <see cref="ItemsAllowed"/>, for the sittings.</summary>
    public const string SessionsAllowed = "sessionsAllowed";

    /// <summary>The agenda's order changed: the whole list of <see cref="Items"/>.</summary>
    public const string ItemList = "items";

    /// <summary>A sitting's status, current and next item, times and allowed actions changed: <see cref="SessionState"/>.</summary>
    public const string SessionStatus = "sessionStatus";

    /// <summary>Only a sitting's current and next item changed: <see cref="ViewChange.SessionItem"/>.</summary>
    public const string SessionItem = "sessionItem";

    /// <summary>Anything else about a sitting (format, cap, a re-plan's allocations): the whole <see cref="Session"/>.</summary>
    public const string Session = "session";

    public const string SessionRemoved = "sessionRemoved";

    /// <summary>The sittings' order changed: the whole list of <see cref="Sessions"/>.</summary>
    public const string SessionList = "sessions";

    /// <summary>The current sitting and item, the undo offer, archived: <see cref="Current"/>.</summary>
    public const string CurrentKind = "current";

    /// <summary>The bodies (names, officers): the whole list of <see cref="Bodies"/>.</summary>
    public const string BodyList = "bodies";

    /// <summary>The announcements shown now: the whole list of <see cref="Announcements"/>.</summary>
    public const string AnnouncementList = "announcements";

    /// <summary>
    /// Anything else of the meeting (title, venue, dates, and any field the snapshot gains later): <see cref="Meeting"/>
    /// holds every field but the lists that have changes of their own, which it leaves empty.
    /// </summary>
    public const string MeetingKind = "meeting";

    /// <summary>A log entry that made the change (the console's recent changes, the follow page's words): <see cref="Entry"/>.</summary>
    public const string Log = "log";

    /// <summary>The change is too big to send as a delta: the whole new snapshot in <see cref="Meeting"/>.</summary>
    public const string Snapshot = "snapshot";

    /// <summary>Too big even for that, or no snapshot to compare with: follow again.</summary>
    public const string Resync = "resync";
}

/// <summary>The fields of an <see cref="ItemView"/> a command changes, named as there.</summary>
public sealed record ItemStatusView(ItemStatus Status, string? SessionId, IReadOnlyList<string>? Allowed);

/// <summary>The fields of a <see cref="SessionView"/> a command changes, named as there (an extension, or a start, moves the end of interpretation).</summary>
public sealed record SessionStatusView(SessionStatus Status, string? CurrentItemId, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    IReadOnlyList<string>? Allowed, string? NextItemId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? InterpretationEnd = null);

/// <summary>The fields of a <see cref="MeetingView"/> a command changes, named as there.</summary>
/// <param name="UndoText">What Undo would undo as a phrase, for the pages to say in the viewer's language.</param>
public sealed record MeetingCurrent(string? CurrentSessionId, string? CurrentItemId, bool Archived, ServerText? UndoText = null);

/// <summary>
/// Computes the changes between two snapshots of a meeting, and applies them: pure, so the pages' reducer can be tested
/// against it. The comparison is by each value's JSON (what the pages hold), so a field the snapshot gains later is never
/// lost: an item, sitting or meeting field the small changes do not name makes the whole item, sitting or meeting header go.
/// </summary>
public static class MeetingChanges
{
    /// <summary>A delta larger than this goes as the whole snapshot instead (if that is not larger still).</summary>
    public const int MaxDeltaBytes = 16 * 1024;

    /// <summary>A snapshot larger than this is not pushed to every follower: they follow again (and can be told apart by version).</summary>
    public const int MaxSnapshotBytes = 256 * 1024;

    /// <summary>
    /// The push for a change from <paramref name="before"/> (null: not known, e.g. a grain just activated) to
    /// <paramref name="after"/>, made by <paramref name="entries"/>.
    /// </summary>
    public static MeetingChanged Push(string meetingId, MeetingView? before, MeetingView after, IReadOnlyList<LogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(entries);
        var log = entries.Select(e => new ViewChange(ChangeKind.Log, Entry: ChangeEntry.Of(e))).ToList();
        if (before is null || before.Id != after.Id)
        {
            return Whole(meetingId, after.Version - 1, after, log);
        }
        var changes = Between(before, after);
        var all = log.Concat(changes).ToList();
        return Size(all) <= MaxDeltaBytes
            ? new MeetingChanged(after.Version, meetingId, before.Version, all)
            : Whole(meetingId, before.Version, after, log);
    }

    private static MeetingChanged Whole(string meetingId, long since, MeetingView after, List<ViewChange> log)
    {
        var whole = JsonSerializer.SerializeToUtf8Bytes(after, MeetingOpsJson.Options).Length <= MaxSnapshotBytes
            ? new ViewChange(ChangeKind.Snapshot, Meeting: after)
            : new ViewChange(ChangeKind.Resync);
        return new MeetingChanged(after.Version, meetingId, since, [.. log, whole]);
    }

    /// <summary>The changes (without log entries) that turn <paramref name="before"/> into <paramref name="after"/>.</summary>
    public static IReadOnlyList<ViewChange> Between(MeetingView before, MeetingView after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<ViewChange>();
        if (!Same(Header(before), Header(after)))
        {
            changes.Add(new ViewChange(ChangeKind.MeetingKind, Meeting: Header(after)));
        }
        var current = CurrentOf(after);
        if (!Same(CurrentOf(before), current))
        {
            changes.Add(new ViewChange(ChangeKind.CurrentKind, Current: current));
        }
        if (!Same(before.Bodies, after.Bodies))
        {
            changes.Add(new ViewChange(ChangeKind.BodyList, Bodies: after.Bodies));
        }
        if (!Same(before.Announcements ?? [], after.Announcements ?? []))
        {
            changes.Add(new ViewChange(ChangeKind.AnnouncementList, Announcements: after.Announcements ?? []));
        }
        var itemChanges = new List<ViewChange>();
        Diff(before.Items, after.Items, i => i.Id, itemChanges,
            whole => new ViewChange(ChangeKind.ItemList, Items: whole),
            id => new ViewChange(ChangeKind.ItemRemoved, id),
            (item, at) => new ViewChange(ChangeKind.Item, item.Id, at, Item: item),
            (old, now) => Same(old with { Status = now.Status, SessionId = now.SessionId, Allowed = now.Allowed }, now)
                ? new ViewChange(ChangeKind.ItemStatus, now.Id, ItemState: new ItemStatusView(now.Status, now.SessionId, now.Allowed))
                : new ViewChange(ChangeKind.Item, now.Id, Item: now));
        changes.AddRange(Factor(before.Items, itemChanges, i => i.Id, i => i.Allowed, ChangeKind.ItemStatus, ChangeKind.ItemsAllowed,
            (old, c) => c.ItemState is { } now && old.Status == now.Status && old.SessionId == now.SessionId ? now.Allowed : null));
        var sessionChanges = new List<ViewChange>();
        Diff(before.Sessions, after.Sessions, s => s.Id, sessionChanges,
            whole => new ViewChange(ChangeKind.SessionList, Sessions: whole),
            id => new ViewChange(ChangeKind.SessionRemoved, id),
            (session, at) => new ViewChange(ChangeKind.Session, session.Id, at, Session: session),
            (old, now) => Same(old with { CurrentItemId = now.CurrentItemId, NextItemId = now.NextItemId }, now)
                ? new ViewChange(ChangeKind.SessionItem, now.Id, SessionItem: new SessionItemView(now.CurrentItemId, now.NextItemId))
                : Same(old with
            {
                Status = now.Status, CurrentItemId = now.CurrentItemId, StartedAt = now.StartedAt, EndedAt = now.EndedAt,
                Allowed = now.Allowed, NextItemId = now.NextItemId, InterpretationEnd = now.InterpretationEnd,
            }, now)
                ? new ViewChange(ChangeKind.SessionStatus, now.Id,
                    SessionState: new SessionStatusView(now.Status, now.CurrentItemId, now.StartedAt, now.EndedAt, now.Allowed, now.NextItemId, now.InterpretationEnd))
                : new ViewChange(ChangeKind.Session, now.Id, Session: now));
        changes.AddRange(Factor(before.Sessions, sessionChanges, s => s.Id, s => s.Allowed, ChangeKind.SessionStatus, ChangeKind.SessionsAllowed,
            (old, c) => c.SessionState is { } now && old.Status == now.Status && old.CurrentItemId == now.CurrentItemId && old.StartedAt == now.StartedAt
                && old.EndedAt == now.EndedAt && old.NextItemId == now.NextItemId && old.InterpretationEnd == now.InterpretationEnd ? now.Allowed : null));
        return changes;
    }

    /// <summary>
    /// Applies a push's changes to <paramref name="before"/>; null when the follower must follow again: a gap
    /// (<paramref name="before"/> is not at <see cref="MeetingChanged.Since"/>) or a resync change. As js/changes.js does.
    /// </summary>
    public static MeetingView? Apply(MeetingView before, MeetingChanged push)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(push);
        if (push.Since != before.Version && !push.Changes.Any(c => c.Kind is ChangeKind.Snapshot or ChangeKind.Resync))
        {
            return null; // a gap: these changes start from another version
        }
        var view = before;
        var items = before.Items.ToList();
        var sessions = before.Sessions.ToList();
        foreach (var change in push.Changes)
        {
            switch (change.Kind)
            {
                case ChangeKind.Resync:
                    return null;
                case ChangeKind.Snapshot:
                    view = change.Meeting!;
                    items = view.Items.ToList();
                    sessions = view.Sessions.ToList();
                    break;
                case ChangeKind.MeetingKind:
                    view = change.Meeting! with { Bodies = view.Bodies, Announcements = view.Announcements, CurrentItemId = view.CurrentItemId,
                        CurrentSessionId = view.CurrentSessionId, Archived = view.Archived, UndoText = view.UndoText };
                    break;
                case ChangeKind.CurrentKind:
                    var c = change.Current!;
                    view = view with { CurrentSessionId = c.CurrentSessionId, CurrentItemId = c.CurrentItemId, Archived = c.Archived, UndoText = c.UndoText };
                    break;
                case ChangeKind.BodyList:
                    view = view with { Bodies = change.Bodies! };
                    break;
                case ChangeKind.AnnouncementList:
                    view = view with { Announcements = change.Announcements! };
                    break;
                case ChangeKind.ItemList:
                    items = change.Items!.ToList();
                    break;
                case ChangeKind.ItemRemoved:
                    items.RemoveAll(i => i.Id == change.Id);
                    break;
                case ChangeKind.Item when change.At is { } at:
                    items.Insert(at, change.Item!);
                    break;
                case ChangeKind.Item:
                    Replace(items, i => i.Id == change.Id, _ => change.Item!);
                    break;
                case ChangeKind.ItemStatus:
                    var i = change.ItemState!;
                    Replace(items, x => x.Id == change.Id, x => x with { Status = i.Status, SessionId = i.SessionId, Allowed = i.Allowed });
                    break;
                case ChangeKind.ItemsAllowed:
                    ApplyRules(items, change.Rules!, x => x.Allowed, (x, a) => x with { Allowed = a });
                    break;
                case ChangeKind.SessionsAllowed:
                    ApplyRules(sessions, change.Rules!, x => x.Allowed, (x, a) => x with { Allowed = a });
                    break;
                case ChangeKind.SessionList:
                    sessions = change.Sessions!.ToList();
                    break;
                case ChangeKind.SessionRemoved:
                    sessions.RemoveAll(s => s.Id == change.Id);
                    break;
                case ChangeKind.Session when change.At is { } at:
                    sessions.Insert(at, change.Session!);
                    break;
                case ChangeKind.Session:
                    Replace(sessions, s => s.Id == change.Id, _ => change.Session!);
                    break;
                case ChangeKind.SessionItem:
                    var si = change.SessionItem!;
                    Replace(sessions, x => x.Id == change.Id, x => x with { CurrentItemId = si.CurrentItemId, NextItemId = si.NextItemId });
                    break;
                case ChangeKind.SessionStatus:
                    var s = change.SessionState!;
                    Replace(sessions, x => x.Id == change.Id, x => x with
                    {
                        Status = s.Status, CurrentItemId = s.CurrentItemId, StartedAt = s.StartedAt, EndedAt = s.EndedAt,
                        Allowed = s.Allowed, NextItemId = s.NextItemId, InterpretationEnd = s.InterpretationEnd,
                    });
                    break;
                case ChangeKind.Log:
                    break;
                default:
                    return null; // a change this reader does not know: follow again rather than show something wrong
            }
        }
        return view with { Version = push.Version, Items = items, Sessions = sessions };
    }

    /// <summary>The JSON bytes of a push's changes: what the 1 KB promise is measured on.</summary>
    public static int Size(IReadOnlyList<ViewChange> changes) => JsonSerializer.SerializeToUtf8Bytes(changes, MeetingOpsJson.Options).Length;

    /// <summary>Whether two values read the same in JSON (what the pages hold).</summary>
    public static bool Same<T>(T a, T b) =>
        JsonSerializer.SerializeToUtf8Bytes(a, MeetingOpsJson.Options).AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(b, MeetingOpsJson.Options));

    /// <summary>The meeting without what has changes of its own (and without the version, which every push carries).</summary>
    private static MeetingView Header(MeetingView view) => view with
    {
        Version = 0, Items = [], Sessions = [], Bodies = [], Announcements = null,
        CurrentSessionId = null, CurrentItemId = null, Archived = false, UndoText = null,
    };

    private static MeetingCurrent CurrentOf(MeetingView view) => new(view.CurrentSessionId, view.CurrentItemId, view.Archived, view.UndoText);

    /// <summary>
    /// The changes of one list keyed by id: removals, then insertions at their place (ascending) and changed elements;
    /// when the elements kept are no longer in the same order, the whole list.
    /// </summary>
    private static void Diff<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> id, List<ViewChange> changes,
        Func<IReadOnlyList<T>, ViewChange> whole, Func<string, ViewChange> removed, Func<T, int, ViewChange> added, Func<T, T, ViewChange> changed)
    {
        var old = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var element in before)
        {
            old.TryAdd(id(element), element);
        }
        var now = new HashSet<string>(after.Select(id), StringComparer.Ordinal);
        if (old.Count != before.Count || now.Count != after.Count)
        {
            changes.Add(whole(after)); // duplicate ids: no delta can name them apart
            return;
        }
        var kept = before.Select(id).Where(now.Contains).ToList();
        if (!kept.SequenceEqual(after.Select(id).Where(old.ContainsKey)))
        {
            changes.Add(whole(after));
            return;
        }
        changes.AddRange(before.Select(id).Where(k => !now.Contains(k)).Select(removed));
        for (var at = 0; at < after.Count; at++)
        {
            var element = after[at];
            if (!old.TryGetValue(id(element), out var was))
            {
                changes.Add(added(element, at));
            }
            else if (!Same(was, element))
            {
                changes.Add(changed(was, element));
            }
        }
    }

    /// <summary>
    /// Replaces the status changes that change nothing but the allowed actions by rules (From → To) where a rule holds
    /// for every element whose actions read From and that no other change names; the rest stay as they are.
    /// </summary>
    private static IEnumerable<ViewChange> Factor<T>(IReadOnlyList<T> before, List<ViewChange> changes, Func<T, string> id,
        Func<T, IReadOnlyList<string>?> allowed, string statusKind, string rulesKind, Func<T, ViewChange, IReadOnlyList<string>?> onlyAllowedTo)
    {
        var old = before.ToDictionary(id, StringComparer.Ordinal);
        var moves = new Dictionary<string, (IReadOnlyList<string> From, IReadOnlyList<string> To)>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Kind == statusKind && old.TryGetValue(change.Id!, out var was) && allowed(was) is { } from && onlyAllowedTo(was, change) is { } to)
            {
                moves[change.Id!] = (from, to);
            }
        }
        var named = changes.Where(c => c.Id is not null && !moves.ContainsKey(c.Id)).Select(c => c.Id!).ToHashSet(StringComparer.Ordinal);
        var rules = new List<AllowedRule>();
        var ruled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in moves.GroupBy(m => Key(m.Value.From), StringComparer.Ordinal))
        {
            var targets = group.Select(m => Key(m.Value.To)).Distinct(StringComparer.Ordinal).Count();
            var holds = targets == 1 && group.Count() > 1 &&
                before.Where(e => allowed(e) is { } a && Key(a) == group.Key).All(e => moves.ContainsKey(id(e)) || named.Contains(id(e)));
            if (holds)
            {
                var first = group.First().Value;
                rules.Add(new AllowedRule(first.From, first.To));
                ruled.UnionWith(group.Select(m => m.Key));
            }
        }
        if (rules.Count > 0)
        {
            yield return new ViewChange(rulesKind, Rules: rules);
        }
        foreach (var change in changes.Where(c => c.Id is null || !ruled.Contains(c.Id)))
        {
            yield return change;
        }
    }

    private static string Key(IReadOnlyList<string> actions) => string.Join(",", actions);

    private static void ApplyRules<T>(List<T> list, IReadOnlyList<AllowedRule> rules, Func<T, IReadOnlyList<string>?> allowed, Func<T, IReadOnlyList<string>, T> with)
    {
        var to = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            to.TryAdd(Key(rule.From), rule.To);
        }
        for (var at = 0; at < list.Count; at++)
        {
            if (allowed(list[at]) is { } a && to.TryGetValue(Key(a), out var next))
            {
                list[at] = with(list[at], next);
            }
        }
    }

    private static void Replace<T>(List<T> list, Func<T, bool> match, Func<T, T> with)
    {
        var at = list.FindIndex(x => match(x));
        if (at >= 0)
        {
            list[at] = with(list[at]);
        }
    }
}
