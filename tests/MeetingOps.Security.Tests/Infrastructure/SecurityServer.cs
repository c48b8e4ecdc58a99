using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Security.Tests.Infrastructure;

/// <summary>
/// The security suite's server: the one launcher (<see cref="ServerLauncher"/>) as an operator runs it: Production
/// environment, the repo's own appsettings.json log levels (console), and the DEFAULT client limits (unlike the other
/// suites, nothing here raises them: the limits are what is under attack). The launcher counts its output byte by
/// byte, so a test can say how much log an attack made it write.
/// </summary>
public sealed class SecurityServer : IAsyncDisposable
{
    public const string OrganizerKey = "security-tests-organizer-key-0123456789";

    private readonly ServerLauncher _launcher;

    private SecurityServer(IReadOnlyDictionary<string, string>? variables)
    {
        _launcher = new(new ServerSettings
        {
            Environment = "Production",
            OrganizerKey = OrganizerKey,
            RaiseClientLimits = false,
            ShippedLogLevels = true,
            Variables = variables ?? new Dictionary<string, string>(),
        });
    }

    /// <summary>The server's data directory (meetingops.db and its marker).</summary>
    public string DataDirectory => _launcher.DataDirectory ?? throw new InvalidOperationException("The server has no data directory.");

    public Uri BaseAddress => _launcher.BaseAddress;

    /// <summary>The organizer's own client, from 127.0.0.1 (no attack in this suite comes from there).</summary>
    public HttpClient Http { get; private set; } = new();

    public int ProcessId => _launcher.ProcessId;

    /// <summary>Bytes the server has written to stdout and stderr so far (UTF-8, line ends included).</summary>
    public long OutputBytes => _launcher.OutputBytes;

    /// <summary>The first few MB the server wrote (for failure messages).</summary>
    public string Output => _launcher.Output;

    /// <summary>
    /// Starts a server on a fresh data directory. <paramref name="variables"/> adds settings on top of the shipped ones:
    /// a test whose subject is not the client limits (the storage cases, the memory scan) raises them here, through the
    /// same options an operator would set, so the limits do not decide its outcome.
    /// </summary>
    public static async Task<SecurityServer> StartAsync(IReadOnlyDictionary<string, string>? variables = null)
    {
        var server = new SecurityServer(variables);
        try
        {
            server._launcher.Start();
            server.Http = Loopback.Client(Loopback.Organizer, server.BaseAddress);
            await server._launcher.WaitReadyAsync(TimeSpan.FromSeconds(90));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the server as a power cut would (SIGKILL): no shutdown, no checkpoint.</summary>
    public Task KillHardAsync() => _launcher.KillHardAsync();

    /// <summary>Starts the killed server again on the same data directory and ports, without waiting for it to be ready.</summary>
    public void Relaunch() => _launcher.Start();

    /// <summary>Starts the server again (killing it first if it still runs) and waits until it is ready.</summary>
    public Task RestartAsync() => _launcher.RestartAsync();

    /// <summary>Waits (bounded) for a server that is expected to refuse to start; its exit code.</summary>
    public Task<int> WaitForExitAsync(TimeSpan timeout) => _launcher.WaitForExitAsync(timeout);

    /// <summary>What the server's diagnostic says of its memory (organizer key): after a forced full collection.</summary>
    public async Task<MemoryReading> MemoryAsync()
    {
        var answer = await SendAsync(Http, HttpMethod.Get, "/api/diagnostics/memory", OrganizerKey);
        Assert.True(answer.Status == 200, $"GET /api/diagnostics/memory: {answer}");
        var json = JsonNode.Parse(answer.Body)!;
        return new MemoryReading(json["managedBytes"]!.GetValue<long>(), json["workingSetBytes"]!.GetValue<long>(),
            json["meetingActivations"]!.GetValue<int>(), ResidentBytes());
    }

    /// <summary>The server's resident memory (VmRSS of /proc/&lt;pid&gt;/status), in bytes.</summary>
    public long ResidentBytes() => _launcher.ResidentBytes();

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
        // The answer as the shared wire record, as the CLI and the load tests read it.
        var created = JsonSerializer.Deserialize<CreatedMeeting>(body, MeetingOpsJson.Options)!;
        return (created.Id, created.ChairKey);
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

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _launcher.DisposeAsync();
    }
}

/// <summary>The server's memory: managed heap after a forced collection, working set, active meeting grains, and VmRSS read from /proc.</summary>
public sealed record MemoryReading(long ManagedBytes, long WorkingSetBytes, int MeetingActivations, long ResidentBytes)
{
    public override string ToString() =>
        $"managed {ManagedBytes / 1048576.0:N1} MB, working set {WorkingSetBytes / 1048576.0:N0} MB, resident {ResidentBytes / 1048576.0:N0} MB, {MeetingActivations} meeting activation(s)";
}

/// <summary>What the server answered: status, body, Retry-After, WWW-Authenticate, the content type and the headers.</summary>
public sealed record Answer(int Status, string Body, TimeSpan? RetryAfter, string WwwAuthenticate, string? ContentType,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A response header's value (several joined with ", "), or null.</summary>
    public string? Header(string name) => Headers is not null && Headers.TryGetValue(name, out var value) ? value : null;

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    public override string ToString() => $"{Status} {Body}";
}
