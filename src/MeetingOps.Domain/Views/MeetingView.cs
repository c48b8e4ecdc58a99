using System.Text.Json.Serialization;

namespace MeetingOps.Domain;

// The snapshot of a meeting as the API and screens see it. Records of plain values, so the same shape
// goes out as JSON on the REST API, across grain calls and (later) in every push.

public sealed record MeetingView(
    string Id,
    string Title,
    string Venue,
    string TimeZone,
    long Version,
    DateOnly StartDate,
    DateOnly EndDate,
    string? ParentBody,
    IReadOnlyList<BodyView> Bodies,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<SessionView> Sessions,
    string? CurrentSessionId,
    string? CurrentItemId,
    bool Archived = false,
    IReadOnlyList<Announcement>? Announcements = null,
    // What Undo would undo, as a phrase code and its arguments (the English is the en catalogue's server.<code>): the
    // English sentence once travelled beside it, and every push paid for both (a conclude's push went over 1 KB).
    ServerText? UndoText = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Planning.CapEndedView? CapEnded = null);

/// <param name="Names">The name in the other official languages (language code → name); pages fall back to <see cref="Name"/>, the English.</param>
public sealed record BodyView(string Id, string Name, string? Symbol, string? Meeting, Definition.BodyOfficers? Officers = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Names = null);

public sealed record ItemView(
    string Id,
    IReadOnlyDictionary<string, string> Numbers,
    string Title,
    ItemKind Kind,
    ItemStatus Status,
    bool Joint,
    bool Adoptable,
    string? ParentId,
    string? SessionId,
    IReadOnlyList<Document> Documents,
    IReadOnlyList<string>? Allowed = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Titles = null);

/// <param name="Start">Local time at the venue (no offset), as in the organization of work.</param>
/// <param name="StartUtc">The same instant in UTC, for anyone converting to their own time zone.</param>
/// <param name="Planned">The items the organization of work plans for this sitting.</param>
/// <param name="InterpretationEnd">A capped sitting's end of interpretation (booked or actual start, plus the cap and extensions).</param>
public sealed record SessionView(
    string Id,
    DateTime Start,
    DateTime End,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    SessionFormat Format,
    int? CapMinutes,
    IReadOnlyList<string> Bodies,
    SessionStatus Status,
    string? CurrentItemId,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<Definition.PlannedItem> Planned,
    IReadOnlyList<string>? Allowed = null,
    string? NextItemId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? InterpretationEnd = null);

/// <summary>A line in the list of meetings.</summary>
public sealed record MeetingSummary(string Id, string Title, string Venue, DateOnly StartDate, DateOnly EndDate, IReadOnlyList<string> Bodies);
