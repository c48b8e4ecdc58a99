using MeetingOps.Domain;

namespace MeetingOps.Server.Api;

/// <summary>
/// The answers the framework writes itself, before an endpoint runs (a malformed meeting id, a body that is not JSON),
/// reworded in the API's own problem types so that every refusal says what was wrong and where.
/// </summary>
public static class FrameworkProblems
{
    public static void Describe(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        MeetingIdRoutes.Describe(context);
        if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
        {
            // Routing refuses a command whose body is declared as something other than JSON (curl -d sends
            // application/x-www-form-urlencoded); a body with no Content-Type is read as JSON.
            var sent = context.HttpContext.Request.ContentType;
            context.ProblemDetails.Type = "urn:meetingops:problem:unsupported-media-type";
            context.ProblemDetails.Title = "Unsupported media type";
            context.ProblemDetails.Detail =
                $"The body is sent as \"{Problems.Clean(sent ?? "", maxLength: 100)}\"; send it as JSON with Content-Type: application/json.";
            context.ProblemDetails.Extensions["text"] = ServerPhrases.RequestNotJson.With(("contentType", Problems.Clean(sent ?? "", maxLength: 100)));
        }
    }
}
