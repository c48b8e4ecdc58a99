using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
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

    private readonly ServerLauncher _launcher = new(new ServerSettings
    {
        Environment = "Production",
        OrganizerKey = OrganizerKey,
        RaiseClientLimits = false,
        ShippedLogLevels = true,
    });

    private SecurityServer()
    {
    }

    public Uri BaseAddress => _launcher.BaseAddress;

    /// <summary>The organizer's own client, from 127.0.0.1 (no attack in this suite comes from there).</summary>
    public HttpClient Http { get; private set; } = new();

    public int ProcessId => _launcher.ProcessId;

    /// <summary>Bytes the server has written to stdout and stderr so far (UTF-8, line ends included).</summary>
    public long OutputBytes => _launcher.OutputBytes;

    /// <summary>The first few MB the server wrote (for failure messages).</summary>
    public string Output => _launcher.Output;

    public static async Task<SecurityServer> StartAsync()
    {
        var server = new SecurityServer();
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
            response.Headers.RetryAfter?.Delta, response.Headers.WwwAuthenticate.ToString(), response.Content.Headers.ContentType?.MediaType);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _launcher.DisposeAsync();
    }
}

/// <summary>What the server answered: status, body, Retry-After, WWW-Authenticate and the content type.</summary>
public sealed record Answer(int Status, string Body, TimeSpan? RetryAfter, string WwwAuthenticate, string? ContentType)
{
    public override string ToString() => $"{Status} {Body}";
}
