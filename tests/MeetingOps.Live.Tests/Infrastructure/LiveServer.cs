using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Live.Tests.Infrastructure;

/// <summary>
/// The live suite's server: the one launcher (<see cref="ServerLauncher"/>) in the Development environment with the
/// client limits raised, keeping its loopback ports across restarts so open pages reconnect to the same address.
/// </summary>
public sealed class LiveServer : IAsyncDisposable
{
    public const string OrganizerKey = "live-tests-organizer-key-0123456789";

    private readonly ServerLauncher _launcher;

    private LiveServer(IReadOnlyDictionary<string, string>? environment) =>
        _launcher = new ServerLauncher(new ServerSettings { OrganizerKey = OrganizerKey, Variables = environment ?? new Dictionary<string, string>() });

    public Uri BaseAddress => _launcher.BaseAddress;

    public HttpClient Http { get; private set; } = new();

    public string Output => _launcher.Output;

    public static async Task<LiveServer> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var server = new LiveServer(environment);
        try
        {
            server.Start();
            await server._launcher.WaitReadyAsync(TimeSpan.FromSeconds(60));
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
        await using var server = new LiveServer(environment);
        server.Start();
        var exitCode = await server._launcher.WaitForExitAsync(timeout);
        return (exitCode, server.Output);
    }

    private void Start()
    {
        _launcher.Start();
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
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
        // The answer as the shared wire record, as the CLI and the load tests read it.
        var created = JsonSerializer.Deserialize<CreatedMeeting>(body, MeetingOpsJson.Options)!;
        return (created.Id, created.ChairKey);
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

    /// <summary>The server process's id (to kill it as an operator would).</summary>
    public int ProcessId => _launcher.ProcessId;

    /// <summary>Kills the server process at once (<c>kill -9</c>): no shutdown, no goodbye to its connections.</summary>
    public Task KillAsync() => _launcher.KillHardAsync();

    /// <summary>Starts the server again on the same ports and the same data directory (after <see cref="KillAsync"/>).</summary>
    public async Task RestartAsync()
    {
        Http.Dispose();
        Start();
        await _launcher.WaitReadyAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _launcher.DisposeAsync();
    }
}
