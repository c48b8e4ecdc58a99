namespace MeetingOps.Domain.Definition;

/// <summary>
/// The six official languages of the United Nations, by their ISO 639-1 codes. Every language version of an agenda
/// carries the same symbol; a definition keeps the English text in <c>title</c>/<c>name</c> and the others beside it.
/// </summary>
public static class Languages
{
    public const string English = "en";

    /// <summary>In the UN's own order (alphabetical in English): Arabic, Chinese, English, French, Russian, Spanish.</summary>
    public static IReadOnlyList<string> Official { get; } = ["ar", "zh", "en", "fr", "ru", "es"];

    /// <summary>The languages a translation can be given in: all but English, which is the definition's own text.</summary>
    public static IReadOnlyList<string> Translated { get; } = ["ar", "zh", "fr", "ru", "es"];

    /// <summary>English names, for messages and the log ("French titles added").</summary>
    public static string Name(string code) => code switch
    {
        "ar" => "Arabic",
        "zh" => "Chinese",
        "en" => "English",
        "fr" => "French",
        "ru" => "Russian",
        "es" => "Spanish",
        _ => code,
    };

    public static bool IsTranslated(string? code) => code is not null && Translated.Contains(code, StringComparer.Ordinal);

    /// <summary>What is wrong with a set of texts per language, each with its JSON path (<paramref name="path"/>.fr ...).</summary>
    public static IEnumerable<DefinitionProblem> Problems(string path, IReadOnlyDictionary<string, string>? texts, int max)
    {
        if (texts is null)
        {
            yield break;
        }
        foreach (var (code, text) in texts)
        {
            var at = $"{path}.{code}";
            if (code == English)
            {
                yield return new(at, "The English text is the title or name itself; list only the other languages here (ar, zh, fr, ru, es).", ServerPhrases.DefEnglishListed.With());
            }
            else if (!IsTranslated(code))
            {
                yield return new(at, $"\"{code}\" is not an official language code; use one of ar, zh, fr, ru, es (English is the title or name itself).",
                    ServerPhrases.DefNotLanguage.With(("found", code)));
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                yield return new(at, "Must not be blank: leave the language out instead, and the pages show the English.", ServerPhrases.DefTranslationBlank.With());
            }
            else if (text.Length > max)
            {
                yield return new(at, $"Too long: {text.Length:N0} characters, at most {max:N0}.", ServerPhrases.DefTooLong.With(("length", text.Length), ("max", max)));
            }
            else if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            {
                yield return new(at, "Contains control characters.", ServerPhrases.DefControlCharacters.With());
            }
        }
    }

    /// <summary>The texts trimmed, in the official order; null when there are none (so a plain English meeting is unchanged).</summary>
    public static Dictionary<string, string>? Trimmed(IReadOnlyDictionary<string, string>? texts)
    {
        if (texts is null)
        {
            return null;
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in Translated)
        {
            if (texts.TryGetValue(code, out var text) && !string.IsNullOrWhiteSpace(text))
            {
                result[code] = text.Trim();
            }
        }
        return result.Count == 0 ? null : result;
    }
}
