using System.Globalization;
using System.Text;

namespace MeetingOps.Import.Tests;

/// <summary>
/// The corpus of real agenda documents (tests/MeetingOps.Import.Tests/Corpus): each <c>name.txt</c> as published,
/// its source on the first line, and beside it <c>name.expected.txt</c>, the items written by reading the document.
/// </summary>
public static class Corpus
{
    public sealed record Expected(string Number, string Title);

    public sealed record Document(string Name, string Organization, string Text, IReadOnlyList<Expected> Items);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IReadOnlyList<Document> All()
    {
        var documents = new List<Document>();
        foreach (var path in System.IO.Directory.GetFiles(Directory, "*.expected.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path)[..^".expected.txt".Length];
            var organization = "";
            var items = new List<Expected>();
            foreach (var line in File.ReadAllLines(path))
            {
                if (line.StartsWith('#') || line.Length == 0)
                {
                    continue;
                }
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab > 0)
                {
                    items.Add(new Expected(line[..tab], line[(tab + 1)..]));
                }
                else if (line.StartsWith("organization:", StringComparison.Ordinal))
                {
                    organization = line["organization:".Length..].Trim();
                }
            }
            documents.Add(new Document(name, organization, File.ReadAllText(Path.Combine(Directory, name + ".txt")), items));
        }
        return documents;
    }

    /// <summary>"2 (e) (i)", "2(e)(i)" and "2.e.i." all become "2.e.i"; "3.1." becomes "3.1".</summary>
    public static string NumberKey(string number)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var c in number.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }
        return string.Join('.', parts);
    }

    /// <summary>Case, quotes, dashes, spacing and the closing punctuation of a title do not count.</summary>
    public static string TitleKey(string title)
    {
        var s = new StringBuilder();
        var space = false;
        foreach (var raw in title.Normalize(NormalizationForm.FormC))
        {
            var c = raw switch
            {
                '\u2018' or '\u2019' or '\u201B' or '`' => '\'',
                '\u201C' or '\u201D' or '\u201E' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' => ' ',
                _ => char.ToLower(raw, CultureInfo.InvariantCulture),
            };
            if (char.IsWhiteSpace(c))
            {
                space = s.Length > 0;
                continue;
            }
            if (space)
            {
                s.Append(' ');
                space = false;
            }
            s.Append(c);
        }
        var text = s.ToString();
        return text.TrimEnd('.', ';', ':', ',', ' ');
    }

    /// <summary>Every (number, title) the definition holds, on any body's agenda.</summary>
    public static HashSet<(string Number, string Title)> Found(MeetingDefinition? definition)
    {
        var found = new HashSet<(string, string)>();
        void Walk(IEnumerable<ItemDefinition>? items)
        {
            foreach (var item in items ?? [])
            {
                foreach (var number in item.Numbers.Values)
                {
                    found.Add((NumberKey(number), TitleKey(item.Title)));
                }
                Walk(item.SubItems);
            }
        }
        Walk(definition?.Items);
        return found;
    }
}
