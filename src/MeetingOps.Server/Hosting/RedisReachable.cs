using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace MeetingOps.Server.Hosting;

/// <summary>Ready only while Redis answers a PING (cluster mode): without it no command can be stored.</summary>
public sealed class RedisReachable(IOptions<MeetingOpsOptions> options) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await Connection(cancellationToken);
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answers in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", e);
        }
    }

    /// <summary>One connection for the checks, made on first use; it reconnects by itself after an outage.</summary>
    private async Task<IConnectionMultiplexer> Connection(CancellationToken cancellationToken)
    {
        if (_connection is { } made)
        {
            return made;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                var configuration = ClusterSetup.Redis(options.Value);
                configuration.AbortOnConnectFail = false; // a check must not wait out the first-connect retries
                _connection = await ConnectionMultiplexer.ConnectAsync(configuration);
            }
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _gate.Dispose();
    }
}
