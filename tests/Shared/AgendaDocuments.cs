using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfPageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace MeetingOps.Tests.Shared;

/// <summary>
/// An agenda text (a sample) written as the files it is issued as: a Word document made with the Open XML SDK, its
/// annex as a real table with merged header and date cells; and a PDF made with PdfPig's document builder, body text
/// wrapped on A4 pages and the annex on a landscape page, one row a line. The samples' emphasis markup
/// (<c>**bold**</c>, <c>*italic*</c>, <c>&lt;i&gt;italic&lt;/i&gt;</c>) becomes bold and italic runs and fonts.
/// Shared by the extraction tests, the server tests and the benchmarks, so all of them read the same files.
/// </summary>
public static class AgendaDocuments
{
    private sealed record Span(string Text, bool Bold, bool Italic);

    /// <summary>The lines of <paramref name="text"/>, each as runs of plain, bold and italic text; emphasis may run across lines.</summary>
    private static List<(List<Span> Spans, bool Indented)> Lines(string text)
    {
        var lines = new List<(List<Span>, bool)>();
        bool bold = false, italic = false;
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var indented = raw.StartsWith(" - ", StringComparison.Ordinal);
            var line = indented ? raw[3..] : raw;
            var spans = new List<Span>();
            var current = new StringBuilder();
            void Flush()
            {
                if (current.Length > 0)
                {
                    spans.Add(new Span(current.ToString(), bold, italic));
                    current.Clear();
                }
            }
            for (var i = 0; i < line.Length; i++)
            {
                if (line.AsSpan(i).StartsWith("**"))
                {
                    Flush();
                    bold = !bold;
                    i++;
                }
                else if (line.AsSpan(i).StartsWith("<i>") || line.AsSpan(i).StartsWith("</i>"))
                {
                    Flush();
                    italic = line[i + 1] == 'i';
                    i += italic ? 2 : 3;
                }
                else if (line[i] == '*')
                {
                    Flush();
                    italic = !italic;
                }
                else
                {
                    current.Append(line[i]);
                }
            }
            Flush();
            lines.Add((spans, indented));
        }
        return lines;
    }

    private static string Plain(List<Span> spans) => string.Concat(spans.Select(s => s.Text));

    /// <summary>The text as a .docx: a paragraph per line, consecutive lines with tabs as a table (one row each).</summary>
    public static byte[] Word(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            Table? table = null;
            foreach (var (spans, indented) in Lines(text))
            {
                if (Plain(spans).Contains('\t', StringComparison.Ordinal))
                {
                    var first = table is null;
                    table ??= body.AppendChild(new Table(new TableProperties(new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 2 }))));
                    table.AppendChild(Row(spans, first));
                    continue;
                }
                table = null;
                var paragraph = new Paragraph();
                if (indented)
                {
                    paragraph.AppendChild(new ParagraphProperties(new Indentation { Left = "720" }));
                }
                foreach (var span in spans)
                {
                    var run = new Run();
                    if (span.Bold || span.Italic)
                    {
                        run.AppendChild(new RunProperties { Bold = span.Bold ? new Bold() : null, Italic = span.Italic ? new Italic() : null });
                    }
                    run.AppendChild(new Text(span.Text) { Space = SpaceProcessingModeValues.Preserve });
                    paragraph.AppendChild(run);
                }
                body.AppendChild(paragraph);
            }
            body.AppendChild(new SectionProperties(new PageSize { Width = 16838, Height = 11906, Orient = PageOrientationValues.Landscape }));
        }
        return stream.ToArray();
    }

    /// <summary>
    /// A table row from a line's cells. In a header row (the first of a table) a cell followed by an empty one spans
    /// both, as the annex's body names span their "Agenda item" and "Title" columns; a row with only its first cell
    /// filled (a day) spans the whole table.
    /// </summary>
    private static TableRow Row(List<Span> spans, bool header)
    {
        // Split the runs at the tabs, keeping each cell's emphasis.
        var cells = new List<List<Span>> { new() };
        foreach (var span in spans)
        {
            var parts = span.Text.Split('\t');
            for (var p = 0; p < parts.Length; p++)
            {
                if (p > 0)
                {
                    cells.Add([]);
                }
                if (parts[p].Length > 0)
                {
                    cells[^1].Add(span with { Text = parts[p] });
                }
            }
        }
        var row = new TableRow();
        var onlyFirst = cells.Skip(1).All(c => c.Count == 0);
        for (var i = 0; i < cells.Count; i++)
        {
            var span = 1;
            if (onlyFirst && i == 0)
            {
                span = cells.Count;
            }
            else if (header && cells[i].Count > 0 && i + 1 < cells.Count && cells[i + 1].Count == 0)
            {
                span = 2;
            }
            var paragraph = new Paragraph(cells[i].Select(s => new Run(
                new RunProperties { Bold = s.Bold ? new Bold() : null, Italic = s.Italic ? new Italic() : null },
                new Text(s.Text) { Space = SpaceProcessingModeValues.Preserve })));
            var cell = new TableCell(paragraph);
            if (span > 1)
            {
                cell.PrependChild(new TableCellProperties(new GridSpan { Val = span }));
            }
            row.AppendChild(cell);
            i += span - 1;
        }
        return row;
    }

    /// <summary>
    /// The text as a PDF: body lines wrapped at about 90 characters on portrait A4 pages (10 pt, a blank line as a
    /// wider gap); lines with tabs on landscape A3 pages at 6 pt, each cell at its column's left edge, one row a line.
    /// </summary>
    public static byte[] Pdf(string text)
    {
        var builder = new PdfDocumentBuilder();
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var boldFont = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var italicFont = builder.AddStandard14Font(Standard14Font.HelveticaOblique);
        PdfDocumentBuilder.AddedFont FontOf(Span s) => s.Bold ? boldFont : s.Italic ? italicFont : regular;
        PdfPageBuilder? page = null;
        var inTable = false;
        double y = 0;
        const double Top = 780, Bottom = 60;
        double[] columns = [30, 100, 130, 590, 620];
        foreach (var (spans, indented) in Lines(text))
        {
            var plain = Plain(spans);
            var isRow = plain.Contains('\t', StringComparison.Ordinal);
            if (page is null || isRow != inTable || y < Bottom)
            {
                page = isRow ? builder.AddPage(PdfPageSize.A3, isPortrait: false) : builder.AddPage(PdfPageSize.A4);
                inTable = isRow;
                y = isRow ? 800 : Top;
            }
            if (isRow)
            {
                var cells = plain.Split('\t');
                for (var c = 0; c < cells.Length && c < columns.Length; c++)
                {
                    if (cells[c].Length > 0)
                    {
                        page.AddText(cells[c], 6, new PdfPoint(columns[c], y), regular);
                    }
                }
                y -= 9;
                continue;
            }
            if (plain.Trim().Length == 0)
            {
                y -= 12;
                continue;
            }
            // Wrap word by word, keeping each word's font.
            var x = indented ? 108.0 : 72.0;
            var words = spans.SelectMany(s => s.Text.Split(' ').Select((w, i) => (Word: w, Span: s, Joined: i == 0))).ToList();
            var used = 0;
            for (var w = 0; w < words.Count; w++)
            {
                var (word, span, joined) = words[w];
                if (used > 0 && used + word.Length > 90 && !joined)
                {
                    y -= 12;
                    if (y < Bottom)
                    {
                        page = builder.AddPage(PdfPageSize.A4);
                        y = Top;
                    }
                    x = indented ? 108.0 : 72.0;
                    used = 0;
                }
                var lead = used > 0 && !joined ? " " : "";
                var piece = lead + word;
                if (piece.Length > 0)
                {
                    var letters = page.AddText(piece, 10, new PdfPoint(x, y), FontOf(span));
                    x = letters.Count > 0 ? letters.Max(l => l.EndBaseLine.X) : x;
                }
                used += piece.Length;
            }
            y -= 12;
        }
        return builder.Build();
    }
}
