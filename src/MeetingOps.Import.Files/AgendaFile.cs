using System.Text;
using MeetingOps.Domain;

namespace MeetingOps.Import.Files;

/// <summary>What an agenda document was sent as.</summary>
public enum AgendaFileFormat
{
    /// <summary>Plain UTF-8 text, read by the importer as it is.</summary>
    Text,
    /// <summary>A Word document (.docx, Office Open XML).</summary>
    Word,
    /// <summary>A PDF with a text layer.</summary>
    Pdf,
}

/// <summary>Why a file gave no text; each kind is a different thing for the officer to do about it.</summary>
public enum AgendaFileProblemKind
{
    /// <summary>The file is cut short or is not the format it claims (a truncated .docx, garbage after <c>%PDF</c>).</summary>
    Damaged,
    /// <summary>The file expands past the limits (a zip bomb, thousands of parts, a PDF of thousands of pages).</summary>
    TooLarge,
    /// <summary>The PDF is encrypted (password protected); the text cannot be read without the password.</summary>
    Encrypted,
    /// <summary>The file opens but holds no text (a scanned PDF without a text layer, an empty document).</summary>
    NoText,
}

/// <summary>A file that gave no text: what was wrong, in words an officer can act on, and the same as a phrase for a page in another language.</summary>
public sealed record AgendaFileProblem(AgendaFileProblemKind Kind, string Message, ServerText? Text = null);

/// <summary>The text of an agenda file, or why there is none.</summary>
public sealed record AgendaFileText(AgendaFileFormat Format, string? Text, AgendaFileProblem? Problem)
{
    public static AgendaFileText Read(AgendaFileFormat format, string text) => new(format, text, null);

    public static AgendaFileText Refused(AgendaFileFormat format, AgendaFileProblemKind kind, string message, ServerText text) => new(format, null, new AgendaFileProblem(kind, message, text));
}

/// <summary>
/// Turns an agenda document as issued into the text the importer reads: paragraphs as lines in reading order, and
/// table rows (the annex's organization of work) as one line each with the cells joined by tabs, as the text samples
/// hold them. Every limit below is on what the file expands to, not on what it declares, so a hostile file costs
/// bounded memory and time.
/// </summary>
public static class AgendaFiles
{
    /// <summary>The largest file accepted: agendas as issued are well under 1 MB; this leaves room for embedded fonts and images.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    /// <summary>The most a .docx may inflate to, all parts together, counted while inflating.</summary>
    public const long MaxInflatedBytes = 64L * 1024 * 1024;

    /// <summary>The most parts a .docx may hold; a real one has a few dozen.</summary>
    public const int MaxParts = 1000;

    /// <summary>The most pages of a PDF read; an annotated agenda has a dozen or two.</summary>
    public const int MaxPages = 500;

    /// <summary>The most characters of text a file may give, the importer's own cap on its input.</summary>
    public const int MaxTextCharacters = 2 * 1024 * 1024;

    public const string WordMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string PdfMediaType = "application/pdf";

    /// <summary>
    /// The format of a file, from its first bytes: a zip archive (<c>PK\x03\x04</c>) is taken for a .docx, <c>%PDF-</c>
    /// within the first kilobyte (where readers look for it) for a PDF; anything else is text. The magic bytes decide,
    /// not the name or content type a browser guessed.
    /// </summary>
    public static AgendaFileFormat Detect(ReadOnlySpan<byte> file)
    {
        if (file.StartsWith("PK\x03\x04"u8))
        {
            return AgendaFileFormat.Word;
        }
        var head = file[..Math.Min(file.Length, 1024)];
        return head.IndexOf("%PDF-"u8) >= 0 ? AgendaFileFormat.Pdf : AgendaFileFormat.Text;
    }

    /// <summary>The format a content type names, or null for one that names none of them (octet-stream, none).</summary>
    public static AgendaFileFormat? FormatOf(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim();
        return media switch
        {
            null or "" => null,
            _ when media.Equals(WordMediaType, StringComparison.OrdinalIgnoreCase) => AgendaFileFormat.Word,
            _ when media.Equals(PdfMediaType, StringComparison.OrdinalIgnoreCase) => AgendaFileFormat.Pdf,
            _ when media.StartsWith("text/", StringComparison.OrdinalIgnoreCase) => AgendaFileFormat.Text,
            _ => null,
        };
    }

    /// <summary>The text of a .docx or PDF file (<paramref name="format"/> from <see cref="Detect"/>), or what was wrong with it.</summary>
    public static AgendaFileText Extract(byte[] file, AgendaFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > MaxFileBytes)
        {
            return AgendaFileText.Refused(format, AgendaFileProblemKind.TooLarge, $"The file is {file.Length:N0} bytes, more than the {MaxFileBytes:N0} accepted.",
                ServerPhrases.FileTooLarge.With(("size", file.Length), ("limit", MaxFileBytes)));
        }
        var result = format switch
        {
            AgendaFileFormat.Word => WordText.Extract(file),
            AgendaFileFormat.Pdf => PdfText.Extract(file),
            _ => AgendaFileText.Read(AgendaFileFormat.Text, Encoding.UTF8.GetString(file)),
        };
        if (result.Text is { } text)
        {
            if (text.Length > MaxTextCharacters)
            {
                return AgendaFileText.Refused(format, AgendaFileProblemKind.TooLarge, $"The file's text is {text.Length:N0} characters, more than the {MaxTextCharacters:N0} the importer reads.",
                    ServerPhrases.FileTextTooLarge.With(("size", text.Length), ("limit", MaxTextCharacters)));
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                return format == AgendaFileFormat.Pdf
                    ? AgendaFileText.Refused(format, AgendaFileProblemKind.NoText,
                        "The PDF has no text layer (a scanned image?): export the agenda from Word or another source as a PDF with text, or send the .docx.", ServerPhrases.FilePdfNoText.With())
                    : AgendaFileText.Refused(format, AgendaFileProblemKind.NoText, "The document holds no text.", ServerPhrases.FileWordNoText.With());
            }
        }
        return result;
    }
}
