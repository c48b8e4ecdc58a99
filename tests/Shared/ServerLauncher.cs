using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace MeetingOps.Tests.Shared;

/// <summary>Where the server build the tests start is: the one built with the test assembly's own configuration.</summary>
public static class ServerBuild
{
    /// <summary>The SDK stamps $(Configuration) into every assembly; a test of a Release build starts the Release server.</summary>
    public static string Configuration { get; } =
        Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Debug";

    public static string ServerProjectDirectory => Path.Combine(RepoFiles.Root, "src", "MeetingOps.Server");

    public static string ServerDll => Path.Combine(ServerProjectDirectory, "bin", Configuration, "net10.0", "MeetingOps.Server.dll");
}

/// <summary>How a suite wants its server started. Every suite starts the same program the same way; only these differ.</summary>
public sealed record ServerSettings
{
    /// <summary>A short name for log lines and failure messages ("server", "host-a"…).</summary>
    public string Name { get; init; } = "server";

    /// <summary>ASPNETCORE_ENVIRONMENT: Development for most suites, Production where the shipped behaviour is under test.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>MeetingOps__OrganizerKey; null leaves it unset (the server makes its own, or refuses to start in Production).</summary>
    public string? OrganizerKey { get; init; }

    /// <summary>
    /// Whether the server gets its own fresh data directory (deleted at the end). Cluster hosts keep their state
    /// in Redis and are given none.
    /// </summary>
    public bool OwnDataDirectory { get; init; } = true;

    /// <summary>
    /// Raise the client limits out of reach (<see cref="OneAddressLimits"/>): every test reaches its server from
    /// 127.0.0.1. The security suite keeps the shipped limits, since they are what it attacks.
    /// </summary>
    public bool RaiseClientLimits { get; init; } = true;

    /// <summary>Keep the repo's own log levels: any Logging__ variable of the test run is removed, not just MeetingOps ones.</summary>
    public bool ShippedLogLevels { get; init; }

    /// <summary>New loopback ports on every start (a crashed server's port may linger), or the same ones kept across restarts, as a host restarted in place keeps them.</summary>
    public bool NewPortsOnRestart { get; init; }

    /// <summary>Where the server is started from: the server project folder unless a test says otherwise.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Set last, over everything above.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Also given each output line as it comes (a cluster keeps one log for all its hosts).</summary>
    public Action<string, string>? OnLine { get; init; }
}

