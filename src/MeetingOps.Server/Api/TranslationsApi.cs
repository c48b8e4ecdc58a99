using System.Text;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Import;
using MeetingOps.Grains;
using MeetingOps.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>
/// <c>POST /api/meetings/{id}/translations?lang=fr</c> (organizer key): the text of the same agenda in another official
/// language. Its item titles, matched by body and number, are added to the definition as one amendment (one version,
/// one push); every mismatch comes back as a warning, and a text with another symbol changes nothing.
/// </summary>
public static class TranslationsApi
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public static RouteGroupBuilder MapTranslationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/meetings").WithTags("Secretariat");
        group.MapPost("/{id}/translations", Import)
            .WithSummary("The same agenda in another language (text/plain, ?lang=ar|zh|fr|ru|es; organizer key): its item titles are added as one amendment. 422 when the symbol differs or nothing matches; warnings name every item left in English.");
        return group;
    }

    /// <summary>A mismatch: its line (0: the text as a whole), the English sentence, and the same as a phrase for the pages.</summary>
    public sealed record TranslationWarning(int Line, string Message, ServerText? Text = null);

    /// <summary>
    /// What the import did: the language, the symbol and body matched (every body's, when the text held several bodies'
    /// agendas), how many titles were added, the meeting's version after, and every mismatch.
    /// </summary>
    public sealed record TranslationResult(
        string Id, string Language, string? Symbol, string? BodyId, int Matched, int Added, long Version, IReadOnlyList<TranslationWarning> Warnings,
        IReadOnlyList<string> BodyIds);

    private static async Task<Results<Ok<TranslationResult>, ProblemHttpResult>> Import(
        MeetingId id, HttpRequest request, HttpResponse response, IGrainFactory grains, GrainCalls calls, IOrganizerCredential organizer, CancellationToken cancellationToken)
    {
        if (MeetingsApi.OrganizerRouteRefusal(request, response, organizer, out var key) is { } refused)
        {
            return refused;
        }
        var language = request.Query["lang"].ToString() is { Length: > 0 } q ? q : request.Headers.ContentLanguage.ToString();
        if (!Languages.IsTranslated(language))
        {
            return Problems.From(language.Length == 0
                ? new Refusal(RefusalKind.Invalid, "Say which language the text is in: ?lang=ar, zh, fr, ru or es.", Text: ServerPhrases.TranslationLanguageMissing.With())
                : new Refusal(RefusalKind.Invalid, $"?lang=\"{language}\" is not a language a translation can be given in: use ar, zh, fr, ru or es (English is the definition itself).",
                    Text: ServerPhrases.TranslationLanguageUnknown.With(("code", language))),
                [new DefinitionProblem("$.lang", "One of ar, zh, fr, ru, es.", ServerPhrases.RequestLanguageOneOf.With(("languages", Languages.Translated)))]);
        }
        if (request.ContentType is { } type && !type.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.From(new Refusal(RefusalKind.Invalid, $"Send the agenda's text as text/plain (UTF-8), not {type}.", Text: ServerPhrases.TranslationNotText.With(("type", type))));
        }
        var body = await RequestBody.ReadAsync(request, MaxBytes, cancellationToken);
        if (body is null)
        {
            return Problems.TooLarge(MaxBytes);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Problems.From(new Refusal(RefusalKind.Invalid, "The text is not valid UTF-8; nothing was changed.", Text: ServerPhrases.TranslationNotUtf8.With()));
        }
        var actor = request.Headers[CommandHeaders.ActorNameHeader].ToString() is { Length: > 0 and <= Actor.MaxNameLength } name ? name : null;
        var workspace = grains.GetGrain<IMeetingWorkspaceGrain>(id);

        // The definition is read, translated and written back at the version read; if something else changed it in
        // between, the whole import is done again on the new definition rather than overwriting that change.
        for (var attempt = 0; ; attempt++)
        {
            var current = await calls.Read(() => workspace.GetDefinition(key), cancellationToken);
            if (current.Refusal is { } notThere)
            {
                return Problems.From(notThere, current.Problems);
            }
            var result = TranslationImporter.Apply(current.View!.Definition, language, text);
            var warnings = result.Warnings.Select(w => new TranslationWarning(w.Line, w.Message, w.Text)).ToList();
            if (result.Refusal is { } why)
            {
                return TypedResults.Problem(why, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Translation does not match",
                    type: "urn:meetingops:problem:translation-mismatch", extensions: new Dictionary<string, object?> { ["text"] = result.RefusalText, ["warnings"] = warnings });
            }
            if (result.Matched == 0)
            {
                return TypedResults.Problem($"No item of the {Languages.Name(language)} text matched an item of this meeting by body and number; nothing was changed.",
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: "Translation does not match",
                    type: "urn:meetingops:problem:translation-mismatch",
                    extensions: new Dictionary<string, object?> { ["text"] = ServerPhrases.TranslationNoMatch.With(("language", language)), ["warnings"] = warnings });
            }
            if (result.Added == 0)
            {
                return TypedResults.Ok(new TranslationResult(id, language, result.Symbol, result.BodyId, result.Matched, 0, current.View.Version, warnings, result.BodyIds));
            }
            var outcome = await calls.Read(() => workspace.ReplaceDefinition(new ReplaceDefinition(result.Definition!, key, current.View.Version, actor)), cancellationToken);
            if (outcome.Refusal is { Kind: RefusalKind.VersionConflict } && attempt < 3)
            {
                continue;
            }
            if (outcome.Refusal is { } refusal)
            {
                return Problems.From(refusal, outcome.Problems);
            }
            response.Headers.ETag = CommandHeaders.ETag(outcome.View!.Version);
            return TypedResults.Ok(new TranslationResult(id, language, result.Symbol, result.BodyId, result.Matched, result.Added, outcome.View.Version, warnings, result.BodyIds));
        }
    }
}
