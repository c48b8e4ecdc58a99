using System.Diagnostics.CodeAnalysis;

namespace MeetingOps.Domain;

/// <summary>
/// A meeting's id as the edges take it (a REST route, a hub call): 1–<see cref="MaxLength"/> lowercase letters, digits or
/// '-'. A value of this type has been checked; a text that is not an id never reaches a grain. REST routes bind it through
/// <see cref="IParsable{TSelf}"/>; the hub parses the string it was sent.
/// </summary>
public readonly record struct MeetingId : IParsable<MeetingId>
{
    /// <summary>The longest id there is (it is a grain key, a file name in exports and part of every link).</summary>
    public const int MaxLength = 64;

    private readonly string? _value;

    private MeetingId(string value) => _value = value;

    public string Value => _value ?? "";

    public override string ToString() => Value;

    public static implicit operator string(MeetingId id) => id.Value;

    public static bool IsValid([NotNullWhen(true)] string? text) =>
        text is { Length: > 0 and <= MaxLength } && text.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    public static bool TryParse([NotNullWhen(true)] string? text, out MeetingId id)
    {
        if (IsValid(text))
        {
            id = new MeetingId(text);
            return true;
        }
        id = default;
        return false;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MeetingId result) => TryParse(s, out result);

    public static MeetingId Parse(string s, IFormatProvider? provider) =>
        TryParse(s, out var id) ? id : throw new FormatException(Refusal(s));

    /// <summary>Why <paramref name="text"/> is not a meeting id, naming it (shortened: an id can be sent megabytes long).</summary>
    public static string Refusal(string? text) =>
        text is null
            ? $"A meeting id is needed: 1–{MaxLength} lowercase letters, digits or '-'."
            : $"\"{Shorten(text)}\" is not a meeting id: 1–{MaxLength} lowercase letters, digits or '-'.";

    /// <summary>The same refusal as a phrase code, for the pages.</summary>
    public static ServerText RefusalText(string? text) =>
        text is null
            ? ServerPhrases.MeetingIdNeeded.With(("count", MaxLength))
            : ServerPhrases.MeetingBadId.With(("id", Shorten(text)), ("count", MaxLength));

    private static string Shorten(string text) => text.Length <= MaxLength + 16 ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
}
