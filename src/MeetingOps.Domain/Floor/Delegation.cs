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
    public static IReadOnlyList<string> Problems(IReadOnlyList<Delegation>? delegations) =>
        [.. Check(delegations).Select(p => p.ToString())];

    /// <summary>The problems with the list, each with where, the English and its phrase (for a page to say in the viewer's language).</summary>
    public static IReadOnlyList<DelegationProblem> Check(IReadOnlyList<Delegation>? delegations)
    {
        var problems = new List<DelegationProblem>();
        if (delegations is null)
        {
            problems.Add(new("delegations", "required (an empty list is allowed).", ServerPhrases.DelegationsRequired.With()));
            return problems;
        }
        if (delegations.Count > MaxCount)
        {
            problems.Add(new("delegations", $"at most {MaxCount}, found {delegations.Count}.",
                ServerPhrases.DelegationsTooMany.With(("max", MaxCount), ("count", delegations.Count))));
            return problems;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < delegations.Count; i++)
        {
            var d = delegations[i];
            var at = $"delegations[{i}]";
            if (d is null)
            {
                problems.Add(new(at, "a delegation is an object with id, name and kind.", ServerPhrases.DelegationsNotObject.With()));
                continue;
            }
            if (!IsId(d.Id))
            {
                problems.Add(new($"{at}.id", $"1–{MaxIdLength} lowercase letters, digits or '-', found \"{Shorten(d.Id)}\".",
                    ServerPhrases.DelegationsIdShape.With(("max", MaxIdLength), ("found", Shorten(d.Id)))));
            }
            else if (!seen.Add(d.Id))
            {
                problems.Add(new($"{at}.id", $"\"{d.Id}\" is used twice.", ServerPhrases.DelegationsIdTwice.With(("id", d.Id))));
            }
            if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > MaxNameLength || d.Name.Any(char.IsControl))
            {
                problems.Add(new($"{at}.name", $"1–{MaxNameLength} printable characters, as the report writes it.",
                    ServerPhrases.DelegationsNameShape.With(("max", MaxNameLength))));
            }
            if (!Enum.IsDefined(d.Kind))
            {
                problems.Add(new($"{at}.kind", "one of memberState, observerState, igo, ngo, unEntity.", ServerPhrases.DelegationsKindShape.With()));
            }
        }
        return problems;
    }

    /// <summary>The meeting's statement limit as the secretariat sends it with the list: null (no limit) or within the floor's range.</summary>
    public static DelegationProblem? CheckLimit(int? statementLimitSeconds) =>
        statementLimitSeconds is { } limit && limit is < FloorRules.MinLimitSeconds or > FloorRules.MaxLimitSeconds
            ? new("statementLimitSeconds", $"from {FloorRules.MinLimitSeconds} to {FloorRules.MaxLimitSeconds}, or null for no limit.",
                ServerPhrases.DelegationsLimitRange.With(("minSeconds", FloorRules.MinLimitSeconds), ("maxSeconds", FloorRules.MaxLimitSeconds)))
            : null;

    public static bool IsId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static string Shorten(string? text) => text is null ? "" : text.Length > 40 ? text[..40] + "…" : text;
}

/// <summary>One problem with a list of delegations: where (<c>delegations[3].id</c>), what in English, and its phrase.</summary>
public sealed record DelegationProblem(string Path, string Message, ServerText Text)
{
    public override string ToString() => $"{Path}: {Message}";
}
