using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Live.Tests.Infrastructure;

/// <summary>
/// The real MeetingOps server as a child process (<c>dotnet MeetingOps.Server.dll --urls http://127.0.0.1:port</c>,
/// working directory the server project, so its wwwroot is served), on a fresh data directory and free loopback ports.
/// </summary>
public sealed class LiveServer : IAsyncDisposable
{
    public const string OrganizerKey = "live-tests-organizer-key-0123456789";

    private readonly StringBuilder _output = new();
    private readonly Lock _gate = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"meetingops-live-tests-{Guid.NewGuid():N}");
    private Process? _process;
    private int[]? _ports;
    private IReadOnlyDictionary<string, string> _environment = new Dictionary<string, string>();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public HttpClient Http { get; private set; } = new();

    public static string Configuration { get; } =
        typeof(LiveServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string ServerProjectDirectory => Path.Combine(RepoFiles.Root, "src", "MeetingOps.Server");

    public static string ServerDll => Path.Combine(ServerProjectDirectory, "bin", Configuration, "net10.0", "MeetingOps.Server.dll");

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

    public static async Task<LiveServer> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = new LiveServer();
        try
        {
            server.Start(environment ?? new Dictionary<string, string>());
            await server.WaitReadyAsync(TimeSpan.FromSeconds(60));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a server expected to refuse to start; returns its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        await using var server = new LiveServer();
        server.Start(environment);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await server._process!.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The server did not exit within {timeout.TotalSeconds:0} s.\n{server.Output}");
        }
        server._process.WaitForExit(); // drains the redirected output
        return (server._process.ExitCode, server.Output);
    }

    private void Start(IReadOnlyDictionary<string, string> environment)
    {
        if (!File.Exists(ServerDll))
        {
            throw new FileNotFoundException($"The server build output {ServerDll} does not exist; build src/MeetingOps.Server first.", ServerDll);
        }
        Directory.CreateDirectory(_dataDirectory);
        _environment = environment;
        var ports = _ports ??= FreePorts.Take(3);
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
        foreach (var name in start.Environment.Keys.Where(n =>
                     n.StartsWith("MeetingOps", StringComparison.OrdinalIgnoreCase) || n.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) ||
                     n.Equals("DOTNET_URLS", StringComparison.OrdinalIgnoreCase) || n.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["MeetingOps__DataDirectory"] = _dataDirectory;
        start.Environment["MeetingOps__OrganizerKey"] = OrganizerKey;
        start.Environment["MeetingOps__SiloPort"] = ports[1].ToString(CultureInfo.InvariantCulture);
        start.Environment["MeetingOps__GatewayPort"] = ports[2].ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in OneAddressLimits.Environment.Concat(environment))
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
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
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

    /// <summary>Creates a meeting from one of the repo's samples; returns its id and chair key.</summary>
    public Task<(string Id, string ChairKey)> CreateMeetingAsync(string sample = RepoFiles.Vienna2022) =>
        CreateMeetingFromJsonAsync(RepoFiles.Sample(sample));

    /// <summary>The 2022 sample with its first sitting (Monday morning) held hybrid, so it is capped at 120 minutes.</summary>
    public Task<(string Id, string ChairKey)> CreateHybridMeetingAsync()
    {
        var definition = JsonNode.Parse(RepoFiles.Sample(RepoFiles.Vienna2022))!;
        definition["sessions"]![0]!["format"] = "hybrid";
        return CreateMeetingFromJsonAsync(definition.ToJsonString());
    }

    /// <summary>
    /// The 2022 sample moved in time so that its first day is today at the venue, with the first sitting hybrid
    /// (capped) unless said otherwise: what a chair sees on the morning of a meeting, forecast included. Its Monday
    /// sittings start from the console without the confirmation a sitting of another day needs.
    /// </summary>
    public Task<(string Id, string ChairKey)> CreateMeetingStartingTodayAsync(bool hybridFirstSitting = true)
    {
        var definition = TodayDefinition();
        if (hybridFirstSitting)
        {
            definition["sessions"]![0]!["format"] = "hybrid";
        }
        return CreateMeetingFromJsonAsync(definition.ToJsonString());
    }

    /// <summary>The 2022 sample's definition moved in time so that its first day is today at the venue.</summary>
    public static JsonNode TodayDefinition()
    {
        var definition = JsonNode.Parse(RepoFiles.Sample(RepoFiles.Vienna2022))!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(definition["timeZone"]!.GetValue<string>());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var shift = today.DayNumber - DateOnly.Parse(definition["startDate"]!.GetValue<string>(), CultureInfo.InvariantCulture).DayNumber;
        string Day(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture).AddDays(shift).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Time(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture).AddDays(shift).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        definition["startDate"] = Day(definition["startDate"]!.GetValue<string>());
        definition["endDate"] = Day(definition["endDate"]!.GetValue<string>());
        foreach (var session in definition["sessions"]!.AsArray())
        {
            session!["start"] = Time(session["start"]!.GetValue<string>());
            session["end"] = Time(session["end"]!.GetValue<string>());
        }
        return definition;
    }

    public async Task<(string Id, string ChairKey)> CreateMeetingFromJsonAsync(string json)
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

    /// <summary>A chair command over the REST API (for changes made while a page is offline); asserts 200 and returns the new version.</summary>
    public async Task<long> CommandAsync(string meetingId, string chairKey, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meetingId}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chairKey);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["version"]!.GetValue<long>();
    }

    /// <summary>The meeting's snapshot over REST, as JSON.</summary>
    public async Task<JsonNode> SnapshotAsync(string meetingId) =>
        JsonNode.Parse(await Http.GetStringAsync(new Uri($"/api/meetings/{meetingId}", UriKind.Relative)))!;

    /// <summary>The meeting's audit log over REST.</summary>
    public async Task<JsonArray> LogAsync(string meetingId) =>
        JsonNode.Parse(await Http.GetStringAsync(new Uri($"/api/meetings/{meetingId}/log", UriKind.Relative)))!.AsArray();

    public static JsonSerializerOptions Json { get; } = MeetingOps.Domain.MeetingOpsJson.Options;

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_gate)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>The server process's id (to kill it as an operator would).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The server is not started.");

    /// <summary>Kills the server process at once (<c>kill -9</c>): no shutdown, no goodbye to its connections.</summary>
    public async Task KillAsync()
    {
        using (var kill = Process.Start("kill", ["-9", ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        await _process!.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the server again on the same ports and the same data directory (after <see cref="KillAsync"/>).</summary>
    public async Task RestartAsync()
    {
        Http.Dispose();
        Start(_environment);
        await WaitReadyAsync(TimeSpan.FromSeconds(60));
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
