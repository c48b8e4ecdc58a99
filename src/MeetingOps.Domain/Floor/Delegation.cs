namespace MeetingOps.Domain.Floor;

/// <summary>What a delegation is, which decides how the report names its speaker ("the representative of", "the observer for").</summary>
public enum DelegationKind
{
    /// <summary>A State member of the body (or of its parent body).</summary>
    MemberState,
    /// <summary>A State attending as an observer.</summary>
    ObserverState,
    /// <summary>An intergovernmental organization, e.g. the European Union.</summary>
    Igo,
    /// <summary>A non-governmental organization.</summary>
    Ngo,
    /// <summary>A United Nations entity, e.g. the United Nations Office on Drugs and Crime (or the secretariat).</summary>
    UnEntity,
}

/// <summary>One delegation, with its name as the report writes it ("Brazil", "European Union").</summary>
/// <param name="Id">Short stable id used in the API and in keys, e.g. "brazil".</param>
public sealed record Delegation(string Id, string Name, DelegationKind Kind);

/// <summary>Checks a list of delegations as the secretariat sends it: ids, names, no duplicates, bounded.</summary>
public static class Delegations
{
    public const int MaxCount = 400;
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 200;

    /// <summary>The problems with the list, each naming where ("delegations[3].id"); empty when it is fine.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<Delegation>? delegations)
    {
        var problems = new List<string>();
        if (delegations is null)
        {
            problems.Add("delegations: required (an empty list is allowed).");
            return problems;
        }
        if (delegations.Count > MaxCount)
        {
            problems.Add($"delegations: at most {MaxCount}, found {delegations.Count}.");
            return problems;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < delegations.Count; i++)
        {
            var d = delegations[i];
            var at = $"delegations[{i}]";
            if (d is null)
            {
                problems.Add($"{at}: a delegation is an object with id, name and kind.");
                continue;
            }
            if (!IsId(d.Id))
            {
                problems.Add($"{at}.id: 1–{MaxIdLength} lowercase letters, digits or '-', found \"{Shorten(d.Id)}\".");
            }
            else if (!seen.Add(d.Id))
            {
                problems.Add($"{at}.id: \"{d.Id}\" is used twice.");
            }
            if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > MaxNameLength || d.Name.Any(char.IsControl))
            {
                problems.Add($"{at}.name: 1–{MaxNameLength} printable characters, as the report writes it.");
            }
            if (!Enum.IsDefined(d.Kind))
            {
                problems.Add($"{at}.kind: one of memberState, observerState, igo, ngo, unEntity.");
            }
        }
        return problems;
    }

    public static bool IsId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static string Shorten(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "…" : text;
}
