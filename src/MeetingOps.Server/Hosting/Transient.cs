using Polly.CircuitBreaker;
using Polly.Timeout;
using StackExchange.Redis;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// Which failures of a grain call are the cluster's and pass (a silo that died or is not yet declared dead, a
/// message rejected, storage or Redis not answering, a write that lost its race after a failover), as opposed to the
/// request's own. Refusals (a version conflict, a wrong key, an illegal or malformed command) are answers, never
/// exceptions, so they are never among them and never retried.
/// </summary>
public static class Transient
{
    private const string FallbackException = "Orleans.Serialization.UnavailableExceptionFallbackException";

    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        _ when DamagedAnswer.Find(exception) is not null => false, // a damaged stored row does not pass: answered 500, never retried
        _ when StoredStateDamagedException.IsIn(exception) => false, // nor does a damaged value in Redis
        TimeoutRejectedException or TimeoutException or BrokenCircuitException => true,
        OrleansException => true, // silo unavailable, message rejected, gateway gone, storage etag race (InconsistentStateException)
        RedisException => true,   // connection lost, timeout, LOADING after a restart
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => exception.GetType().FullName == FallbackException || Is(exception.InnerException),
    };

    /// <summary>
    /// Whether the failure says a dependency is down rather than passing: Redis not connected, or the grain storage
    /// failing a read or write (a failover never does that; an outage does). Retrying inside the request cannot help
    /// then, so such a request answers 503 at once and the client resends after Retry-After.
    /// </summary>
    public static bool DependencyDown(Exception? exception)
    {
        if (StoredStateDamagedException.IsIn(exception))
        {
            return false; // Redis answered; the value it holds is damaged
        }
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RedisConnectionException || e.Message.Contains(RedisGrainStateStorage.UnavailablePrefix, StringComparison.Ordinal) ||
                (e is OrleansException && e.Message.StartsWith("Error from storage provider", StringComparison.Ordinal)) ||
                e.Message.Contains("No connection is active", StringComparison.Ordinal) ||
                e.Message.Contains("No connection is available", StringComparison.Ordinal))
            {
                return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(DependencyDown))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>What to tell the client: how long to wait before trying again.</summary>
    public static TimeSpan RetryAfter(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BrokenCircuitException { RetryAfter: { } after })
            {
                return after < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : after;
            }
        }
        return TimeSpan.FromSeconds(2);
    }
}
