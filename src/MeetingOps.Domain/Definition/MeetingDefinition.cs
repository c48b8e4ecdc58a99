using System.Text.Json.Serialization;

namespace MeetingOps.Domain.Definition;

// The meeting definition: the JSON a secretariat (or the importer) hands in to create a meeting.
// It mirrors the annotated provisional agenda: bodies, their agenda items with sub-items, and the
// organization of work as sessions. The README documents the format field by field.

/// <summary>A meeting of one or more bodies at one venue over consecutive days.</summary>
/// <param name="TimeZone">The venue's IANA time zone, e.g. "Europe/Vienna".</param>
/// <param name="ParentBody">The body the working groups report to, e.g. the Conference of the Parties.</param>
/// <param name="Symbol">The agenda document's symbol, where the document gives one.</param>
/// <param name="Issued">The agenda document's date ("Distr.: General 14 February 2022").</param>
/// <remarks>
/// The dates may be null only in a draft (an import that found none): a draft is stored with its gaps, and creating
/// or publishing a meeting checks them like every other field (<see cref="DefinitionValidator"/>).
/// </remarks>
public sealed record MeetingDefinition(
    string Title,
    string Venue,
    string TimeZone,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<BodyDefinition> Bodies,
    IReadOnlyList<ItemDefinition> Items,
    IReadOnlyList<SessionDefinition> Sessions,
    string? ParentBody = null,
    string? Symbol = null,
    DateOnly? Issued = null,
    IReadOnlyList<Floor.Delegation>? Delegations = null);

/// <summary>A working group or committee, e.g. the Working Group on International Cooperation (CTOC/COP/WG.3).</summary>
/// <param name="Id">Short stable id used in this definition and the API, e.g. "wg3".</param>
/// <param name="Symbol">Document symbol stem, e.g. "CTOC/COP/WG.3".</param>
/// <param name="Meeting">Which meeting of the body this is, as the document says it, e.g. "thirteenth".</param>
/// <param name="Names">The body's name in the other official languages, by language code ("fr", "es", ...); <see cref="Name"/> is the English.</param>
public sealed record BodyDefinition(string Id, string Name, string? Symbol = null, string? Meeting = null, BodyOfficers? Officers = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Names = null);

/// <summary>A body's officers for this meeting, as elected: the Chair, the Vice-Chairs and the Rapporteur.</summary>
public sealed record BodyOfficers(string? Chair = null, IReadOnlyList<string>? ViceChairs = null, string? Rapporteur = null);

/// <summary>
/// An agenda item. One item, even when joint: <see cref="Numbers"/> holds its number on each body's agenda
/// ("1 (a)" on one, "1 (a)" on the other; or "3" and "2" for a joint thematic item).
/// </summary>
/// <param name="Annotation">The annotation paragraphs per body id (a joint item may carry a note on each agenda).</param>
/// <param name="Adoptable">Whether the body adopts something under this item; defaults from <see cref="Kind"/>.</param>
/// <param name="Titles">The title in the other official languages, by language code ("fr", "es", ...); <see cref="Title"/> is the English.</param>
public sealed record ItemDefinition(
    string Id,
    IReadOnlyDictionary<string, string> Numbers,
    string Title,
    ItemKind Kind = ItemKind.Substantive,
    bool? Adoptable = null,
    IReadOnlyDictionary<string, string>? Annotation = null,
    IReadOnlyList<DocumentReference>? Documents = null,
    IReadOnlyList<ItemDefinition>? SubItems = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Titles = null);

/// <summary>A document: one or more symbols (a document issued for two bodies carries both) and its title.</summary>
/// <param name="Titles">The title in the other official languages, by language code; <see cref="Title"/> is the English.</param>
public sealed record DocumentReference(IReadOnlyList<string> Symbols, string? Title = null, DateOnly? Date = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Titles = null);

/// <summary>
/// One sitting in the organization of work. Start and end are local times at the venue
/// (ISO 8601 without offset, e.g. "2022-05-23T10:00"); the meeting's time zone gives the instant.
/// </summary>
/// <param name="CapMinutes">Longest the sitting may run; a hybrid sitting defaults to 120 minutes.</param>
/// <param name="CapFrom">Where the cap counts from: the booked start (absent, the default: the slot the interpreters were booked for) or "actualStart".</param>
public sealed record SessionDefinition(
    string Id,
    DateTime Start,
    DateTime End,
    IReadOnlyList<string> Bodies,
    IReadOnlyList<PlannedItem> Items,
    SessionFormat Format = SessionFormat.InPerson,
    int? CapMinutes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Planning.CapFrom? CapFrom = null);

/// <summary>An item planned for a session; <see cref="Continued"/> marks "(continued)" from an earlier session.</summary>
public sealed record PlannedItem(string Item, bool Continued = false);
