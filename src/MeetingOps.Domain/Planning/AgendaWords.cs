namespace MeetingOps.Domain.Planning;

/// <summary>
/// How an item is named in plans and warnings. With one body, "item 3"; with several, the body is said too,
/// because "item 2" of one working group is not "item 2" of the other: "item 3 of WG.3 and 2 of WG.2".
/// </summary>
public static class AgendaWords
{
    /// <summary>A body's short name: the last part of its document symbol ("WG.3" for CTOC/COP/WG.3), else its id.</summary>
    public static string ShortName(Body body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(body.Symbol))
        {
            return body.Id;
        }
        var slash = body.Symbol.LastIndexOf('/');
        return slash >= 0 && slash < body.Symbol.Length - 1 ? body.Symbol[(slash + 1)..] : body.Symbol;
    }

    /// <summary>"item 3", "item 2 of WG.3", "item 1 (a) of WG.3 and WG.2", "item 3 of WG.3 and 2 of WG.2".</summary>
    public static string Label(Meeting meeting, AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(item);
        var numbers = Numbers(meeting, item);
        if (meeting.Bodies.Count == 1)
        {
            return $"item {numbers[0].Number}";
        }
        if (numbers.All(n => n.Number == numbers[0].Number))
        {
            return $"item {numbers[0].Number} of {Join(numbers.Select(n => n.Body).ToList())}";
        }
        return "item " + Join(numbers.Select(n => $"{n.Number} of {n.Body}").ToList());
    }

    /// <summary>The label with a capital: "Item 3 of WG.3 and 2 of WG.2".</summary>
    public static string CapitalLabel(Meeting meeting, AgendaItem item)
    {
        var label = Label(meeting, item);
        return char.ToUpperInvariant(label[0]) + label[1..];
    }

    /// <summary>Numbers per body for tables: "WG.3 3 = WG.2 2", or "3" when the meeting has one body.</summary>
    public static string Numbering(Meeting meeting, AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(item);
        var numbers = Numbers(meeting, item);
        return meeting.Bodies.Count == 1 ? numbers[0].Number : string.Join(" = ", numbers.Select(n => $"{n.Body} {n.Number}"));
    }

    /// <summary>The item's numbers in the meeting's body order (the order the definition lists the bodies).</summary>
    private static List<(string Body, string Number)> Numbers(Meeting meeting, AgendaItem item) =>
        meeting.Bodies.Where(b => item.Numbers.ContainsKey(b.Id)).Select(b => (ShortName(b), item.Numbers[b.Id])).ToList();

    private static string Join(IReadOnlyList<string> parts) =>
        parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
}
