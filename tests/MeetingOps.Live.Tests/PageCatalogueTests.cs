using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Live.Tests;

/// <summary>
/// The pages' words: every key a page uses is in the catalogue of each of the six languages, the catalogues agree on
/// their keys and placeholders, and no English sentence is left in the scripts or the HTML outside the catalogues
/// (the files are read and scanned, string literal by string literal and text node by text node).
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class PageCatalogueTests
{
    private static readonly string WebRoot = Path.Combine(RepoFiles.Root, "src", "MeetingOps.Server", "wwwroot");
    private static readonly string[] Languages = ["ar", "zh", "en", "fr", "ru", "es"];

    // Plural forms each language needs (Unicode CLDR, as Intl.PluralRules selects them for whole numbers).
    private static readonly Dictionary<string, string[]> PluralForms = new()
    {
        ["en"] = ["one", "other"], ["fr"] = ["one", "other"], ["es"] = ["one", "other"],
        ["ru"] = ["one", "few", "many"], ["ar"] = ["zero", "one", "two", "few", "many", "other"], ["zh"] = ["other"],
    };

    private const string KeyNamespaces = "common|connection|status|form|format|title|item|time|follow|display|home|programme|chair|floor|officers|announce|secretariat|server";

    private static Dictionary<string, JsonElement> Catalogue(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(Path.Combine(WebRoot, "i18n", language + ".json")))!;

    private static IEnumerable<string> Scripts() =>
        Directory.EnumerateFiles(Path.Combine(WebRoot, "js"), "*.js").Order(StringComparer.Ordinal);

    private static IEnumerable<string> Html() =>
        Directory.EnumerateFiles(WebRoot, "*.html").Order(StringComparer.Ordinal);

    private static IEnumerable<string> PageFiles() => Scripts().Concat(Html());

    [GeneratedRegex(@"['""]((?:" + KeyNamespaces + @")\.[A-Za-z0-9.]+)['""]")]
    private static partial Regex QuotedKey();

    [GeneratedRegex(@"`((?:" + KeyNamespaces + @")\.[A-Za-z.]*)\$\{")]
    private static partial Regex KeyPrefix();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Every_key_the_pages_use_is_in_every_catalogue()
    {
        var catalogues = Languages.ToDictionary(l => l, Catalogue);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in PageFiles())
        {
            var text = File.ReadAllText(file);
            used.UnionWith(QuotedKey().Matches(text).Select(m => m.Groups[1].Value));
            prefixes.UnionWith(KeyPrefix().Matches(text).Select(m => m.Groups[1].Value));
        }
        Assert.True(used.Count > 250, $"only {used.Count} keys found in the pages: is the scan still reading them?");
        var missing = Languages.SelectMany(l => used.Where(k => !catalogues[l].ContainsKey(k)).Select(k => $"{l}: {k}")).ToList();
        Assert.True(missing.Count == 0, "keys missing:\n" + string.Join("\n", missing));
        // A key built at run time (`status.item.${status}`) must have at least one entry under its prefix.
        Assert.All(prefixes, p => Assert.Contains(catalogues["en"].Keys, k => k.StartsWith(p, StringComparison.Ordinal)));
        // And no catalogue entry is left that no page uses.
        var unused = catalogues["en"].Keys.Where(k => !used.Contains(k) && !prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList();
        Assert.True(unused.Count == 0, "keys no page uses:\n" + string.Join("\n", unused));
    }

    [Fact]
    public void The_six_catalogues_have_the_same_keys_plural_forms_and_placeholders()
    {
        var english = Catalogue("en");
        foreach (var language in Languages)
        {
            var catalogue = Catalogue(language);
            Assert.Equal(english.Keys.Order(StringComparer.Ordinal), catalogue.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, value) in catalogue)
            {
                var englishNames = Names(english[key]);
                if (value.ValueKind == JsonValueKind.Object)
                {
                    var forms = value.EnumerateObject().Select(p => p.Name).ToList();
                    Assert.True(forms.Contains("other") || language == "ru", $"{language} {key}: no 'other' form");
                    Assert.True(PluralForms[language].All(forms.Contains), $"{language} {key}: needs the forms {string.Join(", ", PluralForms[language])}");
                }
                else
                {
                    Assert.Equal(JsonValueKind.String, value.ValueKind);
                }
                var texts = value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().Select(p => p.Value.GetString()!).ToList() : [value.GetString()!];
                Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t), $"{language} {key} is blank"));
                // A translation names only what the English fills in (Arabic may spell "one" and "two" out, without {count}).
                var names = texts.SelectMany(t => Placeholder().Matches(t).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
                Assert.True(names.IsSubsetOf(englishNames), $"{language} {key}: placeholders {string.Join(", ", names)} not all in the English {string.Join(", ", englishNames)}");
                Assert.True(englishNames.Where(n => n != "count").All(names.Contains), $"{language} {key} leaves out one of {string.Join(", ", englishNames)}");
            }
        }
    }

    private static HashSet<string> Names(JsonElement value) =>
        (value.ValueKind == JsonValueKind.Object ? value.EnumerateObject().Select(p => p.Value.GetString()!) : [value.GetString()!])
        .SelectMany(t => Placeholder().Matches(t).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    // Two words in a row: an English phrase or sentence (a single word is more often code: 'Follow', 'Undo' are hub methods).
    [GeneratedRegex(@"[A-Za-z]{2,} [A-Za-z]{2,}")]
    private static partial Regex Words();

    /// <summary>Literals that are words on purpose: each with why.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        // chair.js cuts the server's own (English) problem detail at this phrase; it is never shown.
        [" To start"] = "parses the server's offDay message",
    };

    [Fact]
    public void No_English_sentence_is_left_in_the_scripts()
    {
        var found = new List<string>();
        foreach (var file in Scripts())
        {
            foreach (var (line, context, literal) in StringLiterals(File.ReadAllText(file)))
            {
                if (!Words().IsMatch(literal) || Allowed.ContainsKey(literal))
                {
                    continue;
                }
                // A list of CSS classes ('button button-primary') is code, not words.
                if (context.Contains("class", StringComparison.Ordinal) && literal.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => Regex.IsMatch(w, "^[a-z][a-z0-9-]*$")))
                {
                    continue;
                }
                found.Add($"{Path.GetFileName(file)}:{line}: \"{literal}\"");
            }
        }
        Assert.True(found.Count == 0, "English left outside the catalogues:\n" + string.Join("\n", found));
    }

    [Fact]
    public void No_English_is_left_in_the_HTML()
    {
        var found = new List<string>();
        foreach (var file in Html())
        {
            var html = File.ReadAllText(file);
            foreach (Match m in Regex.Matches(html, @">([^<>]*\p{L}[^<>]*)<"))
            {
                var text = m.Groups[1].Value.Trim();
                // The product's name and the keys of the keyboard shortcuts are the same in every language.
                if (text == "MeetingOps" || Regex.IsMatch(text, "^[A-Z]$"))
                {
                    continue;
                }
                found.Add($"{Path.GetFileName(file)}: text \"{text}\"");
            }
            foreach (Match m in Regex.Matches(html, @"\s(title|aria-label|placeholder|alt)=""([^""]*)"""))
            {
                found.Add($"{Path.GetFileName(file)}: {m.Groups[1].Value}=\"{m.Groups[2].Value}\" (use data-i18n-{m.Groups[1].Value})");
            }
        }
        Assert.True(found.Count == 0, "English left in the HTML:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scanner_finds_an_English_sentence_when_there_is_one()
    {
        var literals = StringLiterals("const a = 'Take up';\nh('p', { class: 'lead muted' }, `Next: ${x.y({ a: 'b' })} now`); // 'A comment, not code'\n");
        Assert.Equal(["Next:   now", "Take up", "b", "lead muted", "p"], literals.Select(l => l.Literal).Order(StringComparer.Ordinal));
        Assert.Matches(Words(), "Next:   now now");
    }

    /// <summary>
    /// The string literals of a script with their line and the text before them on that line: quoted strings, and
    /// template literals with their fixed parts joined (each ${…} read as code, nested templates included). Comments
    /// are skipped.
    /// </summary>
    private static List<(int Line, string Context, string Literal)> StringLiterals(string source)
    {
        var result = new List<(int, string, string)>();
        var line = 1;
        var i = 0;
        var braces = 0;
        // Templates interrupted by ${…}: their text so far, where they began, and the brace depth that ends the ${…}.
        var open = new Stack<(StringBuilder Text, int At, int Depth)>();
        string Context(int at) => source[(source.LastIndexOf('\n', Math.Max(0, at - 1)) + 1)..at];

        // Reads a template's text from i until its closing backtick (adds it) or a ${ (pushes it and returns to code).
        void Template(StringBuilder text, int at)
        {
            while (i < source.Length)
            {
                var c = source[i];
                if (c == '\\') { text.Append(source[i + 1]); i += 2; continue; }
                if (c == '\n') line++;
                if (c == '`') { i++; result.Add((line, Context(at), text.ToString())); return; }
                if (c == '$' && i + 1 < source.Length && source[i + 1] == '{')
                {
                    i += 2;
                    text.Append(' ');
                    open.Push((text, at, braces));
                    braces++;
                    return;
                }
                text.Append(c);
                i++;
            }
        }

        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\n') { line++; i++; continue; }
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '/') { while (i < source.Length && source[i] != '\n') i++; continue; }
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                line += source[i..(end + 2)].Count(ch => ch == '\n');
                i = end + 2;
                continue;
            }
            if (c is '\'' or '"')
            {
                var at = i;
                var text = new StringBuilder();
                i++;
                while (i < source.Length && source[i] != c)
                {
                    if (source[i] == '\\') { text.Append(source[i + 1]); i += 2; continue; }
                    text.Append(source[i]);
                    i++;
                }
                i++;
                result.Add((line, Context(at), text.ToString()));
                continue;
            }
            if (c == '`') { var at = i; i++; Template(new StringBuilder(), at); continue; }
            if (c == '{') { braces++; i++; continue; }
            if (c == '}')
            {
                braces--;
                i++;
                if (open.Count > 0 && open.Peek().Depth == braces)
                {
                    var (text, at, _) = open.Pop();
                    Template(text, at);
                }
                continue;
            }
            i++;
        }
        return result;
    }
}
