namespace MeetingOps.Domain.Records;

/// <summary>How the records name bodies and number items: short forms for tables and calendars, the reports' "the Working Group".</summary>
public static class BodyNames
{
    private static readonly string[] Connectives = [" on ", " of ", " for ", " against ", " to "];

    /// <summary>"WG.3" from the symbol stem "CTOC/COP/WG.3"; the id in capitals when there is no symbol (as the live pages do).</summary>
    public static string Short(BodyView body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body.Symbol is { Length: > 0 } symbol ? symbol[(symbol.LastIndexOf('/') + 1)..] : body.Id.ToUpperInvariant();
    }

    /// <summary>
    /// How a report refers to a body after naming it in full: "the Working Group" for "Working Group on International
    /// Cooperation", "the Committee" for "Committee on …": the name up to its first "on", "of", "for", "against" or "to".
    /// </summary>
    public static string Reference(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var cut = Connectives.Select(c => name.IndexOf(c, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(name.Length).Min();
        var head = name[..cut].Trim();
        return head.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? "the " + head[4..] : "the " + head;
    }

    /// <summary>"the Working Group on International Cooperation" (a body's full name with its article).</summary>
    public static string Full(string name) => name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name : "the " + name;

    /// <summary>
    /// An item's number for the given bodies: "1 (a)" when every one of them lists it under the same number,
    /// else each listing body's number with its short name, "3 (WG.3) / 2 (WG.2)".
    /// </summary>
    public static string ItemNumber(IReadOnlyList<BodyView> bodies, IReadOnlyDictionary<string, string> numbers, IReadOnlyCollection<string> among)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(numbers);
        ArgumentNullException.ThrowIfNull(among);
        var listed = bodies.Where(b => among.Contains(b.Id) && numbers.ContainsKey(b.Id)).ToList();
        if (listed.Count == 0)
        {
            listed = bodies.Where(b => numbers.ContainsKey(b.Id)).ToList();
        }
        if (listed.Count == among.Count && listed.Select(b => numbers[b.Id]).Distinct().Count() == 1)
        {
            return numbers[listed[0].Id];
        }
        return string.Join(" / ", listed.Select(b => $"{numbers[b.Id]} ({Short(b)})"));
    }

    public static string Capitalize(string s) => string.IsNullOrEmpty(s) ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
