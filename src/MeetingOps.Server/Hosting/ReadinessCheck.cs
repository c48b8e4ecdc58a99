using MeetingOps.Contracts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MeetingOps.Server.Hosting;

/// <summary>Ready when a grain call round-trips through the silo and its storage: the path every command takes.</summary>
public sealed class ReadinessCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            var meetings = await grains.GetGrain<IMeetingDirectoryGrain>(GrainKeys.Directory).List().WaitAsync(timeout.Token);
            return HealthCheckResult.Healthy($"Silo active; {meetings.Count} meeting(s).");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The silo or its storage does not answer.", e);
        }
    }
}
