using System.Net.Http.Headers;
using System.Text;

namespace MeetingOps.Server.Tests.Infrastructure;

/// <summary>A response read whole: status, headers and body text (JSON parsed on demand).</summary>
public sealed record ApiResponse(HttpStatusCode Status, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    public string? ETag => Headers.ETag?.ToString();

    public string? MediaType => ContentHeaders.ContentType?.MediaType;

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public override string ToString() => $"{(int)Status} {Status}: {Body}";
}

/// <summary>
/// A meeting created for a test: the API's answer read as the shared wire record (<see cref="Contracts.CreatedMeeting"/>,
/// as the CLI and the load tests read it) and the whole 201 response.
/// </summary>
public sealed record CreatedMeeting(Contracts.CreatedMeeting Answer, ApiResponse Response)
{
    public string Id => Answer.Id;

    public string ChairKey => Answer.ChairKey;

    public JsonNode Snapshot => Response.Json["meeting"]!;

    public void Deconstruct(out string id, out string chairKey, out ApiResponse response) => (id, chairKey, response) = (Id, ChairKey, Response);
}

/// <summary>Options of one command request: the headers a chair's console sends.</summary>
public sealed record CommandOptions(
    string? IdempotencyKey = null,
    string? IfMatch = null,
    string? ActorName = null,
    bool NoAuthorization = false,
    string? Key = null);

/// <summary>The REST API of one server process, in the words of the tests.</summary>
public sealed class MeetingOpsApi(ServerProcess server)
{
    private HttpClient Http => server.Client;

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            return new ApiResponse(response.StatusCode, response.Headers, response.Content.Headers, body);
        }
    }

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            try
            {
                return await ReadAsync(await Http.SendAsync(request));
            }
            catch (HttpRequestException e)
            {
                // Most likely the server died: say so, with what it wrote.
                throw new HttpRequestException($"{request.Method} {request.RequestUri} failed: {e.Message}{Environment.NewLine}{server.Describe()}", e);
            }
        }
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>POST /api/meetings with any content and key (null: no Authorization header).</summary>
    public Task<ApiResponse> PostDefinitionAsync(HttpContent? content, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings") { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return SendAsync(request);
    }

    public static HttpContent JsonContent(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    public Task<ApiResponse> PostDefinitionAsync(string json, string? key) => PostDefinitionAsync(JsonContent(json), key);

    /// <summary>Creates a meeting from a sample with the organizer key; asserts the 201.</summary>
    public Task<CreatedMeeting> CreateAsync(string sampleFile, string? organizerKey = null) =>
        CreateFromJsonAsync(Samples.Text(sampleFile), organizerKey);

    public async Task<CreatedMeeting> CreateFromJsonAsync(string json, string? organizerKey = null)
    {
        var response = await PostDefinitionAsync(json, organizerKey ?? server.OrganizerKey ?? ServerProcess.TestOrganizerKey);
        Assert.True(response.Status == HttpStatusCode.Created, $"Creating a meeting: expected 201, got {response}");
        var answer = System.Text.Json.JsonSerializer.Deserialize<Contracts.CreatedMeeting>(response.Body, Domain.MeetingOpsJson.Options);
        Assert.NotNull(answer);
        return new CreatedMeeting(answer, response);
    }

    /// <summary>
    /// POST /api/meetings/{id}/{command}, e.g. command "items/opening/open" or "sessions/2022-05-23-am/start?confirm=offDay";
    /// the chair key unless <see cref="CommandOptions"/> says otherwise.
    /// </summary>
    public Task<ApiResponse> CommandAsync(string meetingId, string command, string? chairKey, CommandOptions? options = null)
    {
        options ??= new CommandOptions();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meetingId}/{command}");
        var key = options.Key ?? chairKey;
        if (!options.NoAuthorization && key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        if (options.IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", options.IdempotencyKey);
        }
        if (options.IfMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", options.IfMatch);
        }
        if (options.ActorName is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Actor-Name", options.ActorName);
        }
        return SendAsync(request);
    }

    /// <summary>A command that must succeed: asserts 200, the ETag and returns the snapshot.</summary>
    public async Task<JsonNode> OkAsync(string meetingId, string command, string chairKey, CommandOptions? options = null)
    {
        var response = await CommandAsync(meetingId, command, chairKey, options);
        Assert.True(response.Status == HttpStatusCode.OK, $"{command}: expected 200, got {response}");
        Assert.Equal("application/json", response.MediaType);
        var snapshot = response.Json;
        Assert.Equal($"\"{(long)snapshot["version"]!}\"", response.ETag);
        return snapshot;
    }

    public Task<ApiResponse> GetMeetingAsync(string id) => GetAsync($"/api/meetings/{id}");

    public Task<ApiResponse> GetLogAsync(string id, long? after = null) =>
        GetAsync(after is null ? $"/api/meetings/{id}/log" : $"/api/meetings/{id}/log?after={after}");

    public async Task<string> ListTextAsync()
    {
        var list = await GetAsync("/api/meetings");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        return list.Body;
    }

    /// <summary>The snapshot and log texts (and ETag) exactly as the server sends them.</summary>
    public async Task<(string Snapshot, string? ETag, string Log)> StateTextAsync(string id)
    {
        var snapshot = await GetMeetingAsync(id);
        Assert.Equal(HttpStatusCode.OK, snapshot.Status);
        var log = await GetLogAsync(id);
        Assert.Equal(HttpStatusCode.OK, log.Status);
        return (snapshot.Body, snapshot.ETag, log.Body);
    }
}

/// <summary>Assertions shared by the tests.</summary>
public static class ApiAssert
{
    /// <summary>An application/problem+json answer with the given status (in the header and in the body); returns the problem.</summary>
    public static JsonNode Problem(ApiResponse response, HttpStatusCode status, string? typeSuffix = null)
    {
        Assert.True(response.Status == status, $"Expected {(int)status} {status}, got {response}");
        Assert.Equal("application/problem+json", response.MediaType);
        var problem = response.Json;
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), $"problem without title: {response.Body}");
        if (typeSuffix is not null)
        {
            Assert.Equal($"urn:meetingops:problem:{typeSuffix}", (string?)problem["type"]);
        }
        return problem;
    }

    /// <summary>The errors[] of a definition problem: each with a path and a message.</summary>
    public static List<(string Path, string Message)> Errors(JsonNode problem)
    {
        var errors = problem["errors"] as JsonArray;
        Assert.True(errors is { Count: > 0 }, $"Expected errors[] in {problem.ToJsonString()}");
        return errors!.Select(e =>
        {
            var path = (string?)e!["path"];
            var message = (string?)e["message"];
            Assert.False(string.IsNullOrWhiteSpace(path), $"error without path: {e.ToJsonString()}");
            Assert.False(string.IsNullOrWhiteSpace(message), $"error without message: {e.ToJsonString()}");
            return (path!, message!);
        }).ToList();
    }

    public static JsonObject Item(JsonNode snapshot, string itemId) =>
        snapshot["items"]!.AsArray().Single(i => (string?)i!["id"] == itemId)!.AsObject();

    public static JsonObject Session(JsonNode snapshot, string sessionId) =>
        snapshot["sessions"]!.AsArray().Single(s => (string?)s!["id"] == sessionId)!.AsObject();
}
