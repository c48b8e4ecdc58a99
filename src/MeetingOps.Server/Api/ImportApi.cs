using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Import;
using MeetingOps.Grains;
using MeetingOps.Import.Files;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>
/// Importing an annotated provisional agenda: <c>POST /api/meetings/import</c> with the document's text
/// (<c>text/plain</c>, UTF-8), or the file as issued (a .docx or a PDF, see <see cref="AgendaFiles"/>), and the organizer key. Creates the meeting (201, as <c>POST /api/meetings</c>, plus the
/// importer's warnings), or with <c>?dryRun=true</c> only shows what would be created (200). Nothing usable in the
/// text answers 422 with the errors and their lines; a text over <see cref="AgendaImporter.MaxInputBytes"/> answers 413.
/// </summary>
public static class ImportApi
{
    private const string TypeBase = "urn:meetingops:problem:";

    public static RouteGroupBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings").WithTags("Meetings");
        // No .Accepts(...), as for POST /api/meetings: routing would answer a wrong content type with a bare 415 before
        // the handler can say what is wrong; the handler checks it and answers a problem instead.
        group.MapPost("/import", Import)
            .WithSummary("Create a meeting from an annotated provisional agenda (organizer key; text/plain UTF-8 body, or the .docx or PDF file); ?dryRun=true shows the definition and warnings without creating anything.");
        return group;
    }

    private static async Task<Results<Created<ImportedMeeting>, Created<CreatedDraft>, Ok<ImportPreview>, ProblemHttpResult>> Import(
        HttpContext http, IGrainFactory grains, GrainCalls calls, IOrganizerCredential organizer, CancellationToken cancellationToken, bool dryRun = false)
    {
        var request = http.Request;
        // A .docx or PDF may come with its own content type, or as octet-stream (or none) for the first bytes to tell.
        var declared = ImportFiles.Declared(request.ContentType);
        var mayBeFile = declared is not null || ImportFiles.IsUntyped(request.ContentType);
        if (request.ContentType is { } type && !mayBeFile && !IsText(type))
        {
            return Problems.From(new Refusal(RefusalKind.Invalid,
                $"Send the agenda document's text as text/plain (UTF-8), or the file as issued: a Word document ({AgendaFiles.WordMediaType}) or a PDF (application/pdf); not {type}. A meeting definition in JSON goes to POST /api/meetings.",
                Text: ServerPhrases.ImportWrongType.With(("type", type))));
        }
        // The secretariat's key, checked here before any work on the text (and again inside the meeting grain on create).
        var key = CommandHeaders.BearerKey(request);
        if (MeetingsApi.OrganizerRefusal(key, organizer, http.Response) is { } refused)
        {
            return refused;
        }
        // An agenda may be larger than a JSON definition: lift this request's limit to the importer's cap.
        var cap = mayBeFile ? AgendaFiles.MaxFileBytes : AgendaImporter.MaxInputBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = cap + 1;
        }
        var body = await RequestBody.ReadAsync(request, cap, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(cap);
        }
        // The first bytes decide what the body is, not the type a browser guessed from the file's name.
        var format = AgendaFiles.Detect(body);
        if (declared is { } named && format != named)
        {
            return ImportFiles.NotTheDeclaredFormat(named, request.ContentType!);
        }
        if (mayBeFile && format != AgendaFileFormat.Text)
        {
            var extracted = AgendaFiles.Extract(body, format);
            if (extracted.Problem is { } unreadable)
            {
                return ImportFiles.NotReadable(format, unreadable);
            }
            body = System.Text.Encoding.UTF8.GetBytes(extracted.Text!);
        }
        if (body.Length > AgendaImporter.MaxInputBytes)
        {
            return Problems.TooLarge(AgendaImporter.MaxInputBytes);
        }
        // Invalid UTF-8 would decode to replacement characters (three bytes each) and could read as "too large": say where it is instead.
        if (Utf8Text.FirstInvalid(body) is { } notUtf8)
        {
            return Problems.BadRequest(notUtf8.Message, text: notUtf8.Text);
        }
        var result = AgendaImporter.Import(body);
        if (result.Definition is not { } definition)
        {
            return result.Errors.Any(e => e.Code == ImportErrorCodes.TooLarge) ? Problems.TooLarge(AgendaImporter.MaxInputBytes) : NotImportable(result);
        }
        if (dryRun)
        {
            return TypedResults.Ok(new ImportPreview(definition, result.Warnings, result.Gaps));
        }
        if (result.Gaps.Count > 0)
        {
            // What the document does not say (dates, venue, sittings) is the officer's to fill in: a draft, not a refusal
            // and not a live meeting on assumed facts.
            var (draftId, draft) = await WorkspaceApi.CreateDraftAsync(grains, calls, DraftOf(definition, result.Gaps), result.Warnings, key, cancellationToken);
            return WorkspaceApi.DraftCreated(draftId, draft).Result switch
            {
                Created<CreatedDraft> draftCreated => draftCreated,
                ProblemHttpResult problem => problem,
                var other => throw new InvalidOperationException($"Unexpected answer {other?.GetType().Name} for a created draft."),
            };
        }
        var (id, created) = await MeetingsApi.CreateAsync(grains, calls, definition, key, cancellationToken);
        if (created.Refusal is { } refusal)
        {
            return Problems.From(refusal, created.Problems);
        }
        var links = MeetingsApi.Links(id);
        return TypedResults.Created(links.Self, new ImportedMeeting(id, created.ChairKey!, links, created.Snapshot!, result.Warnings));
    }

    /// <summary>
    /// The draft of an import with gaps: without dates the importer's stand-in days (and the sittings assumed on them)
    /// would read as facts, so they are left out for the officer to enter; other assumptions stay, each with its warning.
    /// </summary>
    private static MeetingDefinition DraftOf(MeetingDefinition definition, IReadOnlyList<ImportGap> gaps) =>
        gaps.Any(g => g.Field == ImportGapFields.Dates)
            ? definition with { StartDate = null, EndDate = null, Sessions = [] }
            : definition;

    private static bool IsText(string contentType)
    {
        var media = contentType.Split(';')[0].Trim();
        if (!media.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var charset = contentType.Split(';').Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase));
        var value = charset?["charset=".Length..].Trim('"', ' ');
        return value is null || value.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || value.Equals("utf8", StringComparison.OrdinalIgnoreCase) || value.Equals("us-ascii", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// 422: nothing usable was found; each error with its line (0: the document as a whole). The first error's phrase is the
    /// problem's <c>text</c>, and each error and warning carries its own, for a page in another language.
    /// </summary>
    private static ProblemHttpResult NotImportable(ImportResult result) =>
        TypedResults.Problem(
            result.Errors.Count > 0 ? result.Errors[0].Message : "Nothing usable was found in the document.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Agenda not importable",
            type: TypeBase + "agenda-not-importable",
            extensions: new Dictionary<string, object?>
            {
                ["text"] = result.Errors.Count > 0 ? result.Errors[0].Text : null,
                ["errors"] = result.Errors.Select(e => new { line = e.Line, code = e.Code, message = e.Message, text = e.Text }).ToList(),
                ["warnings"] = result.Warnings.Select(w => new { line = w.Line, message = w.Message, text = w.Text }).ToList(),
            });
}
