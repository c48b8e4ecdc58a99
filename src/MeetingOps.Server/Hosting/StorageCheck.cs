using MeetingOps.Grains;
using MeetingOps.Storage.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Storage;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// Ready only while the embedded store can be trusted with a command: no row found damaged, the last write went
/// through, the disk has room. A grain call round-trip (<see cref="ReadinessCheck"/>) answers from memory and says
/// none of that: a full disk answered every command 503 while readiness said Healthy.
/// </summary>
public sealed class StorageCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetKeyedService<IGrainStorage>(StorageNames.Meetings) is not SqliteGrainStorage storage)
        {
            return HealthCheckResult.Healthy("No embedded store in this host.");
        }
        var problems = await storage.CheckAsync(cancellationToken);
        return problems.Count == 0
            ? HealthCheckResult.Healthy($"Store {storage.DatabasePath} writable.")
            : HealthCheckResult.Unhealthy(string.Join(" ", problems));
    }
}
