using MeetingOps.Domain;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Planning.Tests;

/// <summary>Small meetings written out by hand for example tests: Vienna, June 2030 (UTC+2).</summary>
public static class SmallMeetings
{
    public static readonly DateOnly Monday = new(2030, 6, 3);

    public static ItemDefinition Item(string id, string numbers, ItemKind kind = ItemKind.Substantive, params ItemDefinition[] subItems) =>
        new(id, Numbers(numbers), $"Item {id}", kind, SubItems: subItems.Length == 0 ? null : subItems);

    /// <param name="when">"d hh:mm-hh:mm" on day d of the meeting (0 = Monday).</param>
    /// <param name="items">Planned item ids; a trailing "+" marks "(continued)".</param>
    public static SessionDefinition Session(string id, string when, string bodies, params string[] items)
    {
        var day = Monday.AddDays(int.Parse(when[..1], System.Globalization.CultureInfo.InvariantCulture));
        var start = day.ToDateTime(TimeOnly.Parse(when[2..7], System.Globalization.CultureInfo.InvariantCulture));
        var end = day.ToDateTime(TimeOnly.Parse(when[8..13], System.Globalization.CultureInfo.InvariantCulture));
        return new SessionDefinition(id, start, end, bodies.Split(','), items.Select(i => new PlannedItem(i.TrimEnd('+'), i.EndsWith('+'))).ToList());
    }

    public static Meeting Meeting(string bodies, IReadOnlyList<ItemDefinition> items, params SessionDefinition[] sessions)
    {
        var definition = new MeetingDefinition("Small meeting", "Vienna", "Europe/Vienna", Monday, Monday.AddDays(4),
            bodies.Split(',').Select(b => new BodyDefinition(b, $"Working group {b}", $"X/{b.ToUpperInvariant()}")).ToList(), items, sessions);
        var result = DefinitionValidator.Validate(definition);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Meeting!;
    }

    /// <summary>"a:1,b:2" → {a: "1", b: "2"}.</summary>
    private static Dictionary<string, string> Numbers(string numbers) =>
        numbers.Split(',').Select(n => n.Split(':')).ToDictionary(p => p[0], p => p[1]);
}
