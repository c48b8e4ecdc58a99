using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.LoadTests.BareHub;

/// <summary>
/// MeetingOps' REST routes as far as the load generator uses them: create a meeting, item and session commands
/// (each one a new version pushed to the meeting's group, answered after the push is handed over, as MeetingOps
/// does), plus the payload to push and the health check.
/// </summary>
public static class BareApi
{
    public static WebApplication MapBareApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health/live", () => TypedResults.Ok("live"));
        app.MapPut("/bare/payload", (JsonElement body, BareMeetings meetings) =>
        {
            if (!body.TryGetProperty("changes", out var changes) || !body.TryGetProperty("snapshot", out var snapshot))
            {
                return Results.BadRequest("Send {changes, snapshot} and optionally version (the changes' own) and changesBefore.");
            }
            var version = body.TryGetProperty("version", out var v) && v.TryGetInt64(out var n) ? n : 0;
            meetings.UsePayload(changes, version, body.TryGetProperty("changesBefore", out var before) ? before : changes, snapshot);
            return Results.NoContent();
        });
        app.MapPost("/api/meetings", (BareMeetings meetings) =>
        {
            var id = meetings.Create();
            return Results.Json(new { id, chairKey = "bare" }, statusCode: StatusCodes.Status201Created);
        });
        app.MapPost("/api/meetings/{id}/items/{itemId}/{action}", Command);
        app.MapPost("/api/meetings/{id}/sessions/{sessionId}/{action}", Command);
        return app;
    }

    private static async Task<IResult> Command(string id, BareMeetings meetings, IHubContext<BareHub> hub)
    {
        if (meetings.Next(id) is not { } version)
        {
            return Results.NotFound();
        }
        await hub.Clients.Group(BareHub.GroupOf(id)).SendAsync("changed", new BareChanged(version, id, version - 1, meetings.ChangesAt(version)));
        return Results.Json(new { version });
    }
}
