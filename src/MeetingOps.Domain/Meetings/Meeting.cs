using System.Text.Json.Serialization;

namespace MeetingOps.Domain;

/// <summary>
/// A meeting as the live rules see it: the checked, compiled form of a <see cref="Definition.MeetingDefinition"/>.
/// Items are flattened in agenda order (a parent before its sub-items); sessions carry UTC instants.
/// Built only by <see cref="Definition.DefinitionValidator"/>, so every reference inside it resolves.
/// </summary>
public sealed record Meeting(
    string Title,
    string Venue,
    string TimeZone,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<Body> Bodies,
    IReadOnlyList<AgendaItem> Items,
    IReadOnlyList<Session> Sessions,
    string? ParentBody,
    string? Symbol,
    DateOnly? Issued)
{
    public AgendaItem? FindItem(string itemId) => Items.FirstOrDefault(i => i.Id == itemId);

    public Session? FindSession(string sessionId) => Sessions.FirstOrDefault(s => s.Id == sessionId);

    public Body? FindBody(string bodyId) => Bodies.FirstOrDefault(b => b.Id == bodyId);

    /// <summary>One body's agenda: its items in its own number order.</summary>
    public IEnumerable<AgendaItem> AgendaOf(string bodyId) => Items.Where(i => i.Numbers.ContainsKey(bodyId));
}

/// <param name="Names">The name in the other official languages, by language code; <see cref="Name"/> is the English.</param>
public sealed record Body(string Id, string Name, string? Symbol, string? Meeting, Definition.BodyOfficers? Officers = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Names = null);

/// <summary>An agenda item; joint when it has a number on more than one body's agenda.</summary>
public sealed record AgendaItem(
    string Id,
    IReadOnlyDictionary<string, string> Numbers,
    string Title,
    ItemKind Kind,
    bool Adoptable,
    string? ParentId,
    IReadOnlyDictionary<string, string> Annotation,
    IReadOnlyList<Document> Documents,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Titles = null)
{
    public bool IsJoint => Numbers.Count > 1;

    /// <summary>"1 (a)" for one body; "WG.3 3 = WG.2 2" style labels are the view's business.</summary>
    public string NumberOn(string bodyId) => Numbers.TryGetValue(bodyId, out var n) ? n : "";

    /// <summary>How people name the item in messages: its number on the first body that lists it.</summary>
    public string Label => $"item {Numbers.Values.First()}";
}

public sealed record Document(IReadOnlyList<string> Symbols, string? Title, DateOnly? Date,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Titles = null);

/// <summary>A sitting: when (local at the venue and as UTC instants), who sits, how, and what is planned.</summary>
public sealed record Session(
    string Id,
    DateTime LocalStart,
    DateTime LocalEnd,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<string> Bodies,
    SessionFormat Format,
    int? CapMinutes,
    IReadOnlyList<Definition.PlannedItem> Planned,
    Planning.CapFrom CapFrom = Planning.CapFrom.BookedStart)
{
    /// <summary>The cap of a hybrid sitting when none is given: the remote interpretation platform's two hours.</summary>
    public const int DefaultHybridCapMinutes = 120;

    public bool Seats(string bodyId) => Bodies.Contains(bodyId);
}
