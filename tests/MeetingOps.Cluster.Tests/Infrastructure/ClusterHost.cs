using MeetingOps.Tests.Shared;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>
/// One MeetingOps host in cluster mode: the one launcher (<see cref="ServerLauncher"/>) in Production, on fixed
/// loopback ports (HTTP, silo, gateway) that it keeps across restarts, as a host restarted in place does, its output
/// in the cluster's one log. It can be killed hard (SIGKILL) or stopped gracefully.
/// </summary>
public sealed class ClusterHost : IAsyncDisposable
{
    private readonly ServerLauncher _launcher;

    public ClusterHost(string name, IReadOnlyDictionary<string, string> environment, OutputLog log)
    {
        Name = name;
        _launcher = new ServerLauncher(new ServerSettings
        {
            Name = name,
            Environment = "Production",
            OwnDataDirectory = false,
            RaiseClientLimits = false,
            Variables = new Dictionary<string, string>
            {
                ["Logging__LogLevel__Default"] = "Warning",
                ["Logging__LogLevel__MeetingOps"] = "Information",
                ["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information",
                ["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ",
            }.Concat(environment).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            OnLine = log.Append,
        });
    }

    public string Name { get; }

    public int HttpPort => _launcher.HttpPort;

    public int SiloPort => _launcher.SiloPort;

    public int GatewayPort => _launcher.GatewayPort;

    public Uri BaseAddress => _launcher.BaseAddress;

    public bool IsRunning => !_launcher.HasExited;

    public void Start() => _launcher.Start();

    /// <summary>Polls GET /health/ready until 200; fails with the output when the process exits or the deadline passes.</summary>
    public Task WaitReadyAsync(TimeSpan timeout) => _launcher.WaitReadyAsync(timeout);

    /// <summary>kill -9: no shutdown, no leaving the cluster; the others must find out.</summary>
    public Task KillHardAsync() => _launcher.KillHardAsync();

    /// <summary>SIGTERM and wait for the host to leave the cluster and exit by itself.</summary>
    public Task StopGracefullyAsync(TimeSpan timeout) => _launcher.StopGracefullyAsync(timeout);

    /// <summary>Waits for a host expected to stop by itself (bad settings); its exit code.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _launcher.WaitForExitAsync(timeout);

    public ValueTask DisposeAsync() => _launcher.DisposeAsync();
}
