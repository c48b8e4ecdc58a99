using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeetingOps.Server.Hosting;

/// <summary>A health answer that says which check failed and why: {status, checks: {name: {status, description, error}}}.</summary>
public static class HealthReportWriter
{
    public static Task Write(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                error = e.Value.Exception?.Message,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
