// SourceText: the reading pipeline, from document text to logical lines (split, clean, drop page furniture, segment, join).

namespace MeetingOps.Domain.Import;

/// <summary>
/// Turns the document text into logical lines: strips mark-up (HTML tags and entities, Markdown emphasis,
/// links and bullets), drops page furniture (job numbers such as "V.22-00869 (E)", page marks "2/7", running
/// symbol headers, barcodes), splits a page that arrived as one line at its headings and numbers, and joins
/// lines that a PDF broke in the middle of a title or a sentence. Every step is a single pass over the text.
/// </summary>
internal static partial class SourceText
{
    /// <summary>A line this long is more likely a page flattened into one line than a paragraph.</summary>
    public const int LongLine = 400;

    public static List<SourceLine> Read(string text, WorkMeter meter, ImportLog log, out string? documentSymbol)
    {
        var physical = Split(text, meter);
        documentSymbol = FindDocumentSymbol(physical);
        var wrapWidth = WrapWidth(physical);
        var kept = RemovePageFurniture(physical, documentSymbol, wrapWidth, meter, log);
        var segmented = Segment(kept, meter);
        return Join(segmented, wrapWidth, meter);
    }

    private static List<SourceLine> Split(string text, WorkMeter meter)
    {
        var lines = new List<SourceLine>();
        var start = 0;
        var number = 1;
        for (var i = 0; i <= text.Length; i++)
        {
            var end = i == text.Length;
            var c = end ? '\n' : text[i];
            if (c is '\n' or '\r' or '\f' or '\u2028' or '\u2029' or '\u0085' or '\v')
            {
                var raw = Clean(text.AsSpan(start, i - start));
                lines.Add(new SourceLine(number, raw, Collapse(raw)) { Indent = IndentOf(text.AsSpan(start, i - start)) });
                meter.Charge(i - start + 1);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                number++;
                start = i + 1;
            }
        }
        return lines;
    }

    private static int IndentOf(ReadOnlySpan<char> line)
    {
        var indent = 0;
        foreach (var c in line)
        {
            if (c is ' ' or '\u00A0')
            {
                indent++;
            }
            else if (c == '\t')
            {
                indent += 4;
            }
            else
            {
                break;
            }
        }
        return indent;
    }
}
