using System.Text.RegularExpressions;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

/// <summary>What a translation import found: the definition with the titles added, how many, and every mismatch.</summary>
/// <param name="Definition">The definition with the other language's titles added; null when <see cref="Refusal"/> says why nothing can be.</param>
/// <param name="Added">Items whose title in <see cref="Language"/> was added or changed.</param>
/// <param name="Matched">Items of the text matched to an item of the meeting (by body and number).</param>
/// <param name="RefusalText">The refusal as a phrase code and its arguments, for a page in another language.</param>
public sealed record TranslationImport(
    string Language, MeetingDefinition? Definition, int Added, int Matched, string? Symbol, string? BodyId,
    IReadOnlyList<ImportWarning> Warnings, string? Refusal, ServerText? RefusalText = null);

/// <summary>
/// Reads the same agenda in another official language (the same symbol, as every language version carries it) and adds
/// its item titles to the meeting's definition. Items are matched by body and number, never by position or guess: an
/// item the text lacks, an item the meeting lacks, a number that differs or a symbol that differs is a warning, and the
/// item keeps its English title rather than taking a wrong one. Pure: the API turns the result into one amendment.
/// </summary>
public static partial class TranslationImporter
{
    public const int MaxItems = 400;

    /// <summary>The heading of the agenda list in each language, as the UN's documents print it.</summary>
    private static readonly Dictionary<string, Regex> AgendaHeading = new(StringComparer.Ordinal)
    {
        ["fr"] = new(@"^\s*(?:I\.\s*)?Ordre du jour provisoire\s*$", RegexOptions.IgnoreCase),
        ["es"] = new(@"^\s*(?:I\.\s*)?Programa provisional\s*$", RegexOptions.IgnoreCase),
        ["ru"] = new(@"^\s*(?:I\.\s*)?Предварительная повестка дня\s*$", RegexOptions.IgnoreCase),
        ["ar"] = new(@"^\s*(?:أولا\s*[-–]\s*)?جدول الأعمال المؤقت\s*$"),
        ["zh"] = new(@"^\s*(?:一、\s*)?临时议程\s*$"),
    };

    /// <summary>Where the list ends: the annotations that follow it.</summary>
    private static readonly Dictionary<string, Regex> AnnotationsHeading = new(StringComparer.Ordinal)
    {
        ["fr"] = new(@"^\s*(?:II\.\s*)?Annotations\b", RegexOptions.IgnoreCase),
        ["es"] = new(@"^\s*(?:II\.\s*)?Anotaciones\b", RegexOptions.IgnoreCase),
        ["ru"] = new(@"^\s*(?:II\.\s*)?Аннотации\b", RegexOptions.IgnoreCase),
        ["ar"] = new(@"^\s*(?:ثانيا\s*[-–]\s*)?(?:الشروح|شروح)"),
        ["zh"] = new(@"^\s*(?:二、\s*)?(?:说明|附加说明)"),
    };

    // "1." in most lists, "1、" in Chinese, "1 -" in Arabic (a dash, not a range such as "1-3").
    [GeneratedRegex(@"^\s*(\d{1,3})\s*(?:[.．、]|[-–](?!\s*\d))\s*(.*)$")]
    private static partial Regex NumberedItem();

    // "a)", "(a)", Cyrillic "а)", Arabic "(أ)": a sub-item's letter in any of the six languages' lists.
    [GeneratedRegex(@"^\s*\(?([a-zа-я]|[أبجدهـوزحطي]{1,2})\)\s*(.*)$")]
    private static partial Regex LetteredItem();

