using MeetingOps.Tests.Shared;
using System.Diagnostics;
using System.Text;

namespace MeetingOps.Server.Tests.Infrastructure;

/// <summary>
/// The real MeetingOps server as a child process: <c>dotnet MeetingOps.Server.dll --urls http://127.0.0.1:port</c>
/// with its own data directory and loopback ports, its stdout/stderr captured. It can be killed hard (SIGKILL
/// on Linux) and restarted on the same data directory.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    /// <summary>The organizer key the servers are started with unless a test says otherwise (32 characters).</summary>
    public const string TestOrganizerKey = "test-organizer-key-0123456789abc";

    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly object _gate = new();
    private readonly StringBuilder _output = new();
    private readonly bool _ownsDataDirectory;
    private Process? _process;
    private HttpClient? _client;
    private int _generation;

    private readonly IReadOnlyDictionary<string, string> _extraEnvironment;
    private string _workingDirectory = RepoPaths.ServerProjectDirectory;

    private ServerProcess(string dataDirectory, bool ownsDataDirectory, string? organizerKey, IReadOnlyDictionary<string, string>? extraEnvironment)
    {
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        OrganizerKey = organizerKey;
        _extraEnvironment = extraEnvironment ?? new Dictionary<string, string>();
    }

    /// <summary>The data directory (absolute), kept across restarts.</summary>
    public string DataDirectory { get; }

    /// <summary>The organizer key given in the environment, or null when the server generates its own.</summary>
    public string? OrganizerKey { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public int HttpPort { get; private set; }

    /// <summary>A client for the current process (a restart makes a new one: the ports change).</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The server has not been started.");

    public Process Process => _process ?? throw new InvalidOperationException("The server has not been started.");

    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>Everything the server wrote to stdout and stderr, over all its runs.</summary>
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

    /// <summary>Starts a server on a fresh temporary data directory and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(string? organizerKey = TestOrganizerKey, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var server = Launch(organizerKey, extraEnvironment);
        try
        {
            await server.WaitReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts a server without waiting for it to be ready (for a server expected to refuse to start).
    /// <paramref name="organizerKey"/> null leaves MeetingOps__OrganizerKey unset; <paramref name="extraEnvironment"/>
    /// is set last, over the defaults.
    /// </summary>
    /// <paramref name="workingDirectory"/> is where the server is started from (the project folder unless given).
    public static ServerProcess Launch(
        string? organizerKey = TestOrganizerKey, IReadOnlyDictionary<string, string>? extraEnvironment = null, string? workingDirectory = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"meetingops-server-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        var server = new ServerProcess(dataDirectory, ownsDataDirectory: true, organizerKey, extraEnvironment)
        {
            _workingDirectory = workingDirectory ?? RepoPaths.ServerProjectDirectory,
        };
        server.StartProcess();
        return server;
    }

    /// <summary>Kills the whole process tree at once: SIGKILL on Linux, no shutdown, no flushing.</summary>
    public void KillHard()
    {
        var process = Process;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"The server (pid {process.Id}) did not die within 30 s of SIGKILL.");
        }
        process.WaitForExit(); // also drains the redirected output to its end
    }

    /// <summary>Kills the current process if it still runs, then starts a new one on the same data directory and waits until it is ready.</summary>
    public async Task RestartAsync()
    {
        if (!HasExited)
        {
            KillHard();
        }
        StartProcess();
        await WaitReadyAsync();
    }

    /// <summary>Kills the current process if it still runs and starts a new one on the same data directory, without waiting (for a start expected to be refused).</summary>
    public void Relaunch()
    {
        if (!HasExited)
        {
            KillHard();
        }
        StartProcess();
    }

    /// <summary>Polls GET /health/ready until it answers 200; fails with the captured output when the deadline passes or the process exits.</summary>
    public async Task WaitReadyAsync(TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? ReadyTimeout;
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        string last = "no answer yet";
        while (deadline.Elapsed < limit)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The server exited with code {Process.ExitCode} before it was ready.{Environment.NewLine}{Describe()}");
            }
            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(150); // bounded readiness polling
        }
        throw new TimeoutException(
            $"The server was not ready within {limit.TotalSeconds:0} s (last answer: {last}).{Environment.NewLine}{Describe()}");
    }

    /// <summary>Waits for the process to exit by itself; fails with the captured output if it does not within <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server did not exit within {timeout.TotalSeconds:0} s.{Environment.NewLine}{Describe()}");
        }
        return Process.ExitCode;
    }

    /// <summary>The command line, data directory and captured output, for failure messages.</summary>
    public string Describe() =>
        $"Server: dotnet {RepoPaths.ServerDll} --urls {BaseAddress} (data directory {DataDirectory}), {State()}{Environment.NewLine}" +
        $"--- server output ---{Environment.NewLine}{Output}--- end of server output ---";

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

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _client = null;
        await ChildProcesses.KillAsync(_process);
        _process = null;
        if (_ownsDataDirectory)
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

    private void StartProcess()
    {
        if (!File.Exists(RepoPaths.ServerDll))
        {
            throw new FileNotFoundException(
                $"The server build output {RepoPaths.ServerDll} does not exist; build src/MeetingOps.Server ({RepoPaths.Configuration}) first.",
                RepoPaths.ServerDll);
        }
        _process?.Dispose();
        _client?.Dispose();

        var ports = FreePorts.Take(3);
        HttpPort = ports[0];
        BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/");
        var generation = ++_generation;

        var start = new ProcessStartInfo(ChildProcesses.DotnetHost())
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.ArgumentList.Add(RepoPaths.ServerDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{HttpPort}");

        // Nothing MeetingOps- or URL-related leaks in from the environment of the test run.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MeetingOps", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("DOTNET_URLS", StringComparison.OrdinalIgnoreCase) ||
                name.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["MeetingOps__DataDirectory"] = DataDirectory;
        start.Environment["MeetingOps__SiloPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["MeetingOps__GatewayPort"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (OrganizerKey is not null)
        {
            start.Environment["MeetingOps__OrganizerKey"] = OrganizerKey;
        }
        foreach (var (name, value) in OneAddressLimits.Environment.Concat(_extraEnvironment))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(generation, "out", e.Data);
        process.ErrorDataReceived += (_, e) => Append(generation, "err", e.Data);
        Append(generation, "test", $"starting on {BaseAddress} (silo port {ports[1]}, gateway port {ports[2]})");
        if (!process.Start())
        {
            throw new InvalidOperationException("The server process did not start.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        _client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    private void Append(int generation, string stream, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_gate)
        {
            _output.Append('[').Append(generation).Append(' ').Append(stream).Append("] ").AppendLine(line);
        }
    }

}
