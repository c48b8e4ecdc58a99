using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace MeetingOps.Server.Hosting;

/// <summary>
/// Whether this silo is an active member of the cluster, and how many members are active. Startup: the silo has joined.
/// Ready: it is still active (a silo the others declared dead is not, and stops itself).
/// </summary>
public sealed class MembershipCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = membership.CurrentSnapshot;
        var status = snapshot.GetSiloStatus(silo.SiloAddress);
        var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var data = new Dictionary<string, object>
        {
            ["silo"] = silo.SiloAddress.ToParsableString(),
            ["status"] = status.ToString(),
            ["activeSilos"] = active,
            ["membershipVersion"] = snapshot.Version.Value,
        };
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"Silo {silo.Name} is active; {active} active silo(s) in the cluster.", data)
            : HealthCheckResult.Unhealthy($"Silo {silo.Name} is {status}, not active, in the cluster.", data: data));
    }
}
