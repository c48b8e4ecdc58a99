using System.Collections.Concurrent;
using MeetingOps.Storage.Sqlite;
using Microsoft.AspNetCore.Diagnostics;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// A request whose meeting's stored state does not read (a damaged row or page) answers 500 naming the meeting and
/// what to do, never 503 "try again in 2 s": retrying cannot repair a damaged row, and a chair's console would retry
/// forever. Logged at Error once per damaged row, however many requests hit it; /health/ready says unhealthy meanwhile
/// (<see cref="StorageCheck"/>).
/// </summary>
public sealed partial class DamagedAnswer(IProblemDetailsService problems, ILogger<DamagedAnswer> logger, DamagedMeetings damagedMeetings) : IExceptionHandler
{
    /// <summary>Rows already logged; bounded, so a store with every row damaged cannot grow it without end.</summary>
    private readonly ConcurrentDictionary<string, bool> _logged = new(StringComparer.Ordinal);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.Response.HasStarted)
        {
            return false;
        }
        if (Find(exception) is not { } damaged)
        {
            // Cluster mode: a meeting's value in Redis that does not read; the request's path names the meeting.
            var segments = httpContext.Request.Path.Value?.Split('/', 5) ?? [];
            if (segments is ["", "api", "meetings", var requested, ..] && Domain.MeetingId.IsValid(requested)
                && RecognizeStoredDamage(exception, requested) is { } row)
            {
                return await WriteAsync(problems, httpContext, requested, row, exception);
            }
            return false;
        }
        var meetingId = MeetingOf(damaged.GrainId);
        LogOnce(damaged);
        return await WriteAsync(problems, httpContext, meetingId, $"{damaged.StateName} / {damaged.GrainId}", exception);
    }

    /// <summary>Logs a damaged row at Error the first time it is met, over REST or the hub alike.</summary>
    public void LogOnce(SqliteGrainStateUnreadableException damaged)
    {
        ArgumentNullException.ThrowIfNull(damaged);
        if (_logged.Count < SqliteStoreHealth.MaxDamagedRows && _logged.TryAdd(damaged.GrainId, true))
        {
            LogDamaged(damaged.GrainId, damaged.DatabasePath, damaged.Message);
        }
    }

    /// <summary>
    /// A failure that is a meeting's stored value in Redis not reading (<see cref="StoredStateDamagedException"/>):
    /// remembered (readiness, later requests), logged at Error once, and the row to name; null for any other failure.
    /// </summary>
    public string? RecognizeStoredDamage(Exception exception, string meetingId)
    {
        if (!StoredStateDamagedException.IsIn(exception))
        {
            return null;
        }
        var row = $"meeting / meeting/{meetingId} in Redis";
        if (damagedMeetings.Add(meetingId, row))
        {
            LogDamaged($"meeting/{meetingId}", "Redis", StoredStateDamagedException.Describe(exception));
        }
        return row;
    }

    /// <summary>The row of a meeting's own state as the store names it, when the store already knows it damaged; else null.</summary>
    public static string? KnownDamagedRow(IServiceProvider services, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<DamagedMeetings>()?.RowOf(meetingId) is { } redisRow)
        {
            return redisRow;
        }
        if (services.GetKeyedService<Orleans.Storage.IGrainStorage>(MeetingOps.Grains.StorageNames.Meetings) is SqliteGrainStorage storage
            && storage.Health.DamagedRows.Count > 0)
        {
            var row = $"meeting / meeting/{meetingId}";
            return storage.Health.DamagedRows.ContainsKey(row) ? row : null;
        }
        return null;
    }

    /// <summary>"meeting / meeting/wg3-2021" and the meeting's id from a damaged row's exception.</summary>
    public static (string MeetingId, string Row) Describe(SqliteGrainStateUnreadableException damaged)
    {
        ArgumentNullException.ThrowIfNull(damaged);
        return (MeetingOf(damaged.GrainId), $"{damaged.StateName} / {damaged.GrainId}");
    }

    /// <summary>What a request for a damaged meeting is told, over REST and the hub: which meeting, and what to do.</summary>
    public static string Detail(string meetingId, string row) => row.EndsWith(" in Redis", StringComparison.Ordinal)
        ? $"The stored state of meeting \"{meetingId}\" ({row}) cannot be read: its value in Redis is damaged. Trying again will " +
          "not help. The operator should run `meetingops verify --redis <connection>` and restore Redis from the last good AOF/RDB " +
          "backup (README, \"Backups and recovery\")."
        : $"The stored state of meeting \"{meetingId}\" ({row}) cannot be read: the row in the server's " +
          "database is damaged. Trying again will not help. The operator should run `meetingops verify <data directory>` and restore " +
          "the last backup with `meetingops restore` (README, \"Backups and recovery\").";

    /// <summary>
    /// Answers a request for a meeting already known damaged before it reaches the silo: each attempt to activate the
    /// meeting's grain would read the row again, fail, and have Orleans log several errors with stack traces, so a
    /// console retrying would fill the log. Once is enough; the store remembers the row (<see cref="SqliteStoreHealth"/>).
    /// </summary>
    public static async Task AnswerKnownDamage(HttpContext httpContext, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(next);
        var segments = httpContext.Request.Path.Value?.Split('/', 5) ?? [];
        if (segments is ["", "api", "meetings", var meetingId, ..] && meetingId.Length > 0
            && KnownDamagedRow(httpContext.RequestServices, meetingId) is { } row)
        {
            await WriteAsync(httpContext.RequestServices.GetRequiredService<IProblemDetailsService>(), httpContext, meetingId, row, null);
            return;
        }
        await next(httpContext);
    }

    private static async ValueTask<bool> WriteAsync(IProblemDetailsService problems, HttpContext httpContext, string meetingId, string row, Exception? exception)
    {
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Stored meeting damaged",
                Type = "urn:meetingops:problem:damaged",
                Detail = Detail(meetingId, row),
                Extensions = { ["meetingId"] = meetingId, ["row"] = row },
            },
        });
    }

    /// <summary>The damaged row behind a failure, by type, wherever Orleans or the caller wrapped it.</summary>
    public static SqliteGrainStateUnreadableException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteGrainStateUnreadableException damaged)
            {
                return damaged;
            }
            if (e is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(Find).FirstOrDefault(d => d is not null);
            }
        }
        return null;
    }

    /// <summary>"meeting/wg3-2021" → "wg3-2021"; the id of a session or item grain starts with its meeting's (before the first '/').</summary>
    private static string MeetingOf(string grainId)
    {
        var key = grainId[(grainId.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? key : key[..slash];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stored state of {GrainId} in {DatabasePath} is damaged; it answers 500 until restored (logged once): {Error}")]
    private partial void LogDamaged(string grainId, string databasePath, string error);
}
