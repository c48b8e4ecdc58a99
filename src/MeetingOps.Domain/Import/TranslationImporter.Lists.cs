using System.Text.RegularExpressions;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

/// <summary>
/// Reading the agenda lists of a text in another language: numbered items, lettered sub-items and sub-sub-items as
/// each language marks them, titles joined across broken lines; and, in a document that holds several bodies'
/// agendas, each list under the body its heading names.
/// </summary>
public static partial class TranslationImporter
{
    /// <summary>
    /// The heading of the agenda list in each language, as the UN's documents print it: one agenda ("Ordre du jour
    /// provisoire"), or a document holding several bodies' ("Ordres du jour provisoires annotés").
    /// </summary>
    private static readonly Dictionary<string, Regex> AgendaHeading = new(StringComparer.Ordinal)
    {
        ["fr"] = new(@"^\s*(?:I\.\s*)?(?:Ordre du jour provisoire|Ordres du jour provisoires(?: annotés)?)\s*$", RegexOptions.IgnoreCase),
        ["es"] = new(@"^\s*(?:I\.\s*)?(?:Programa provisional|Programas provisionales(?: anotados)?)\s*$", RegexOptions.IgnoreCase),
        ["ru"] = new(@"^\s*(?:I\.\s*)?(?:Предварительная повестка дня|(?:Аннотированные )?предварительные повестки дня)\s*$", RegexOptions.IgnoreCase),
        ["ar"] = new(@"^\s*(?:أولا\s*[-–]\s*)?(?:جدول الأعمال المؤقت|جداول الأعمال المؤقتة(?: المشروحة)?)\s*$"),
        ["zh"] = new(@"^\s*(?:一、\s*)?临时议程\s*$"),
    };

    /// <summary>Where the lists end: the annotations that follow them.</summary>
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

    private const string CyrillicLetters = "абвгдежзиклмнопрстуфхцчшщэюя";
    private static readonly string[] ArabicLetters = ["أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي"];

    /// <summary>A body's heading is a line or a few (a long name breaks); more lines than this are prose, not a heading.</summary>
    private const int MaxHeadingLines = 3;

    /// <summary>One agenda list and the body its heading names (null: the heading names none, or there was none).</summary>
    private sealed record AgendaList(BodyDefinition? Body, List<Entry> Entries);

    /// <summary>
    /// The agenda lists under the heading. A list that starts again at 1 is another body's only when the lines just
    /// before it name one of the meeting's bodies in this language (or its symbol); otherwise the list has ended (the
    /// annotations repeat the numbers), so a text is never read as an agenda it is not.
    /// </summary>
    private static List<AgendaList> ReadLists(List<Line> lines, string language, MeetingDefinition meeting, List<ImportWarning> warnings)
    {
        var lists = new List<AgendaList>();
        var start = lines.FindIndex(l => AgendaHeading[language].IsMatch(l.Text));
        if (start < 0)
        {
            return lists;
        }
        var heading = new List<string>();
        List<Entry>? entries = null;
        var count = 0;
        string? parent = null;
        // The last sub-item's letter under the parent, and the last sub-sub-item's number under that letter: "i)"
        // after "h)" is the letter i, after "a)" the first sub-sub-item; "v)" after "iv)" is five, after "u)" a letter.
        string? letter = null;
        var subSub = 0;
        var ended = true;
        for (var i = start + 1; i < lines.Count && count < MaxItems; i++)
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
                if (entries is null)
                {
                    entries = [];
                    lists.Add(new AgendaList(BodyNamed(meeting, language, heading), entries));
                }
                else if (number == "1" || heading.Count > 0)
                {
                    // A list begins again only under another body's name; anything else after a list is where it ended.
                    if (number != "1" || BodyNamed(meeting, language, heading) is not { } body)
                    {
                        break;
                    }
                    entries = [];
                    lists.Add(new AgendaList(body, entries));
                }
                heading.Clear();
                parent = number;
                letter = null;
                entries.Add(new Entry(line.Number, number, numbered.Groups[2].Value));
            }
            else if (entries is null)
            {
                // Before the first item: the lines nearest it may be the body's name.
                heading.Add(line.Text);
                if (heading.Count > MaxHeadingLines)
                {
                    heading.RemoveAt(0);
                }
                continue;
            }
            else if (heading.Count == 0 && letter is not null && SubSubItem().Match(line.Text) is { Success: true } nested
                && SubSubNumber(nested) is { } n && n == subSub + 1 && !(subSub == 0 && nested.Groups[1].Value == NextLetter(letter)))
            {
                subSub = n;
                entries.Add(new Entry(line.Number, $"{parent} ({letter}) ({Roman(n)})", nested.Groups[4].Value));
            }
            else if (heading.Count == 0 && parent is not null && LetteredItem().Match(line.Text) is { Success: true } lettered && Letter(lettered.Groups[1].Value) is { } next)
            {
                letter = next;
                subSub = 0;
                entries.Add(new Entry(line.Number, $"{parent} ({next})", lettered.Groups[2].Value));
            }
            else if (heading.Count == 0 && !ended)
            {
                var last = entries[^1];
                entries[^1] = last with { Title = last.Title + " " + line.Text };
            }
            else if (heading.Count < MaxHeadingLines)
            {
                // After a list: perhaps the next body's heading; a list must follow it.
                heading.Add(line.Text);
                continue;
            }
            else
            {
                break;
            }
            count++;
            ended = EndsTitle(entries[^1].Title);
        }
        if (count >= MaxItems)
        {
            warnings.Add(new ImportWarning(0, $"The list was read as far as {MaxItems} items; the rest was left out.", ServerPhrases.TranslationListCut.With(("max", MaxItems))));
        }
        return lists
            .Select(l => l with { Entries = l.Entries.Select(e => e with { Title = Clean(e.Title) }).Where(e => e.Title.Length > 0).ToList() })
            .Where(l => l.Entries.Count > 0)
            .ToList();
    }

    /// <summary>The body a heading names: its name in the text's language, as the definition gives it, or its symbol.</summary>
    private static BodyDefinition? BodyNamed(MeetingDefinition meeting, string language, List<string> heading)
    {
        if (heading.Count == 0)
        {
            return null;
        }
        var words = Comparable(string.Join(" ", heading));
        var bodies = (meeting.Bodies ?? []).Where(b => b?.Id is not null).ToList();
        return bodies.FirstOrDefault(b => b.Names?.GetValueOrDefault(language) is { Length: > 0 } name && words.EndsWith(Comparable(name), StringComparison.Ordinal))
            ?? bodies.FirstOrDefault(b => b.Symbol is { Length: > 0 } stem && heading.Any(h => h.Contains(stem, StringComparison.Ordinal)));
    }

    /// <summary>A name as compared: lower case, one kind of apostrophe, no emphasis marks, spaces collapsed.</summary>
    private static string Comparable(string text) =>
        Regex.Replace(text.Replace('’', '\'').Replace("*", "", StringComparison.Ordinal).Replace('\u00a0', ' '), @"\s+", " ").Trim().TrimEnd('.', ':', '：').ToLowerInvariant();

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
