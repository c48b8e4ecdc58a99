using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// A meeting's stored value in Redis (cluster mode) that no longer reads as its state: half a JSON document after a
/// torn write, a stray <c>HSET</c>. Raised by <see cref="RedisGrainStateStorage"/> when a head or a history record does not read; Orleans wraps it
/// (naming the key) and the failed activation wraps that. It must be answered as the embedded store's damaged row is
/// (<see cref="DamagedAnswer"/>: 500 naming the meeting, logged at Error once, readiness unhealthy), never as a Redis
/// outage: "Error from storage provider" otherwise reads as one, and a chair's console retried a 503 forever.
/// </summary>
public sealed class StoredStateDamagedException : Exception
{
    /// <summary>How the message starts; recognised in any message of the chain, even when the type did not survive the trip between silos.</summary>
    public const string Prefix = "Stored grain state is damaged: ";

    public StoredStateDamagedException()
        : base(Prefix.TrimEnd())
    {
    }

    public StoredStateDamagedException(string message)
        : base(message)
    {
    }

    public StoredStateDamagedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static StoredStateDamagedException For(Type stateType, Exception? innerException)
    {
        ArgumentNullException.ThrowIfNull(stateType);
        var why = innerException?.Message ?? "it reads as null";
        return innerException is null
            ? new StoredStateDamagedException($"{Prefix}it does not read as {stateType.Name}: {why}")
            : new StoredStateDamagedException($"{Prefix}it does not read as {stateType.Name}: {why}", innerException);
    }

    /// <summary>Whether a failure (however wrapped) is a stored value that does not read.</summary>
    public static bool IsIn(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // By type where it survived; else by its words, which Orleans copies into the messages that wrap it (the
            // failed activation's "Error from storage provider …" prints its inner exceptions).
            if (e is StoredStateDamagedException || e.Message.Contains(Prefix, StringComparison.Ordinal))
            {
                return true;
            }
            if (e is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Any(IsIn);
            }
        }
        return false;
    }

    /// <summary>Every message of the chain, outermost first: Orleans' Redis storage names the key in its own.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var messages = new List<string>();
        for (var e = exception; e is not null && messages.Count < 6; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" ← ", messages);
    }
}

/// <summary>
/// The meetings this host found damaged in Redis, so later requests are answered at once (each activation attempt
/// would read the value again and have Orleans log errors with stack traces) and readiness says unhealthy until the
/// value is restored and the host restarted. Bounded: a store with every value damaged cannot grow it without end.
/// </summary>
public sealed class DamagedMeetings
{
    public const int MaxMeetings = 1000;

    private readonly ConcurrentDictionary<string, string> _rows = new(StringComparer.Ordinal);

    public int Count => _rows.Count;

    /// <summary>Remembers a damaged meeting; true the first time (the caller logs it then).</summary>
    public bool Add(string meetingId, string row) => _rows.Count < MaxMeetings && _rows.TryAdd(meetingId, row);

    public string? RowOf(string meetingId) => _rows.TryGetValue(meetingId, out var row) ? row : null;

    public IReadOnlyCollection<string> MeetingIds => _rows.Keys.Order(StringComparer.Ordinal).ToList();
}

/// <summary>Cluster mode: ready only while no meeting's stored value was found damaged (the embedded store's own check is <see cref="StorageCheck"/>).</summary>
public sealed class DamagedStateCheck(DamagedMeetings damaged) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(damaged.Count == 0
            ? HealthCheckResult.Healthy("No stored meeting found damaged.")
            : HealthCheckResult.Unhealthy(
                $"The stored state of {damaged.Count} meeting(s) in Redis does not read ({string.Join(", ", damaged.MeetingIds.Take(10))}): " +
                "run `meetingops verify --redis` and restore Redis from the last good AOF/RDB backup (README, \"Backups and recovery\")."));
}
