using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// A request that failed because the cluster or its storage did not answer (after the retries it was allowed) answers
/// 503 with Retry-After and a problem that says what to do. A command is committed in one write of its meeting, so it
/// either happened whole or not at all; resending it with the same Idempotency-Key tells which, without applying it twice.
/// </summary>
public sealed partial class UnavailableAnswer(IProblemDetailsService problems, ILogger<UnavailableAnswer> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!Transient.Is(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }
        var after = Transient.RetryAfter(exception);
        LogUnavailable(httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Type = "urn:meetingops:problem:unavailable",
                Detail = "The meetings cluster or its storage is not answering just now. A command either happened whole or not at all: " +
                    $"send it again with the same Idempotency-Key after {Math.Ceiling(after.TotalSeconds)} s and it is applied at most once.",
                Extensions = { ["text"] = Domain.ServerPhrases.HostUnavailable.With(("waitSeconds", (int)Math.Ceiling(after.TotalSeconds))) },
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: 503, the cluster did not answer ({Error}: {Message})")]
    private partial void LogUnavailable(string method, string path, string error, string message);
}