    // A sub-sub-item's mark: "i)", "(ii)" in the French, Spanish, Russian and English lists; "㈠" (a parenthesized
    // ideograph) in the Chinese; "‘1’" (an Arabic-script list numbers them as a digit between quotation marks).
    [GeneratedRegex(@"^\s*(?:\(?([ivx]{1,6})\)|([\u3220-\u3229])|[‘’'`]\s*(\d{1,2})\s*[‘’'`])\s*(.*)$")]
    private static partial Regex SubSubItem();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9.]*(?:\([0-9A-Z]+\))?(?:/[A-Za-z0-9.()\-]+){1,6}")]
    private static partial Regex SymbolPattern();

    private const string CyrillicLetters = "абвгдежзиклмнопрстуфхцчшщэюя";
    private static readonly string[] ArabicLetters = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي"];

    private sealed record Line(int Number, string Text);

    private sealed record Entry(int Line, string Number, string Title);

    public static TranslationImport Apply(MeetingDefinition meeting, string language, string text)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(text);
        var warnings = new List<ImportWarning>();
        TranslationImport Refuse(string why, ServerText text, string? symbol = null) => new(language, null, 0, 0, symbol, null, warnings, why, text);
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

        var entries = ReadList(lines, language, warnings);
        if (entries.Count == 0)
        {
            return Refuse($"No agenda list found: the {Languages.Name(language)} text needs its heading (e.g. \"{Example(language)}\") followed by the numbered items.",
                ServerPhrases.TranslationNoList.With(("language", language), ("example", Example(language))), symbol);
        }

        var byNumber = new Dictionary<string, string>(StringComparer.Ordinal);
        void Index(IReadOnlyList<ItemDefinition>? items)
        {
            foreach (var item in items ?? [])
            {
                if (item?.Numbers is not null && item.Numbers.TryGetValue(body!.Id, out var n) && n is not null)
                {
                    byNumber.TryAdd(Normalize(n), item.Id);
                }
                Index(item?.SubItems);
            }
        }
        Index(meeting.Items);

        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byNumber.TryGetValue(entry.Number, out var id))
            {
                warnings.Add(new ImportWarning(entry.Line,
                    $"Item {entry.Number} of the {Languages.Name(language)} text (\"{Short(entry.Title)}\") is not on the agenda of {body!.Id}; its title was not added.",
                    ServerPhrases.TranslationNotOnAgenda.With(("number", entry.Number), ("language", language), ("text", Short(entry.Title)), ("body", body.Id))));
                continue;
            }
            if (!titles.TryAdd(id, entry.Title))
            {
                warnings.Add(new ImportWarning(entry.Line, $"Item {entry.Number} appears twice in the {Languages.Name(language)} text; the first title was kept.",
                    ServerPhrases.TranslationTwice.With(("number", entry.Number), ("language", language))));
            }
        }
        foreach (var (number, id) in byNumber.Where(n => !titles.ContainsKey(n.Value)))
        {
            warnings.Add(new ImportWarning(0,
                $"Item {number} of {body!.Id} ({id}) has no {Languages.Name(language)} title in the text; it keeps its English title.",
                ServerPhrases.TranslationNoTitle.With(("number", number), ("body", body.Id), ("id", id), ("language", language))));
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
        return new TranslationImport(language, translated, added, titles.Count, symbol, body!.Id, warnings, null);
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

    /// <summary>The agenda list under its heading: numbered items and lettered sub-items, titles joined across broken lines.</summary>
    private static List<Entry> ReadList(List<Line> lines, string language, List<ImportWarning> warnings)
    {
        var start = lines.FindIndex(l => AgendaHeading[language].IsMatch(l.Text));
        var entries = new List<Entry>();
        if (start < 0)
        {
            return entries;
        }
        string? parent = null;
        // The last sub-item's letter under the parent, and the last sub-sub-item's number under that letter: "i)"
        // after "h)" is the letter i, after "a)" the first sub-sub-item; "v)" after "iv)" is five, after "u)" a letter.
        string? letter = null;
        var subSub = 0;
        var ended = true;
        for (var i = start + 1; i < lines.Count && entries.Count < MaxItems; i++)
        {
            var line = lines[i];
            if (line.Text.Length == 0)
            {
                continue;
            }
            if (AnnotationsHeading[language].IsMatch(line.Text))
            {
                break;
            }
            if (NumberedItem().Match(line.Text) is { Success: true } numbered)
            {
                var number = int.Parse(numbered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
                // The annotations repeat the list's numbers: a 1 after the list has begun is where the list ended.
                if (entries.Count > 0 && number == "1")
                {
                    break;
                }
                parent = number;
                letter = null;
                entries.Add(new Entry(line.Number, number, numbered.Groups[2].Value));
            }
            else if (letter is not null && SubSubItem().Match(line.Text) is { Success: true } nested
                && SubSubNumber(nested) is { } n && n == subSub + 1 && !(subSub == 0 && nested.Groups[1].Value == NextLetter(letter)))
            {
                subSub = n;
                entries.Add(new Entry(line.Number, $"{parent} ({letter}) ({Roman(n)})", nested.Groups[4].Value));
            }
            else if (parent is not null && LetteredItem().Match(line.Text) is { Success: true } lettered && Letter(lettered.Groups[1].Value) is { } next)
            {
                letter = next;
                subSub = 0;
                entries.Add(new Entry(line.Number, $"{parent} ({next})", lettered.Groups[2].Value));
            }
            else if (entries.Count > 0 && !ended)
            {
                var last = entries[^1];
                entries[^1] = last with { Title = last.Title + " " + line.Text };
            }
            else if (entries.Count > 0)
            {
                break;
            }
            else
            {
                continue;
            }
            ended = EndsTitle(entries[^1].Title);
        }
        if (entries.Count >= MaxItems)
        {
            warnings.Add(new ImportWarning(0, $"The list was read as far as {MaxItems} items; the rest was left out.", ServerPhrases.TranslationListCut.With(("max", MaxItems))));
        }
        return entries.Select(e => e with { Title = Clean(e.Title) }).Where(e => e.Title.Length > 0).ToList();
    }

    private static bool EndsTitle(string title) => title.TrimEnd() is { Length: > 0 } t && t[^1] is '.' or ';' or ':' or '；' or '：' or '。' or '؛';

    /// <summary>The title without the list's punctuation ("Questions d'organisation :" → "Questions d'organisation").</summary>
    private static string Clean(string title)
    {
        var t = Regex.Replace(title, @"\s+", " ").Trim();
        t = t.TrimEnd('.', ';', ':', '；', '：', '。', '؛', ' ', '\u00a0', '\u202f');
        return t.Length > DefinitionValidator.MaxTextLength ? t[..DefinitionValidator.MaxTextLength] : t;
    }

    /// <summary>The sub-sub-item's number, whichever way its language writes it.</summary>
    private static int? SubSubNumber(Match mark)
    {
        if (mark.Groups[1].Success)
        {
            return RomanValue(mark.Groups[1].Value);
        }
        if (mark.Groups[2].Success)
        {
            return mark.Groups[2].Value[0] - '\u3220' + 1;
        }
        return int.Parse(mark.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly string[] RomanNumbers =
        ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"];

    /// <summary>"i" to "xx" as 1 to 20 (a list with more sub-sub-items under one letter is not an agenda); else null.</summary>
    private static int? RomanValue(string mark) => Array.IndexOf(RomanNumbers, mark) is var i and >= 0 ? i + 1 : null;

    /// <summary>The number as the definitions write it, "(i)" to "(xx)".</summary>
    private static string Roman(int n) => n <= RomanNumbers.Length ? RomanNumbers[n - 1] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string NextLetter(string letter) => ((char)(letter[0] + 1)).ToString();

    private static string? Letter(string mark)
    {
        if (mark.Length == 1 && mark[0] is >= 'a' and <= 'z')
        {
            return mark;
        }
        var cyrillic = CyrillicLetters.IndexOf(mark, StringComparison.Ordinal);
        if (mark.Length == 1 && cyrillic >= 0 && cyrillic < 26)
        {
            return ((char)('a' + cyrillic)).ToString();
        }
        var arabic = Array.IndexOf(ArabicLetters, mark);
        return arabic >= 0 ? ((char)('a' + arabic)).ToString() : null;
    }
}
