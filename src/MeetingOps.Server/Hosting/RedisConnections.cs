using Polly;
using Polly.Retry;
using StackExchange.Redis;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// How every Redis connection of a cluster host is made: short timeouts and fail-fast while disconnected (a command
/// during a Redis outage answers 503 at once instead of queueing), and the first connect retried with exponential
/// backoff and jitter, so a host started a moment before Redis waits for it instead of dying. Once connected,
/// StackExchange.Redis reconnects by itself.
/// </summary>
public static class RedisConnections
{
    /// <summary>The first connect: up to this many tries, backing off from 0.5 s to 5 s with jitter (about 30 s in all).</summary>
    public const int ConnectAttempts = 8;

    /// <summary>Reads a connection string with MeetingOps' timeouts; null (and why) when it does not read.</summary>
    public static ConfigurationOptions? TryRead(string connectionString, out string why)
    {
        try
        {
            var options = ConfigurationOptions.Parse(connectionString);
            if (options.EndPoints.Count == 0)
            {
                why = "it names no server (host:port).";
                return null;
            }
            options.AbortOnConnectFail = true; // the first connect is retried below, by Polly
            options.ConnectTimeout = 2000;
            options.SyncTimeout = 2000;
            options.AsyncTimeout = 2000;
            options.KeepAlive = 5;
            options.ConnectRetry = 1;
            options.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
            options.BacklogPolicy = BacklogPolicy.FailFast;
            options.ClientName ??= "meetingops";
            why = "";
            return options;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or NotSupportedException or RedisConnectionException)
        {
            why = e.Message;
            return null;
        }
    }

    /// <summary>Connects, retrying the first connect with backoff and jitter; every provider (membership, storage, reminders, backplane) gets its own.</summary>
    public static async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions options, TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return await FirstConnect.ExecuteAsync(
            async _ => (IConnectionMultiplexer)await ConnectionMultiplexer.ConnectAsync(options.Clone(), log),
            cancellationToken);
    }

    private static readonly ResiliencePipeline FirstConnect = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RedisConnectionException>().Handle<RedisTimeoutException>().Handle<TimeoutException>(),
            MaxRetryAttempts = ConnectAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(5),
        })
        .Build();
}
