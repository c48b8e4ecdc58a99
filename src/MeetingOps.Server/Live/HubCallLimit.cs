using MeetingOps.Domain;
using Microsoft.AspNetCore.SignalR;

namespace MeetingOps.Server.Live;

/// <summary>
/// Limits how fast one connection may call the hub: a token bucket per connection (<see cref="LiveOptions.CallBurst"/>
/// at once, refilled at <see cref="LiveOptions.CallsPerSecond"/> per second). A call over the limit is refused with a
/// <see cref="HubException"/> that says so, before it reaches any grain.
/// </summary>
public sealed class HubCallLimit(TimeProvider? time = null) : IHubFilter
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    private static readonly object BucketKey = new();

    public static readonly string TooFast =
        $"Too many calls on this connection: at most {LiveOptions.CallsPerSecond} per second. Wait a moment and try again.";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var items = invocationContext.Context.Items;
        if (!items.TryGetValue(BucketKey, out var found) || found is not TokenBucket bucket)
        {
            bucket = new TokenBucket(LiveOptions.CallBurst, LiveOptions.CallsPerSecond, _time);
            items[BucketKey] = bucket;
        }
        if (!bucket.TryTake())
        {
            // A refused command is answered like any refusal (thrown, SignalR would log every one); a follow must throw.
            if (MeetingHub.IsCommand(invocationContext.HubMethodName))
            {
                return Limits.HubClientLimit.TooMany(TooFast, ServerPhrases.LimitHubCalls.With());
            }
            throw new HubException(TooFast);
        }
        return await next(invocationContext);
    }
}

/// <summary>A token bucket on a <see cref="TimeProvider"/>: refilled lazily from the elapsed time, no timer.</summary>
public sealed class TokenBucket(int capacity, double perSecond, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = capacity;
    private long _stamp = time.GetTimestamp();

    public bool TryTake()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(capacity, _tokens + time.GetElapsedTime(_stamp, now).TotalSeconds * perSecond);
            _stamp = now;
            if (_tokens < 1)
            {
                return false;
            }
            _tokens -= 1;
            return true;
        }
    }
}
