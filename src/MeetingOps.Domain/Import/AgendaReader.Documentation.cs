// AgendaReader, documentation: the documents listed under an item's annotation, by symbol and title.

using System.Text;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

internal sealed partial class AgendaReader
{
    private void ReadDocumentLine(ItemDraft? item, string text, int line, StringBuilder pending, ref int pendingLine, List<Heading> headings)
    {
        var found = DocumentSymbols.Find(text);
        if (found.Count == 0)
        {
            if (pending.Length == 0)
            {
                pendingLine = line;
            }
            if (pending.Length < 2000)
            {
                pending.Append(' ').Append(text);
            }
            return;
        }
        if (item is null)
        {
            _log.Warn(line, "Documentation before any item heading; left out.", ServerPhrases.ImportDocumentationFirst.With());
            pending.Clear();
            return;
        }
        var full = pending.Length > 0 ? pending.ToString().Trim() + " " + text : text;
        var offset = pending.Length > 0 ? full.Length - text.Length : 0;
        pending.Clear();
        var before = full[..(found[0].Start + offset)];
        var symbolFirst = CleanDocumentTitle(before).Length == 0;
        string? previousTitle = null;
        for (var g = 0; g < found.Count; g++)
        {
            var group = found[g];
            var start = group.Start + offset;
            var finish = group.End + offset;
            string title;
            if (symbolFirst)
            {
                var nextStart = g + 1 < found.Count ? found[g + 1].Start + offset : full.Length;
                title = CleanDocumentTitle(full[finish..nextStart]);
            }
            else
            {
                var previousEnd = g == 0 ? 0 : found[g - 1].End + offset;
                title = CleanDocumentTitle(full[previousEnd..start]);
            }
            if (title.Length == 0 || title is "and" or "or" or "," || title.Length <= 4 && !title.Any(char.IsLetter))
            {
                title = previousTitle ?? "";
            }
            previousTitle = title;
            AddDocument(item, new DocumentReference(group.Symbols.ToList(), title.Length == 0 ? null : TextTools.Cut(title, 2000)));
        }
        if (headings.Count > 0)
        {
            headings[^1].ContentAfter = true;
        }
    }

    private static void AddDocument(ItemDraft item, DocumentReference document)
    {
        if (item.Documents.Count >= 200)
        {
            return;
        }
        foreach (var existing in item.Documents)
        {
            if (existing.Symbols.SequenceEqual(document.Symbols, StringComparer.Ordinal))
            {
                return;
            }
        }
        item.Documents.Add(document);
    }

    private static string CleanDocumentTitle(string text)
    {
        var t = text.Trim();
        for (var guard = 0; guard < 6; guard++)
        {
            var before = t;
            t = t.Trim().TrimStart(')', ']', '.', ';', ',', ':', '–', '-', '—').TrimEnd('(', '[', ',', ';', ':', '–', '-', '—').Trim();
            if (t.EndsWith(" and", StringComparison.Ordinal))
            {
                t = t[..^4];
            }
            if (t == before)
            {
                break;
            }
        }
        if (t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal))
        {
            t = t[..^1].TrimEnd();
        }
        return t;
    }
}
