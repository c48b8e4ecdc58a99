using System.Text.RegularExpressions;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

/// <summary>What a translation import found: the definition with the titles added, how many, and every mismatch.</summary>
/// <param name="Definition">The definition with the other language's titles added; null when <see cref="Refusal"/> says why nothing can be.</param>
/// <param name="Added">Items whose title in <see cref="Language"/> was added or changed.</param>
/// <param name="Matched">Items of the text matched to an item of the meeting (by body and number).</param>
/// <param name="RefusalText">The refusal as a phrase code and its arguments, for a page in another language.</param>
/// <param name="BodyIds">Every body whose list was read: a document may hold several bodies' agendas, each under its name.</param>
public sealed record TranslationImport(
    string Language, MeetingDefinition? Definition, int Added, int Matched, string? Symbol,
    IReadOnlyList<ImportWarning> Warnings, string? Refusal, ServerText? RefusalText, IReadOnlyList<string> BodyIds)
{
    /// <summary>The body of the first list read (the only one, in a document of one agenda).</summary>
    public string? BodyId => BodyIds.Count > 0 ? BodyIds[0] : null;
}

/// <summary>
/// Reads the same agenda in another official language (the same symbol, as every language version carries it) and adds
/// its item titles to the meeting's definition. Items are matched by body and number, never by position or guess: an
/// item the text lacks, an item the meeting lacks, a number that differs or a symbol that differs is a warning, and the
/// item keeps its English title rather than taking a wrong one. Pure: the API turns the result into one amendment.
/// </summary>
public static partial class TranslationImporter
{
    public const int MaxItems = 400;

    [GeneratedRegex(@"\b[A-Z][A-Z0-9.]*(?:\([0-9A-Z]+\))?(?:/[A-Za-z0-9.()\-]+){1,6}")]
    private static partial Regex SymbolPattern();

    private sealed record Line(int Number, string Text);

    private sealed record Entry(int Line, string Number, string Title);

    public static TranslationImport Apply(MeetingDefinition meeting, string language, string text)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(text);
        var warnings = new List<ImportWarning>();
        TranslationImport Refuse(string why, ServerText text, string? symbol = null) => new(language, null, 0, 0, symbol, warnings, why, text, []);
        if (!Languages.IsTranslated(language))
        {
            return Refuse($"\"{language}\" is not a language a translation can be given in; use one of {string.Join(", ", Languages.Translated)} (English is the definition itself).",
                ServerPhrases.TranslationNotALanguage.With(("code", language), ("languages", Languages.Translated)));
        }
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select((t, i) => new Line(i + 1, t.Trim())).ToList();

        // The same agenda carries the same symbol in every language: the text must name the meeting's, or its body's.
        var symbols = lines.SelectMany(l => SymbolPattern().Matches(l.Text).Select(m => m.Value.TrimEnd('.', ','))).Distinct(StringComparer.Ordinal).ToList();
        var (symbol, body, why, whyText) = Identify(meeting, symbols);
        if (why is not null)
        {
            return Refuse(why, whyText!, symbol);
        }

        var lists = ReadLists(lines, language, meeting, warnings);
        if (lists.Count == 0)
        {
            return Refuse($"No agenda list found: the {Languages.Name(language)} text needs its heading (e.g. \"{Example(language)}\") followed by the numbered items.",
                ServerPhrases.TranslationNoList.With(("language", language), ("example", Example(language))), symbol);
        }

        // Each list is one body's agenda: the body its heading names, else (a document of one agenda) the symbol's. A
        // text that carries several bodies' symbols does not say whose an unnamed list is: it is left, never guessed.
        var bodiesOfSymbols = (meeting.Bodies ?? []).Count(b => b?.Symbol is { Length: > 0 } stem && symbols.Any(s => s.StartsWith(stem + "/", StringComparison.Ordinal)));
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = new List<string>();
        foreach (var list in lists)
        {
            if ((list.Body ?? (bodiesOfSymbols > 1 ? null : body)) is not { } listBody)
            {
                var first = list.Entries[0];
                warnings.Add(new ImportWarning(first.Line,
                    $"The {Languages.Name(language)} text holds the agendas of several bodies, and the list that begins \"{Short(first.Title)}\" is not under the {Languages.Name(language)} name of one of them; its titles were not added (give the bodies' names in this language in the definition).",
                    ServerPhrases.TranslationListNoBody.With(("language", language), ("text", Short(first.Title)))));
                continue;
            }
            read.Add(listBody.Id);
            Match(meeting, listBody, list.Entries, language, titles, warnings);
        }

