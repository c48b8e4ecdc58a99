using System.Diagnostics.CodeAnalysis;

namespace MeetingOps.Domain;

/// <summary>
/// The one reader of an action's name as the chair sends it ("open", "continue", "adopt"; "start", "end"), over REST
/// (the last segment of the route) and through the hub alike, with the same refusal in words for a name it does not know.
/// Names are the actions' own, in any case; nothing else is taken (no numbers, which <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>
/// would accept, and nothing longer than <see cref="MaxLength"/>).
/// </summary>
public static class ChairActions
{
    /// <summary>Longer than any action's name: a longer text is refused without looking further.</summary>
    public const int MaxLength = 20;

    public static bool TryParse([NotNullWhen(true)] string? text, out ItemAction action) => TryParseName(text, out action);

    public static bool TryParse([NotNullWhen(true)] string? text, out SessionAction action) => TryParseName(text, out action);

    /// <summary>The refusal of an item action not known, listing the ones there are.</summary>
    public static string UnknownItemAction(string? text) => $"Unknown item action \"{Shorten(text)}\"; one of {Names<ItemAction>()}.";

    /// <summary>The refusal of a session action not known, listing the ones there are.</summary>
    public static string UnknownSessionAction(string? text) => $"Unknown session action \"{Shorten(text)}\"; one of {Names<SessionAction>()}.";

    /// <summary>The refusal of an unknown action (item or session) as a phrase: the pages say it in the viewer's language.</summary>
    public static ServerText UnknownActionText(string? text) => ServerPhrases.UnknownAction.With(("action", Shorten(text)));

    /// <summary>The name an action is sent by (lowercase), the inverse of <see cref="TryParse(string?, out ItemAction)"/>.</summary>
    public static string NameOf(ItemAction action) => action.ToString().ToLowerInvariant();

    /// <summary>The name a session action is sent by (lowercase).</summary>
    public static string NameOf(SessionAction action) => action.ToString().ToLowerInvariant();

    private static bool TryParseName<T>([NotNullWhen(true)] string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is { Length: > 0 and <= MaxLength } && text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= MaxLength * 2 ? text : string.Concat(text.AsSpan(0, MaxLength * 2), "…");

    private static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
}
