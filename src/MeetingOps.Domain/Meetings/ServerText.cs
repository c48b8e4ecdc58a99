using System.Globalization;

namespace MeetingOps.Domain;

/// <summary>
/// Something the server says to a person (a refusal, a planner's warning, what Undo would undo) as a stable
/// <see cref="Code"/> and its named <see cref="Args"/>, so a page can say it in the viewer's language from its own
/// catalogue (key <c>server.&lt;code&gt;</c>) while the English sentence beside it stays for the API and the logs.
/// Argument values are plain strings a page knows how to show: an item's or session's id, a status as the API spells
/// it, a count, an ISO date or instant; several ids are joined by commas.
/// </summary>
public sealed record ServerText(string Code, IReadOnlyDictionary<string, string> Args)
{
    // Value equality: the diff of two snapshots (MeetingChanges) compares the undo offer by value.
    public bool Equals(ServerText? other) =>
        other is not null && Code == other.Code && Args.Count == other.Args.Count
        && Args.All(a => other.Args.TryGetValue(a.Key, out var v) && v == a.Value);

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);
}

/// <summary>
/// One kind of thing the server says: its code and the names of its arguments. Every phrase is a static field of
/// <see cref="ServerPhrases"/>, so a test can check that each has a translation in every page catalogue.
/// </summary>
public sealed record ServerPhrase(string Code, params string[] Parameters)
{
    /// <summary>The phrase with its arguments, each named once and none left out (a mistake here is a programming error).</summary>
    public ServerText With(params (string Name, object? Value)[] args)
    {
        var names = args.Select(a => a.Name).ToList();
        if (names.Count != Parameters.Length || !Parameters.All(names.Contains))
        {
            throw new ArgumentException($"{Code} takes {string.Join(", ", Parameters)}; given {string.Join(", ", names)}.", nameof(args));
        }
        return new ServerText(Code, args.ToDictionary(a => a.Name, a => Format(a.Value), StringComparer.Ordinal));
    }

    private static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        Enum e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<string> many => string.Join(",", many),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
