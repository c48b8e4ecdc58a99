using MeetingOps.Domain;
using MeetingOps.Import.Files;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>
/// The import endpoint's side for agenda files as issued (.docx, PDF): which body is a file, and the problem a file
/// that gives no text answers. The text itself is the importer's to read, as for a text body.
/// </summary>
public static class ImportFiles
{
    private const string TypeBase = "urn:meetingops:problem:";

    /// <summary>What a request's content type says the body is: null for text/* (checked as today), octet-stream or none.</summary>
    public static AgendaFileFormat? Declared(string? contentType) =>
        AgendaFiles.FormatOf(contentType) is { } format and not AgendaFileFormat.Text ? format : null;

    /// <summary>A content type the endpoint takes for a file whose format the magic bytes decide.</summary>
    public static bool IsUntyped(string? contentType) =>
        contentType is null || contentType.Split(';')[0].Trim().Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase);

    /// <summary>422: the file gives no text, with what was wrong (<c>kind</c>: damaged, too-large, encrypted, no-text).</summary>
    public static ProblemHttpResult NotReadable(AgendaFileFormat format, AgendaFileProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var kind = problem.Kind switch
        {
            AgendaFileProblemKind.Damaged => "damaged",
            AgendaFileProblemKind.TooLarge => "too-large",
            AgendaFileProblemKind.Encrypted => "encrypted",
            _ => "no-text",
        };
        return TypedResults.Problem(problem.Message, statusCode: StatusCodes.Status422UnprocessableEntity,
            title: format == AgendaFileFormat.Pdf ? "PDF not readable" : "Word document not readable",
            type: TypeBase + "agenda-file-not-readable",
            extensions: new Dictionary<string, object?> { ["format"] = format == AgendaFileFormat.Pdf ? "pdf" : "docx", ["kind"] = kind, ["text"] = problem.Text });
    }

    /// <summary>422: the content type named a .docx or PDF but the bytes are not one.</summary>
    public static ProblemHttpResult NotTheDeclaredFormat(AgendaFileFormat declared, string contentType) =>
        TypedResults.Problem(
            declared == AgendaFileFormat.Pdf
                ? $"The body was sent as {contentType} but does not begin as a PDF does (%PDF-)."
                : $"The body was sent as {contentType} but is not a zip archive as a .docx is (it does not begin with PK).",
            statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not the format declared", type: TypeBase + "agenda-file-not-readable",
            extensions: new Dictionary<string, object?>
            {
                ["format"] = declared == AgendaFileFormat.Pdf ? "pdf" : "docx",
                ["kind"] = "damaged",
                ["text"] = (declared == AgendaFileFormat.Pdf ? ServerPhrases.FileNotPdf : ServerPhrases.FileNotDocx).With(("type", contentType)),
            });
}
