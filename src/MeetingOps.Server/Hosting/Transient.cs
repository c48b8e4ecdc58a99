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
        TimeoutRejectedException or TimeoutException or BrokenCircuitException => true,
        OrleansException => true, // silo unavailable, message rejected, gateway gone, storage etag race (InconsistentStateException)
        RedisException => true,   // connection lost, timeout, LOADING after a restart
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => exception.GetType().FullName == FallbackException || Is(exception.InnerException),
    };

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
