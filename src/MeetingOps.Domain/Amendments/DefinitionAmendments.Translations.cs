using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Amendments;

public static partial class DefinitionAmendments
{
    public const string TitlesTranslated = "titles translated";

    /// <summary>
    /// Titles and names in the other languages, as ONE amendment for the whole change: a translation import adds dozens
    /// of titles at once, and the log should say "French: 9 of 9 item titles" rather than list nine renames.
    /// </summary>
    private static void Translations(MeetingDefinition before, MeetingDefinition after, List<Amendment> changes)
    {
        var was = TranslationTexts(before);
        var now = TranslationTexts(after);
        if (was.Count == now.Count && was.All(w => now.TryGetValue(w.Key, out var n) && n == w.Value))
        {
            return;
        }
        var languages = was.Keys.Concat(now.Keys).Select(k => k[..k.IndexOf('|', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal)
            .OrderBy(c => Languages.Official.ToList().IndexOf(c)).ToList();
        var changed = languages.Where(code => Keys(was, code).Concat(Keys(now, code)).Distinct(StringComparer.Ordinal)
            .Any(k => !was.TryGetValue(k, out var w) || !now.TryGetValue(k, out var n) || w != n)).ToList();
        var items = Flatten(after.Items).Count;
        string Summary(Dictionary<string, string> texts) => string.Join("; ", changed.Select(code =>
        {
            var itemTitles = Keys(texts, code).Count(k => k.StartsWith(code + "|item|", StringComparison.Ordinal));
            var others = Keys(texts, code).Count() - itemTitles;
            return $"{Languages.Name(code)}: {itemTitles} of {items} item titles{(others > 0 ? $", {others} body names and document titles" : "")}";
        }));
        changes.Add(new Amendment(TitlesTranslated, null, null, null, Summary(was), Summary(now)));
    }

    private static IEnumerable<string> Keys(Dictionary<string, string> texts, string code) =>
        texts.Keys.Where(k => k.StartsWith(code + "|", StringComparison.Ordinal));

    /// <summary>Every translated text keyed "language|kind|id", so two definitions compare in one pass.</summary>
    private static Dictionary<string, string> TranslationTexts(MeetingDefinition definition)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string kind, string id, IReadOnlyDictionary<string, string>? byLanguage)
        {
            foreach (var (code, text) in byLanguage ?? new Dictionary<string, string>())
            {
                texts[$"{code}|{kind}|{id}"] = text;
            }
        }
        foreach (var body in (definition.Bodies ?? []).Where(b => b?.Id is not null))
        {
            Add("body", body.Id, body.Names);
        }
        foreach (var (id, placed) in Flatten(definition.Items))
        {
            Add("item", id, placed.Item.Titles);
            foreach (var document in (placed.Item.Documents ?? []).Where(d => d?.Symbols is { Count: > 0 }))
            {
                Add("document", id + " " + document.Symbols[0], document.Titles);
            }
        }
        return texts;
    }
}
