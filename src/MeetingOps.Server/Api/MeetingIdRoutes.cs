using MeetingOps.Domain;

namespace MeetingOps.Server.Api;

/// <summary>
/// Routes under <c>/api/meetings/{id}</c> bind the meeting's id as a <see cref="MeetingId"/>; a text that is not one fails binding, which the
/// framework answers 400 with a bare "Bad Request". This names the id and says what one looks like, in the API's own
/// problem type, so the refusal reads as every other.
/// </summary>
public static class MeetingIdRoutes
{
    public static void Describe(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The path, not the route values: when the failed binding is thrown (Development), the exception handler clears
        // the route values before the problem is written.
        if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest
            && context.HttpContext.Request.Path.Value?.Split('/', 5) is ["", "api", "meetings", var text, ..]
            && !MeetingId.IsValid(Uri.UnescapeDataString(text)))
        {
            text = Uri.UnescapeDataString(text);
            context.ProblemDetails.Type = "urn:meetingops:problem:bad-request";
            context.ProblemDetails.Title = "Bad request";
            context.ProblemDetails.Detail = MeetingId.Refusal(text);
            context.ProblemDetails.Extensions["text"] = MeetingId.RefusalText(text);
        }
    }
}