        var added = 0;
        IReadOnlyList<ItemDefinition>? Translate(IReadOnlyList<ItemDefinition>? items) => items?.Select(item =>
        {
            if (item is null)
            {
                return item!;
            }
            var subItems = Translate(item.SubItems);
            if (!titles.TryGetValue(item.Id, out var title))
            {
                return item with { SubItems = subItems };
            }
            var existing = item.Titles ?? new Dictionary<string, string>();
            if (!existing.TryGetValue(language, out var was) || was != title)
            {
                added++;
            }
            var merged = new Dictionary<string, string>(existing, StringComparer.Ordinal) { [language] = title };
            return item with { SubItems = subItems, Titles = merged };
        }).ToList();
        var translated = meeting with { Items = Translate(meeting.Items)! };
        return new TranslationImport(language, translated, added, titles.Count, symbol, warnings, null, null, read.Distinct().ToList());
    }

    /// <summary>One body's list matched to its items by number: each title found, and a warning for every mismatch.</summary>
    private static void Match(MeetingDefinition meeting, BodyDefinition body, List<Entry> entries, string language,
        Dictionary<string, string> titles, List<ImportWarning> warnings)
    {
        var byNumber = new Dictionary<string, ItemDefinition>(StringComparer.Ordinal);
        void Index(IReadOnlyList<ItemDefinition>? items)
        {
            foreach (var item in items ?? [])
            {
                if (item?.Numbers is not null && item.Numbers.TryGetValue(body.Id, out var n) && n is not null)
                {
                    byNumber.TryAdd(Normalize(n), item);
                }
                Index(item?.SubItems);
            }
        }
        Index(meeting.Items);

        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byNumber.TryGetValue(entry.Number, out var item))
            {
                warnings.Add(new ImportWarning(entry.Line,
                    $"Item {entry.Number} of the {Languages.Name(language)} text (\"{Short(entry.Title)}\") is not on the agenda of {body.Id}; its title was not added.",
                    ServerPhrases.TranslationNotOnAgenda.With(("number", entry.Number), ("language", language), ("text", Short(entry.Title)), ("body", body.Id))));
                continue;
            }
            var title = WithoutJointMark(entry.Title, item);
            // A joint item is on each body's list: the same title twice is the same item, not a repeat.
            if (!found.Add(item.Id) || (titles.TryGetValue(item.Id, out var had) && had != title))
            {
                warnings.Add(new ImportWarning(entry.Line, $"Item {entry.Number} appears twice in the {Languages.Name(language)} text; the first title was kept.",
                    ServerPhrases.TranslationTwice.With(("number", entry.Number), ("language", language))));
                continue;
            }
            titles.TryAdd(item.Id, title);
        }
        foreach (var (number, item) in byNumber.Where(n => !found.Contains(n.Value.Id)))
        {
            warnings.Add(new ImportWarning(0,
                $"Item {number} of {body.Id} ({item.Id}) has no {Languages.Name(language)} title in the text; it keeps its English title.",
                ServerPhrases.TranslationNoTitle.With(("number", number), ("body", body.Id), ("id", item.Id), ("language", language))));
        }
    }

    /// <summary>
    /// A joint item's title without the mark that says it is joint ("(point commun)", "(tema conjunto del Grupo …)"): a
    /// closing parenthesis the English title does not have, on an item more than one body takes up.
    /// </summary>
    private static string WithoutJointMark(string title, ItemDefinition item)
    {
        if (item.Numbers.Count < 2 || item.Title.TrimEnd().EndsWith(')') || !(title.EndsWith(')') || title.EndsWith('）')))
        {
            return title;
        }
        var open = Math.Max(title.LastIndexOf('('), title.LastIndexOf('（'));
        return open > 0 ? title[..open].TrimEnd() : title;
    }

    private static string Example(string language) => language switch
    {
        "fr" => "Ordre du jour provisoire",
        "es" => "Programa provisional",
        "ru" => "Предварительная повестка дня",
        "ar" => "جدول الأعمال المؤقت",
        _ => "临时议程",
    };

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";

    /// <summary>The symbol the text carries and the body whose agenda it is; or why it is not this meeting's agenda.</summary>
    private static (string? Symbol, BodyDefinition? Body, string? Why, ServerText? WhyText) Identify(MeetingDefinition meeting, List<string> symbols)
    {
        var bodies = (meeting.Bodies ?? []).Where(b => b?.Id is not null).ToList();
        if (symbols.Count == 0)
        {
            return (null, null, "The text names no document symbol; every language version of an agenda carries the same symbol, and it is how the text is matched to this meeting.",
                ServerPhrases.TranslationNoSymbol.With());
        }
        if (meeting.Symbol is { Length: > 0 } own)
        {
            if (symbols.Contains(own, StringComparer.Ordinal))
            {
                var body = bodies.Count == 1 ? bodies[0] : bodies.FirstOrDefault(b => b.Symbol is { Length: > 0 } stem && own.StartsWith(stem + "/", StringComparison.Ordinal));
                return body is null
                    ? (own, null, $"The symbol {own} does not say which body's agenda this is; give each body its symbol stem.", ServerPhrases.TranslationSymbolNoBody.With(("symbol", own)))
                    : (own, body, null, null);
            }
            return (symbols[0], null, $"The symbol differs: the text carries {string.Join(", ", symbols.Take(3))}, this meeting's agenda is {own}. Nothing was changed.",
                ServerPhrases.TranslationSymbolDiffers.With(("symbols", symbols.Take(3)), ("symbol", own)));
        }
        // No symbol on the meeting: the agenda symbol is a body's stem followed by the year and number (CTOC/COP/WG.3/2022/1).
        foreach (var s in symbols)
        {
            var body = bodies.FirstOrDefault(b => b.Symbol is { Length: > 0 } stem && s.StartsWith(stem + "/", StringComparison.Ordinal));
            if (body is not null)
            {
                return (s, body, null, null);
            }
        }
        return (symbols[0], null,
            $"The symbol differs: the text carries {string.Join(", ", symbols.Take(3))}, none of them an agenda of {string.Join(", ", bodies.Select(b => b.Symbol ?? b.Id))}. Nothing was changed.",
            ServerPhrases.TranslationSymbolDiffersNone.With(("symbols", symbols.Take(3)), ("stems", bodies.Select(b => b.Symbol ?? b.Id))));
    }

    /// <summary>"1", "1 (a)", "2 (b) (i)": the numbers as the definitions write them, whatever spacing the text used.</summary>
    private static string Normalize(string number) =>
        Regex.Replace(Regex.Replace(number.Trim(), @"\s*\(\s*", " ("), @"\s*\)", ")");
}
