using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// The Polly pipelines at the host's edges (see <see cref="GrainCalls"/>), tuned so a failover (a host killed, its
/// grains re-activated elsewhere within a few seconds) is ridden out inside one request, while an outage (Redis down)
/// fails fast. Their events go to the log and, with OpenTelemetry on, to the "Polly" meter.
/// </summary>
public static class ResilienceSetup
{
    public const string Retried = "meetingops-grain-retried";
    public const string Attempt = "meetingops-grain-attempt";

    /// <summary>One grain call: longer than a command takes, shorter than Orleans' own response timeout.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>All attempts of one request together.</summary>
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt: waits of about 0.25, 0.5, 1, 2 and 2 s (jittered), about 6 s in all.</summary>
    public const int Retries = 5;

    /// <summary>The breaker opens when half the calls of the last 10 s failed (at least 8 calls), for 3 s.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(3);

    public static WebApplicationBuilder AddMeetingOpsResilience(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddResiliencePipeline(Attempt, (pipeline, context) =>
        {
            var log = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("MeetingOps.Resilience");
            pipeline
                .AddCircuitBreaker(new CircuitBreakerStrategyOptions
                {
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && Transient.Is(e) && e is not BrokenCircuitException),
                    FailureRatio = 0.5,
                    MinimumThroughput = 8,
                    SamplingDuration = TimeSpan.FromSeconds(10),
                    BreakDuration = BreakDuration,
                    OnOpened = args =>
                    {
                        log.LogWarning(args.Outcome.Exception, "Grain calls failing: circuit open for {Seconds} s; calls answer 503 meanwhile", args.BreakDuration.TotalSeconds);
                        return ValueTask.CompletedTask;
                    },
                    OnClosed = _ =>
                    {
                        log.LogInformation("Grain calls answer again: circuit closed");
                        return ValueTask.CompletedTask;
                    },
                })
                .AddTimeout(AttemptTimeout);
        });
        builder.Services.AddResiliencePipeline(Retried, (pipeline, context) =>
        {
            var log = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("MeetingOps.Resilience");
            pipeline
                .AddTimeout(TotalTimeout)
                .AddRetry(new RetryStrategyOptions
                {
                    // An open circuit is not retried: while it is open, requests fail fast with 503 and Retry-After.
                    ShouldHandle = args => ValueTask.FromResult(Transient.Is(args.Outcome.Exception) && args.Outcome.Exception is not BrokenCircuitException),
                    MaxRetryAttempts = Retries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(250),
                    MaxDelay = TimeSpan.FromSeconds(2),
                    OnRetry = args =>
                    {
                        log.LogWarning("Grain call retry {Attempt} in {Delay} ms after {Error}", args.AttemptNumber + 1,
                            (int)args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.GetType().Name);
                        return ValueTask.CompletedTask;
                    },
                });
        });
        builder.Services.AddSingleton<GrainCalls>();
        builder.Services.AddExceptionHandler<UnavailableAnswer>();
        return builder;
    }
}
