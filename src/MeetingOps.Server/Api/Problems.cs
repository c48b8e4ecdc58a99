using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingOps.Server.Api;

/// <summary>Turns refusals into <c>application/problem+json</c> answers that say what was wrong and where.</summary>
public static class Problems
{
    // Problem types are URNs: stable names a client can switch on, with no page to fetch.
    private const string TypeBase = "urn:meetingops:problem:";

    public static ProblemHttpResult From(Refusal refusal, IReadOnlyList<DefinitionProblem>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        // A refusal that carries its own problems (a schedule change that does not fit) lists them as errors too.
        problems ??= refusal.Problems;
        var (status, title, type) = refusal.Kind switch
        {
            RefusalKind.IllegalTransition => (StatusCodes.Status422UnprocessableEntity, "Illegal transition", "illegal-transition"),
            RefusalKind.NotFound => (StatusCodes.Status404NotFound, "Not found", "not-found"),
            RefusalKind.Invalid => (StatusCodes.Status400BadRequest, "Bad request", "bad-request"),
            // A stale If-Match (or a hub command's stale expected version) is the precondition HTTP names 412, on every route.
            RefusalKind.VersionConflict => (StatusCodes.Status412PreconditionFailed, "Version conflict", "version-conflict"),
            RefusalKind.Conflict => (StatusCodes.Status409Conflict, "Conflict", "conflict"),
            RefusalKind.Unauthenticated => (StatusCodes.Status401Unauthorized, "Key required", "key-required"),
            RefusalKind.Forbidden => (StatusCodes.Status403Forbidden, "Wrong key", "wrong-key"),
            RefusalKind.ConfirmationNeeded => (StatusCodes.Status409Conflict, "Confirmation needed", "confirmation-needed"),
            _ => (StatusCodes.Status400BadRequest, "Bad request", "bad-request"),
        };
        var extensions = new Dictionary<string, object?>();
        if (refusal.From is not null)
        {
            extensions["from"] = refusal.From;
            extensions["to"] = refusal.To;
        }
        if (refusal.Code is not null)
        {
            // What a client switches on (for a confirmation needed: the value of ?confirm= that says yes).
            extensions["code"] = refusal.Code;
        }
        if (refusal.Text is not null)
        {
            // The reason as a phrase code and its arguments: the pages say it in the viewer's language; detail stays English.
            // Its arguments may quote what a client sent (a delegation id, an action), so they are cleaned as the detail is.
            extensions["text"] = refusal.Text with { Args = refusal.Text.Args.ToDictionary(a => a.Key, a => Clean(a.Value, 200), StringComparer.Ordinal) };
        }
        if (problems is { Count: > 0 })
        {
            extensions["errors"] = Errors(problems);
        }
        return TypedResults.Problem(Clean(refusal.Reason), statusCode: status, title: title, type: TypeBase + type, extensions: extensions);
    }

    /// <summary>The problems as the <c>errors</c> entries: path, English message and (when it has one) the message's phrase code.</summary>
    public static List<object> Errors(IEnumerable<DefinitionProblem> problems) =>
        problems.Select(p => p.Text is null ? (object)new { path = p.Path, message = p.Message } : new { path = p.Path, message = p.Message, text = p.Text }).ToList();

    public static ProblemHttpResult BadRequest(string detail, IReadOnlyList<DefinitionProblem>? problems = null, ServerText? text = null) =>
        From(new Refusal(RefusalKind.Invalid, detail, Text: text), problems);

    public static ProblemHttpResult NotFound(string detail, ServerText? text = null) => From(new Refusal(RefusalKind.NotFound, detail, Text: text));

    public static ProblemHttpResult NoMeeting(MeetingId id) => From(Refusal.NoMeeting(id.ToString()));

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem($"The body is larger than {limit:N0} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Payload too large", type: TypeBase + "payload-too-large",
            extensions: new Dictionary<string, object?> { ["text"] = ServerPhrases.BodyTooLarge.With(("limit", limit)) });

    public static ProblemHttpResult Unavailable(string detail, ServerText text) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable", type: TypeBase + "unavailable",
            extensions: new Dictionary<string, object?> { ["text"] = text });

    /// <summary>
    /// A detail that may quote what a client sent (an item id in the path, a delegation's name), without the characters
    /// that would garble it where it is shown: controls, and the invisible marks that reverse or reorder text (a
    /// right-to-left override in an id would turn the rest of the sentence around). Cut at <paramref name="maxLength"/>.
    /// </summary>
    public static string Clean(string text, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kept = new System.Text.StringBuilder(Math.Min(text.Length, 4096));
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (count == maxLength)
            {
                return kept.Append('…').ToString();
            }
            var category = System.Text.Rune.GetUnicodeCategory(rune);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }
            kept.Append(rune.ToString());
            count++;
        }
        return kept.ToString();
    }
}
