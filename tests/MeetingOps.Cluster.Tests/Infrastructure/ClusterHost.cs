using System.Diagnostics;
using System.Globalization;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Cluster.Tests.Infrastructure;

/// <summary>
/// One MeetingOps host in cluster mode as a child process, on fixed loopback ports (HTTP, silo, gateway) that it
/// keeps across restarts, as a host restarted in place does. It can be killed hard (SIGKILL) or stopped gracefully.
/// </summary>
public sealed class ClusterHost : IAsyncDisposable
{
    private readonly OutputLog _log;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private Process? _process;
    private int _generation;

    public ClusterHost(string name, IReadOnlyDictionary<string, string> environment, OutputLog log)
    {
        Name = name;
        _environment = environment;
        _log = log;
        var ports = FreePorts.Take(3);
        (HttpPort, SiloPort, GatewayPort) = (ports[0], ports[1], ports[2]);
        BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/");
    }

    public string Name { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public Uri BaseAddress { get; }

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        if (!File.Exists(ServerBuild.ServerDll))
        {
            throw new FileNotFoundException($"The server build output {ServerBuild.ServerDll} does not exist; build src/MeetingOps.Server first.");
        }
        _process?.Dispose();
        var generation = ++_generation;
        var start = new ProcessStartInfo(ChildProcesses.DotnetHost())
        {
            WorkingDirectory = ServerBuild.ServerProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerBuild.ServerDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{HttpPort}");
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MeetingOps", StringComparison.OrdinalIgnoreCase) || name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase) || name.Equals("DOTNET_URLS", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("POD_NAME", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__MeetingOps"] = "Information";
        start.Environment["Logging__LogLevel__Orleans.Runtime.MembershipService"] = "Information";
        start.Environment["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ";
        start.Environment["MeetingOps__SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["MeetingOps__GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start };
        var who = $"{Name}#{generation}";
        process.OutputDataReceived += (_, e) => _log.Append(who, e.Data);
        process.ErrorDataReceived += (_, e) => _log.Append(who, e.Data);
        _log.Append(who, $"test: starting at {DateTime.UtcNow:HH:mm:ss.fff} on {BaseAddress} (silo {SiloPort}, gateway {GatewayPort})");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Polls GET /health/ready until 200; fails with the output when the process exits or the deadline passes.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var last = "no answer yet";
        while (deadline.Elapsed < timeout)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited before it was ready.\n{_log.Tail()}");
            }
            try
            {
                using var response = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    _log.Append(Name, $"test: ready at {DateTime.UtcNow:HH:mm:ss.fff}");
                    return;
                }
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(200); // bounded: until /health/ready answers 200
        }
        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0} s (last: {last}).\n{_log.Tail()}");
    }

    /// <summary>kill -9: no shutdown, no leaving the cluster; the others must find out.</summary>
    public async Task KillHardAsync()
    {
        if (_process is { HasExited: false } process)
        {
            _log.Append(Name, $"test: kill -9 at {DateTime.UtcNow:HH:mm:ss.fff}");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>SIGTERM and wait for the host to leave the cluster and exit by itself.</summary>
    public async Task StopGracefullyAsync(TimeSpan timeout)
    {
        if (_process is { HasExited: false } process)
        {
            _log.Append(Name, $"test: SIGTERM at {DateTime.UtcNow:HH:mm:ss.fff}");
            ChildProcesses.Terminate(process.Id);
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
    }

    /// <summary>Waits for a host expected to stop by itself (bad settings); its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException($"{Name} has not been started.");
        await process.WaitForExitAsync().WaitAsync(timeout);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcesses.KillAsync(_process);
        _process = null;
    }
}
