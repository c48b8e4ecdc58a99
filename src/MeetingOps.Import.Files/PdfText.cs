using System.IO.Compression;
using System.Text;
using MeetingOps.Domain;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace MeetingOps.Import.Files;

/// <summary>
/// The text of a PDF in reading order: pages in order, on each page the words grouped into lines by baseline from the
/// top down, a blank line where the gap between two lines is wider than a line and a half. Where a line has a wide gap (more than a font size) between words, it is a table row: each piece is a
/// cell, placed in the column whose left edge it starts at (the columns found from every row of the page), and the
/// cells are joined by tabs with empty ones kept, as the text samples hold the annex. One column of text per page; a
/// cell whose text wraps onto a second line becomes a second row (see the README for the layouts known to work).
/// </summary>
internal static class PdfText
{
    public static AgendaFileText Extract(byte[] file)
    {
        if (CheckStreams(file) is { } refused)
        {
            return refused;
        }
        try
        {
            using var document = PdfDocument.Open(file, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            if (document.NumberOfPages > AgendaFiles.MaxPages)
            {
                return AgendaFileText.Refused(AgendaFileFormat.Pdf, AgendaFileProblemKind.TooLarge, $"The PDF has {document.NumberOfPages:N0} pages, more than the {AgendaFiles.MaxPages:N0} read.",
                    ServerPhrases.FilePdfTooManyPages.With(("pages", document.NumberOfPages), ("limit", AgendaFiles.MaxPages)));
            }
            var text = new StringBuilder();
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                AppendPage(document.GetPage(number), text);
                if (text.Length > AgendaFiles.MaxTextCharacters)
                {
                    break; // AgendaFiles.Extract refuses it by its length; no need to read further.
                }
            }
            return AgendaFileText.Read(AgendaFileFormat.Pdf, text.ToString());
        }
        catch (PdfDocumentEncryptedException)
        {
            return AgendaFileText.Refused(AgendaFileFormat.Pdf, AgendaFileProblemKind.Encrypted,
                "The PDF is encrypted (password protected): save it without protection, or send the .docx.", ServerPhrases.FilePdfEncrypted.With());
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
                                      or InvalidDataException or FormatException or OverflowException or NullReferenceException or KeyNotFoundException)
        {
            // A damaged PDF surfaces from PdfPig's parser as any of these, depending on where the damage is;
            // each means the same thing to the officer: this file cannot be read.
            return AgendaFileText.Refused(AgendaFileFormat.Pdf, AgendaFileProblemKind.Damaged, $"The PDF is damaged or cut short and cannot be read: {e.Message}",
                ServerPhrases.FilePdfDamaged.With(("reason", e.Message)));
        }
    }

    /// <summary>
    /// Inflates every Flate stream that is not an image with a counter, before PdfPig decodes any: a small PDF can
    /// hold a content stream that inflates to gigabytes. Images are skipped because text extraction never decodes them.
    /// </summary>
    private static AgendaFileText? CheckStreams(byte[] file)
    {
        var span = file.AsSpan();
        long inflated = 0;
        var buffer = new byte[64 * 1024];
        var at = 0;
        while (true)
        {
            var found = span[at..].IndexOf("stream"u8);
            if (found < 0)
            {
                return null;
            }
            var keyword = at + found;
            at = keyword + 6;
            if (keyword >= 3 && span.Slice(keyword - 3, 3).SequenceEqual("end"u8))
            {
                continue;
            }
            var start = at;
            if (start < span.Length && span[start] == '\r') start++;
            if (start < span.Length && span[start] == '\n') start++;
            var end = span[start..].IndexOf("endstream"u8);
            if (end < 0)
            {
                return null; // A stream without its end: PdfPig says the file is damaged.
            }
            var dictionary = span[Math.Max(0, keyword - 512)..keyword];
            var objectStart = dictionary.LastIndexOf(" obj"u8);
            dictionary = objectStart >= 0 ? dictionary[objectStart..] : dictionary;
            if (dictionary.IndexOf("/FlateDecode"u8) < 0 || dictionary.IndexOf("/Image"u8) >= 0)
            {
                at = start + end;
                continue;
            }
            try
            {
                using var zlib = new ZLibStream(new MemoryStream(file, start, end, writable: false), CompressionMode.Decompress);
                int read;
                while ((read = zlib.Read(buffer)) > 0)
                {
                    inflated += read;
                    if (inflated > AgendaFiles.MaxInflatedBytes)
                    {
                        return AgendaFileText.Refused(AgendaFileFormat.Pdf, AgendaFileProblemKind.TooLarge,
                            $"The PDF's streams inflate to more than {AgendaFiles.MaxInflatedBytes:N0} bytes (at byte {start:N0}): not an agenda, or a decompression bomb.",
                            ServerPhrases.FilePdfInflates.With(("limit", AgendaFiles.MaxInflatedBytes), ("offset", start)));
                    }
                }
            }
            catch (InvalidDataException)
            {
                // Damaged compressed data: PdfPig decides whether the page can still be read without it.
            }
            at = start + end;
        }
    }

