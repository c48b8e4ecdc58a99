using Polly;
using Polly.Registry;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// Every grain call from the API and the hub goes through here. Reads, and commands that carry an Idempotency-Key
/// (the meeting grain applies such a command once however often it arrives), are retried on a passing cluster
/// failure with exponential backoff and jitter; a command without a key is tried once (a retry could apply it twice).
/// Each attempt has a timeout, and all share one circuit breaker: while the cluster or its storage is down, calls
/// fail at once (503 with Retry-After) instead of piling up. A failure that is not <see cref="Transient"/> is the
/// request's own and passes through untouched.
/// </summary>
public sealed class GrainCalls(ResiliencePipelineProvider<string> pipelines)
{
    private readonly ResiliencePipeline _retried = pipelines.GetPipeline(ResilienceSetup.Retried);
    private readonly ResiliencePipeline _attempt = pipelines.GetPipeline(ResilienceSetup.Attempt);

    /// <summary>A read: retried.</summary>
    public Task<T> Read<T>(Func<Task<T>> call, CancellationToken cancellationToken = default) => Retried(call, cancellationToken);

    /// <summary>A command: retried only when it carries an Idempotency-Key.</summary>
    public Task<T> Command<T>(string? idempotencyKey, Func<Task<T>> call, CancellationToken cancellationToken = default) =>
        idempotencyKey is null ? Once(call, cancellationToken) : Retried(call, cancellationToken);

    /// <summary>Made safe to repeat by what the call carries (a creation with the chair key it chose): retried.</summary>
    public Task<T> Repeatable<T>(Func<Task<T>> call, CancellationToken cancellationToken = default) => Retried(call, cancellationToken);

    /// <summary>Not idempotent: one attempt, under the timeout and the breaker.</summary>
    public async Task<T> Once<T>(Func<Task<T>> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        return await _attempt.ExecuteAsync(static async (c, token) => await c().WaitAsync(token), call, cancellationToken);
    }

    private async Task<T> Retried<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return await _retried.ExecuteAsync(
            static async (state, token) => await state.attempt.ExecuteAsync(static async (c, t) => await c().WaitAsync(t), state.call, token),
            (attempt: _attempt, call), cancellationToken);
    }
}
