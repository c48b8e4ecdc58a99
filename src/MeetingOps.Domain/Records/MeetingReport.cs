namespace MeetingOps.Domain.Records;

// The facts of the report's organization-of-work section, as the audit log records them (GET /report?format=json).
// The Markdown is written from these and nothing else, so what the text says can be checked against them.

/// <summary>What the log says about a meeting's sittings and items, per body, and the joint items once.</summary>
/// <param name="Version">The meeting version the facts were drawn at.</param>
/// <param name="JointItems">Items on more than one body's agenda, told once for all their bodies.</param>
public sealed record MeetingReport(
    string MeetingId,
    string Title,
    string Venue,
    string TimeZone,
    long Version,
    IReadOnlyList<BodyReport> Bodies,
    IReadOnlyList<ItemRecord> JointItems);

/// <param name="Meeting">Which meeting of the body this is ("thirteenth"), when the definition says.</param>
/// <param name="Sittings">The sittings the body held, numbered in the order they were held (its 1st, 2nd … meeting).</param>
/// <param name="Opening">How its first sitting began; null before it has sat.</param>
/// <param name="Items">The body's own (not joint) items, in agenda order.</param>
/// <param name="Officers">Its Chair, Vice-Chairs and Rapporteur as the definition names them, if it does.</param>
public sealed record BodyReport(
    string Id,
    string Name,
    string? Meeting,
    IReadOnlyList<SittingRecord> Sittings,
    OpeningRecord? Opening,
    IReadOnlyList<ItemRecord> Items,
    Definition.BodyOfficers? Officers = null);

/// <param name="Number">The body's meeting number: 1 for the first sitting it held.</param>
/// <param name="Bodies">Every body sitting in it (more than one: a joint meeting).</param>
/// <param name="StartedAt">When it actually started (the first "start" in the log), UTC.</param>
/// <param name="LocalStart">The same, venue time.</param>
public sealed record SittingRecord(
    int Number,
    string SessionId,
    DateOnly Date,
    DateTimeOffset StartedAt,
    DateTime LocalStart,
    DateTimeOffset? EndedAt,
    IReadOnlyList<string> Bodies);

/// <summary>Who opened the body's first sitting and when: the actor and time of the log's first "start" of that sitting.</summary>
public sealed record OpeningRecord(string SessionId, int Number, DateOnly Date, DateTime LocalTime, DateTimeOffset At, Actor OpenedBy);

/// <summary>A sitting as one item's record refers to it: the day, and its meeting number for each body sitting in it.</summary>
public sealed record SittingReference(string SessionId, DateOnly Date, IReadOnlyDictionary<string, int> Meetings);

/// <param name="Bodies">The bodies whose agenda lists the item, in the meeting's body order.</param>
/// <param name="Considered">The sittings in which it was taken up (or reopened), in the order held.</param>
/// <param name="Status">Where it stands after the last log entry about it.</param>
/// <param name="Statements">Who made statements on the item, in the report's words (from the list of speakers), if anyone did.</param>
/// <param name="Outcome">The sitting of the last adoption, conclusion or deferral, when the status is one of those and a sitting is known.</param>
public sealed record ItemRecord(
    string ItemId,
    IReadOnlyDictionary<string, string> Numbers,
    string Title,
    ItemKind Kind,
    IReadOnlyList<string> Bodies,
    IReadOnlyList<SittingReference> Considered,
    ItemStatus Status,
    SittingReference? Outcome,
    string? Statements = null);