    private sealed record Line(double Baseline, double Size, List<Word> Words);

    private sealed record Piece(double Left, string Text);

    private static void AppendPage(Page page, StringBuilder text)
    {
        var lines = new List<Line>();
        foreach (var word in page.GetWords().OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            if (string.IsNullOrWhiteSpace(word.Text))
            {
                continue;
            }
            var size = word.Letters.Count > 0 ? word.Letters.Max(l => l.PointSize) : word.BoundingBox.Height;
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line.Baseline - word.BoundingBox.Bottom) <= Math.Max(line.Size, size) * 0.3)
            {
                line.Words.Add(word);
            }
            else
            {
                lines.Add(new Line(word.BoundingBox.Bottom, size, [word]));
            }
        }
        var rows = lines.Select(Pieces).ToList();
        // The columns of the page's tables: the left edges of pieces that follow a wide gap, within a tolerance.
        var margin = rows.Count > 0 ? rows.Min(r => r[0].Left) : 0;
        var columns = new List<double> { margin };
        foreach (var piece in rows.Where(r => r.Count > 1).SelectMany(r => r.Skip(1)).OrderBy(p => p.Left))
        {
            if (piece.Left - columns[^1] > 4)
            {
                columns.Add(piece.Left);
            }
        }
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            // A gap of more than a line and a half between baselines is a paragraph break: a blank line, as in the text.
            if (index > 0 && lines[index - 1].Baseline - lines[index].Baseline > 1.6 * Math.Max(lines[index].Size, lines[index - 1].Size))
            {
                text.Append('\n');
            }
            if (row.Count == 1)
            {
                text.Append(row[0].Text).Append('\n');
                continue;
            }
            var column = 0;
            var line = new StringBuilder();
            foreach (var piece in row)
            {
                var at = columns.FindLastIndex(c => c <= piece.Left + 4);
                for (; column < at; column++)
                {
                    line.Append('\t');
                }
                line.Append(line.Length > 0 && line[^1] != '\t' ? " " : "").Append(piece.Text);
            }
            text.Append(line).Append('\n');
        }
    }

    /// <summary>A line's words in order, split into pieces wherever the gap between two words is wider than the font size.</summary>
    private static List<Piece> Pieces(Line line)
    {
        var pieces = new List<Piece>();
        StringBuilder? current = null;
        double left = 0, right = 0;
        foreach (var word in line.Words.OrderBy(w => w.BoundingBox.Left))
        {
            if (current is not null && word.BoundingBox.Left - right <= line.Size)
            {
                current.Append(' ').Append(word.Text);
            }
            else
            {
                if (current is not null)
                {
                    pieces.Add(new Piece(left, current.ToString()));
                }
                current = new StringBuilder(word.Text);
                left = word.BoundingBox.Left;
            }
            right = word.BoundingBox.Right;
        }
        if (current is not null)
        {
            pieces.Add(new Piece(left, current.ToString()));
        }
        return pieces;
    }
}
