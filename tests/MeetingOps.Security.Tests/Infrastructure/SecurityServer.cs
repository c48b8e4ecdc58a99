using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Security.Tests.Infrastructure;

/// <summary>
/// The real MeetingOps server as a child process, as an operator runs it: Production environment, the repo's own
/// appsettings.json log levels (console), and the DEFAULT client limits (unlike the other suites, nothing here raises
/// them: the limits are what is under attack). Its stdout and stderr are counted byte by byte, so a test can say how
/// much log an attack made it write. A fresh data directory and free loopback ports per server.
/// </summary>
public sealed class SecurityServer : IAsyncDisposable
{
    public const string OrganizerKey = "security-tests-organizer-key-0123456789";

    /// <summary>Text kept for failure messages; the byte count goes on beyond it (a flood must not fill the test's memory either).</summary>
    private const int KeptChars = 256 * 1024;

    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"meetingops-security-tests-{Guid.NewGuid():N}");
    private readonly IReadOnlyDictionary<string, string> _environment;
    private long _outputBytes;
    private Process? _process;
    private int[] _ports = [];

    private SecurityServer(IReadOnlyDictionary<string, string>? environment)
    {
        _environment = environment ?? new Dictionary<string, string>();
    }

    /// <summary>The server's data directory (meetingops.db and its marker).</summary>
    public string DataDirectory => _dataDirectory;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The organizer's own client, from 127.0.0.1 (no attack in this suite comes from there).</summary>
    public HttpClient Http { get; private set; } = new();

    public static string Configuration { get; } =
        typeof(SecurityServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string ServerProjectDirectory => Path.Combine(RepoFiles.Root, "src", "MeetingOps.Server");

    public static string ServerDll => Path.Combine(ServerProjectDirectory, "bin", Configuration, "net10.0", "MeetingOps.Server.dll");

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>Bytes the server has written to stdout and stderr so far (UTF-8, line ends included).</summary>
    public long OutputBytes => Interlocked.Read(ref _outputBytes);

    /// <summary>The first <see cref="KeptChars"/> characters the server wrote (for failure messages).</summary>
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

    /// <summary>
    /// Starts a server on a fresh data directory. <paramref name="environment"/> adds settings on top of the shipped ones:
    /// a test whose subject is not the client limits (the storage cases, the memory scan) raises them here, through the
    /// same options an operator would set, so the limits do not decide its outcome.
    /// </summary>
    public static async Task<SecurityServer> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = new SecurityServer(environment);
        try
        {
            server.Start();
            await server.WaitReadyAsync(TimeSpan.FromSeconds(90));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private void Start()
    {
        if (!File.Exists(ServerDll))
        {
            throw new FileNotFoundException($"The server build output {ServerDll} does not exist; build src/MeetingOps.Server first.", ServerDll);
        }
        Directory.CreateDirectory(_dataDirectory);
        _ports = FreePorts.Take(3);
        Launch();
        Http = Loopback.Client(Loopback.Organizer, BaseAddress);
    }

    /// <summary>Starts the server process (again) on the same data directory and ports.</summary>
    private void Launch()
    {
        var ports = _ports;
        BaseAddress = new Uri($"http://127.0.0.1:{ports[0]}/");
        var start = new ProcessStartInfo(ChildProcesses.DotnetHost())
        {
            WorkingDirectory = ServerProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServerDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{ports[0]}");
        // Nothing of the test runner's own settings may leak in: the limits and log levels must be the shipped ones.
        foreach (var name in start.Environment.Keys.Where(n =>
                     n.StartsWith("MeetingOps", StringComparison.OrdinalIgnoreCase) || n.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ||
                     n.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase) ||
                     n.Equals("DOTNET_URLS", StringComparison.OrdinalIgnoreCase) || n.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["MeetingOps__DataDirectory"] = _dataDirectory;
        start.Environment["MeetingOps__OrganizerKey"] = OrganizerKey;
        start.Environment["MeetingOps__SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture);
        start.Environment["MeetingOps__GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>Kills the server as a power cut would (SIGKILL): no shutdown, no checkpoint.</summary>
    public async Task KillHardAsync()
    {
        await ChildProcesses.KillAsync(_process);
        _process = null;
    }

    /// <summary>Starts the killed server again on the same data directory, without waiting for it to be ready.</summary>
    public void Relaunch()
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("The server is still running; kill it first.");
        }
        Launch();
    }

    /// <summary>Starts the killed server again and waits until it is ready.</summary>
    public async Task RestartAsync()
    {
        Relaunch();
        await WaitReadyAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>Waits (bounded) for a server that is expected to refuse to start; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("The server is not started.");
        await process.WaitForExitAsync().WaitAsync(timeout);
        return process.ExitCode;
    }

    /// <summary>What the server's diagnostic says of its memory (organizer key): after a forced full collection.</summary>
    public async Task<MemoryReading> MemoryAsync()
    {
        var answer = await SendAsync(Http, HttpMethod.Get, "/api/diagnostics/memory", OrganizerKey);
        Assert.True(answer.Status == 200, $"GET /api/diagnostics/memory: {answer}");
        var json = JsonNode.Parse(answer.Body)!;
        return new MemoryReading(json["managedBytes"]!.GetValue<long>(), json["workingSetBytes"]!.GetValue<long>(),
            json["meetingActivations"]!.GetValue<int>(), ResidentBytes());
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < timeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was ready.\n{Output}");
            }
            try
            {
                using var response = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100); // bounded readiness polling of a process we do not control
        }
        throw new TimeoutException($"The server was not ready within {timeout.TotalSeconds:0} s.\n{Output}");
    }

    /// <summary>The server's resident memory (VmRSS of /proc/&lt;pid&gt;/status), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kilobytes * 1024;
            }
        }
        throw new InvalidOperationException($"/proc/{ProcessId}/status has no VmRSS line.");
    }

    /// <summary>Creates a meeting from a definition (organizer key); returns its id and chair key.</summary>
    public async Task<(string Id, string ChairKey)> CreateMeetingAsync(string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OrganizerKey);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating the meeting answered {(int)response.StatusCode}: {body}");
        var created = JsonNode.Parse(body)!;
        return (created["id"]!.GetValue<string>(), created["chairKey"]!.GetValue<string>());
    }

    /// <summary>Sends a request with a bearer key (or none) and returns status, headers and body.</summary>
    public static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string path, string? key, string? json = null,
        IReadOnlyDictionary<string, string>? headers = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await client.SendAsync(request);
        return new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync(),
            response.Headers.RetryAfter?.Delta, response.Headers.WwwAuthenticate.ToString(), response.Content.Headers.ContentType?.MediaType,
            response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        Interlocked.Add(ref _outputBytes, Encoding.UTF8.GetByteCount(line) + 1);
        lock (_gate)
        {
            if (_output.Length < KeptChars)
            {
                _output.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await ChildProcesses.KillAsync(_process);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a temp folder left behind is harmless
        }
    }
}

/// <summary>The server's memory: managed heap after a forced collection, working set, active meeting grains, and VmRSS read from /proc.</summary>
public sealed record MemoryReading(long ManagedBytes, long WorkingSetBytes, int MeetingActivations, long ResidentBytes)
{
    public override string ToString() =>
        $"managed {ManagedBytes / 1048576.0:N1} MB, working set {WorkingSetBytes / 1048576.0:N0} MB, resident {ResidentBytes / 1048576.0:N0} MB, {MeetingActivations} meeting activation(s)";
}

/// <summary>What the server answered: status, body, Retry-After, WWW-Authenticate and the content type.</summary>
public sealed record Answer(int Status, string Body, TimeSpan? RetryAfter, string WwwAuthenticate, string? ContentType,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A response header's value (several joined with ", "), or null.</summary>
    public string? Header(string name) => Headers is not null && Headers.TryGetValue(name, out var value) ? value : null;

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    public override string ToString() => $"{Status} {Body}";
}