/// <summary>
/// The real MeetingOps server as a child process, as an operator runs it: <c>dotnet MeetingOps.Server.dll --urls
/// http://127.0.0.1:port</c> from the build the tests were compiled with, on free loopback ports, with nothing of
/// the test run's own MeetingOps, ASP.NET or URL settings leaking in. Its output is kept (bounded) for failure
/// messages and counted byte by byte; it can be killed hard (SIGKILL), stopped gracefully (SIGTERM) and restarted
/// on the same data directory. The one launcher every suite builds on.
/// </summary>
public sealed class ServerLauncher : IAsyncDisposable
{
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Text kept for failure messages; the byte count goes on beyond it (a log flood must not fill the test's memory).</summary>
    private const int KeptChars = 4_000_000;

    private readonly Lock _gate = new();
    private readonly StringBuilder _output = new();
    private long _outputBytes;
    private Process? _process;
    private int[]? _ports;
    private int _generation;

    public ServerLauncher(ServerSettings settings)
    {
        Settings = settings;
        if (settings.OwnDataDirectory)
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), $"meetingops-tests-{Guid.NewGuid():N}");
            Directory.CreateDirectory(DataDirectory);
        }
        if (!settings.NewPortsOnRestart)
        {
            _ports = FreePorts.Take(3);
            SetAddress();
        }
    }

    public ServerSettings Settings { get; }

    /// <summary>The data directory (absolute), kept across restarts; null for a cluster host.</summary>
    public string? DataDirectory { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int HttpPort => Ports[0];

    public int SiloPort => Ports[1];

    public int GatewayPort => Ports[2];

    public Process Process => _process ?? throw new InvalidOperationException($"{Settings.Name} has not been started.");

    public int ProcessId => Process.Id;

    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>Bytes the server has written to stdout and stderr over all its runs (UTF-8, line ends included).</summary>
    public long OutputBytes => Interlocked.Read(ref _outputBytes);

    /// <summary>What the server wrote (the first few MB), each line marked with its run and stream.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    private int[] Ports => _ports ?? throw new InvalidOperationException($"{Settings.Name} has not been started.");

    /// <summary>Starts a server and waits until it is ready; disposes it if it never is.</summary>
    public static async Task<ServerLauncher> StartAsync(ServerSettings settings, TimeSpan? timeout = null)
    {
        var server = new ServerLauncher(settings);
        try
        {
            server.Start();
            await server.WaitReadyAsync(timeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the process without waiting for it to be ready (for a start expected to be refused).</summary>
    public void Start()
    {
        if (!File.Exists(ServerBuild.ServerDll))
        {
            throw new FileNotFoundException(
                $"The server build output {ServerBuild.ServerDll} does not exist; build src/MeetingOps.Server ({ServerBuild.Configuration}) first.",
                ServerBuild.ServerDll);
        }
        _process?.Dispose();
        if (Settings.NewPortsOnRestart)
        {
            _ports = FreePorts.Take(3);
            SetAddress();
        }
        var generation = ++_generation;
        var start = new ProcessStartInfo(ChildProcesses.DotnetHost())
        {
            WorkingDirectory = Settings.WorkingDirectory ?? ServerBuild.ServerProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add(ServerBuild.ServerDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{HttpPort}");
        foreach (var name in start.Environment.Keys.Where(Leaks).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = Settings.Environment;
        start.Environment["MeetingOps__SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture);
        start.Environment["MeetingOps__GatewayPort"] = GatewayPort.ToString(CultureInfo.InvariantCulture);
        if (DataDirectory is not null)
        {
            start.Environment["MeetingOps__DataDirectory"] = DataDirectory;
        }
        if (Settings.OrganizerKey is not null)
        {
            start.Environment["MeetingOps__OrganizerKey"] = Settings.OrganizerKey;
        }
        var limits = Settings.RaiseClientLimits ? OneAddressLimits.Environment : new Dictionary<string, string>();
        foreach (var (name, value) in limits.Concat(Settings.Variables))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var who = $"{Settings.Name}#{generation}";
        process.OutputDataReceived += (_, e) => Append(who, e.Data);
        process.ErrorDataReceived += (_, e) => Append(who, e.Data);
        Note(who, $"starting at {DateTime.UtcNow:HH:mm:ss.fff} on {BaseAddress} (silo port {SiloPort}, gateway port {GatewayPort})");
        if (!process.Start())
        {
            throw new InvalidOperationException($"{Settings.Name}: the server process did not start.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Polls GET /health/ready until it answers 200; fails with the output when the deadline passes or the process exits.</summary>
    public async Task WaitReadyAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? ReadyTimeout;
        var clock = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var last = "no answer yet";
        while (clock.Elapsed < limit)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{Settings.Name} exited{ExitCode()} before it was ready.{System.Environment.NewLine}{Describe()}");
            }
            try
            {
                using var response = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Note(Settings.Name, $"ready at {DateTime.UtcNow:HH:mm:ss.fff}");
                    return;
                }
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(150); // bounded readiness polling of a process the test does not control
        }
        throw new TimeoutException(
            $"{Settings.Name} was not ready within {limit.TotalSeconds:0} s (last answer: {last}).{System.Environment.NewLine}{Describe()}");
    }

    /// <summary>kill -9 of the whole process tree: no shutdown, no flushing, no goodbye to its connections or its cluster.</summary>
    public async Task KillHardAsync()
    {
        if (Kill() is { } process)
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            process.WaitForExit(); // drains the redirected output to its end
        }
    }

    /// <summary><see cref="KillHardAsync"/> for a test that must not yield between the kill and its next step.</summary>
    public void KillHard()
    {
        if (Kill() is { } process)
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"{Settings.Name} (pid {process.Id}) did not die within 30 s of SIGKILL.");
            }
            process.WaitForExit(); // drains the redirected output to its end
        }
    }

    private Process? Kill()
    {
        if (_process is { HasExited: false } process)
        {
            Note(Settings.Name, $"kill -9 at {DateTime.UtcNow:HH:mm:ss.fff}");
            process.Kill(entireProcessTree: true);
        }
        return _process;
    }

    /// <summary>SIGTERM, then waits for the server to shut down by itself (a cluster host leaves the cluster first).</summary>
    public async Task StopGracefullyAsync(TimeSpan timeout)
    {
        if (_process is { HasExited: false } process)
        {
            Note(Settings.Name, $"SIGTERM at {DateTime.UtcNow:HH:mm:ss.fff}");
            ChildProcesses.Terminate(process.Id);
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
    }

    /// <summary>Waits for a server expected to stop by itself (bad settings, damaged data); its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await Process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Settings.Name} did not exit within {timeout.TotalSeconds:0} s.{System.Environment.NewLine}{Describe()}");
        }
        Process.WaitForExit(); // drains the redirected output
        return Process.ExitCode;
    }

    /// <summary>Kills the current process if it still runs and starts a new one on the same data directory, ready.</summary>
    public async Task RestartAsync(TimeSpan? timeout = null)
    {
        await KillHardAsync();
        Start();
        await WaitReadyAsync(timeout);
    }

    /// <summary>The server's resident memory (VmRSS of /proc/&lt;pid&gt;/status), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"/proc/{ProcessId}/status has no VmRSS line.");
    }

    /// <summary>The command line, data directory, state and output, for failure messages.</summary>
    public string Describe() =>
        $"{Settings.Name}: dotnet {ServerBuild.ServerDll} --urls {BaseAddress} (data directory {DataDirectory ?? "none"}), {State()}{System.Environment.NewLine}" +
        $"--- server output (its last {DescribedChars:N0} characters) ---{System.Environment.NewLine}{Tail()}--- end of server output ---";

    /// <summary>How much of the output a failure message carries: enough for the last start and its stack traces.</summary>
    private const int DescribedChars = 20_000;

    private string Tail()
    {
        var output = Output;
        return output.Length <= DescribedChars ? output : output[^DescribedChars..];
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcesses.KillAsync(_process);
        _process = null;
        if (DataDirectory is not null)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        }
    }

    private bool Leaks(string name) =>
        name.StartsWith("MeetingOps", StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ||
        name.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("DOTNET_URLS", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("POD_NAME", StringComparison.OrdinalIgnoreCase) ||
        (Settings.ShippedLogLevels && name.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase));

    private void SetAddress() => BaseAddress = new Uri($"http://127.0.0.1:{Ports[0]}/");

    private string ExitCode()
    {
        try
        {
            return _process is { HasExited: true } p ? $" with code {p.ExitCode}" : "";
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    private string State()
    {
        try
        {
            return _process is null ? "not started" : _process.HasExited ? $"exited with code {_process.ExitCode}" : $"running as pid {_process.Id}";
        }
        catch (InvalidOperationException)
        {
            return "state unknown";
        }
    }

    private void Note(string who, string text) => Append(who, "test: " + text, counted: false);

    private void Append(string who, string? line, bool counted = true)
    {
        if (line is null)
        {
            return;
        }
        if (counted)
        {
            Interlocked.Add(ref _outputBytes, Encoding.UTF8.GetByteCount(line) + 1);
        }
        lock (_gate)
        {
            if (_output.Length < KeptChars)
            {
                _output.Append('[').Append(who).Append("] ").AppendLine(line);
            }
        }
        Settings.OnLine?.Invoke(who, line);
    }
}
