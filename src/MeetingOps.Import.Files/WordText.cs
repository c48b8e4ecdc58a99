using System.IO.Compression;
using System.Text;
using MeetingOps.Domain;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace MeetingOps.Import.Files;

/// <summary>
/// The text of a Word document's body in reading order: each paragraph a line; each table row a line with its cells
/// joined by tabs (a cell merged across columns followed by one empty cell per extra column, as the text samples hold
/// the annex's header). Headers, footers and footnotes are page furniture and are left out.
/// </summary>
internal static class WordText
{
    public static AgendaFileText Extract(byte[] file)
    {
        // The archive is checked by inflating every part with a counter before the SDK sees it: a zip's declared
        // sizes can lie, the inflated bytes cannot.
        if (CheckArchive(file) is { } refused)
        {
            return refused;
        }
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = AgendaFiles.MaxInflatedBytes / 2 });
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return Damaged("The file is a zip archive but not a Word document: it has no main document part (word/document.xml).", ServerPhrases.FileWordNotWord.With());
            }
            var text = new StringBuilder();
            AppendBlocks(body, text);
            return AgendaFileText.Read(AgendaFileFormat.Word, text.ToString());
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or IOException)
        {
            return Damaged($"The Word document cannot be read: {e.Message}", ServerPhrases.FileWordUnreadable.With(("reason", e.Message)));
        }
        catch (InvalidOperationException e)
        {
            // The packaging layer reports parts it cannot resolve (a relationship to a missing part) this way.
            return Damaged($"The Word document is incomplete: {e.Message}", ServerPhrases.FileWordIncomplete.With(("reason", e.Message)));
        }
    }

    private static AgendaFileText Damaged(string message, ServerText text) => AgendaFileText.Refused(AgendaFileFormat.Word, AgendaFileProblemKind.Damaged, message, text);

    private static AgendaFileText? CheckArchive(byte[] file)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > AgendaFiles.MaxParts)
            {
                return AgendaFileText.Refused(AgendaFileFormat.Word, AgendaFileProblemKind.TooLarge, $"The .docx holds {archive.Entries.Count:N0} parts, more than the {AgendaFiles.MaxParts:N0} accepted.",
                    ServerPhrases.FileWordTooManyParts.With(("parts", archive.Entries.Count), ("limit", AgendaFiles.MaxParts)));
            }
            var buffer = new byte[64 * 1024];
            long inflated = 0;
            foreach (var entry in archive.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    inflated += read;
                    if (inflated > AgendaFiles.MaxInflatedBytes)
                    {
                        return AgendaFileText.Refused(AgendaFileFormat.Word, AgendaFileProblemKind.TooLarge,
                            $"The .docx inflates to more than {AgendaFiles.MaxInflatedBytes:N0} bytes (at part {entry.FullName}): not an agenda, or a zip bomb.",
                            ServerPhrases.FileWordInflates.With(("limit", AgendaFiles.MaxInflatedBytes), ("part", entry.FullName)));
                    }
                }
            }
            return archive.GetEntry("word/document.xml") is null
                ? Damaged("The file is a zip archive but not a Word document: it has no word/document.xml.", ServerPhrases.FileWordNotWord.With())
                : null;
        }
        catch (InvalidDataException e)
        {
            return Damaged($"The .docx is damaged or cut short (the zip archive cannot be read: {e.Message}).", ServerPhrases.FileWordDamaged.With(("reason", e.Message)));
        }
    }

    private static void AppendBlocks(OpenXmlElement container, StringBuilder text)
    {
        foreach (var child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    text.Append(ParagraphText(paragraph)).Append('\n');
                    break;
                case Table table:
                    AppendTable(table, text);
                    break;
                case SdtBlock { SdtContentBlock: { } content }:
                    AppendBlocks(content, text);
                    break;
                case CustomXmlBlock block:
                    AppendBlocks(block, text);
                    break;
            }
        }
    }

    private static void AppendTable(Table table, StringBuilder text)
    {
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<TableCell>())
            {
                // A cell's paragraphs are one cell of the row: joined by spaces, as the row is one line.
                var content = new StringBuilder();
                AppendBlocks(cell, content);
                cells.Add(string.Join(' ', content.ToString().Split(['\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                for (var extra = 1; extra < span && extra < 64; extra++)
                {
                    cells.Add("");
                }
            }
            text.Append(string.Join('\t', cells)).Append('\n');
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var line = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    line.Append(t.Text);
                    break;
                case TabChar:
                    line.Append('\t');
                    break;
                case Break or CarriageReturn:
                    line.Append('\n');
                    break;
                case NoBreakHyphen:
                    line.Append('-');
                    break;
            }
        }
        return line.ToString();
    }
}
