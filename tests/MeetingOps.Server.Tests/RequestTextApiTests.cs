using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>
/// What is wrong with the request itself (its headers, its body, its query) is said as a phrase too, beside the English
/// detail: text:{code, args} on the problem and on each errors[] entry, the same words on every route, nothing changed.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class RequestTextApiTests(SharedServer shared)
{
    private const string Am = "2022-05-23-am";
    private const string FloorItem = "transfer-of-sentenced-persons";

    private readonly MeetingOpsApi _api = shared.Api;

    private static string Organizer => ServerProcess.TestOrganizerKey;

    private Task<ApiResponse> Send(HttpMethod method, string path, string? key, string? body = null,
        IReadOnlyDictionary<string, string>? headers = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return _api.SendAsync(request);
    }

    private static JsonNode Says(JsonNode problem, string code, params (string Name, string Value)[] args)
    {
        Assert.True(problem["text"] is not null, $"no text: {problem.ToJsonString()}");
        Assert.Equal(code, (string?)problem["text"]!["code"]);
        foreach (var (name, value) in args)
        {
            Assert.Equal(value, (string?)problem["text"]!["args"]![name]);
        }
        return problem;
    }

    private static JsonNode FirstError(JsonNode problem) => problem["errors"]!.AsArray()[0]!;

    /// <summary>Each route that takes the command headers, as (method, path under the meeting, which key, body).</summary>
    private static readonly Dictionary<string, (string Method, string Path, string Key, string? Body)> HeaderRoutes = new()
    {
        ["item"] = ("POST", "items/opening/open", "chair", null),
        ["session"] = ("POST", $"sessions/{Am}/start?confirm=offDay", "chair", null),
        ["undo"] = ("POST", "undo", "chair", null),
        ["extend"] = ("POST", $"sessions/{Am}/extend", "chair", """{"minutes": 10}"""),
        ["announce"] = ("POST", "announcements", "chair", """{"text": "Room change"}"""),
        ["withdraw"] = ("DELETE", "announcements/1", "chair", null),
        ["floor"] = ("POST", $"items/{FloorItem}/floor/close", "chair", null),
        ["delegationKey"] = ("POST", "delegations/brazil/key", "organizer", null),
        ["definition"] = ("PUT", "definition", "organizer", "{}"),
        ["format"] = ("PUT", "format", "chair", """{"format": "inPerson"}"""),
    };

    public static TheoryData<string, string> HeaderCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var route in HeaderRoutes.Keys)
        {
            foreach (var header in new[] { "idempotencyKey", "ifMatch", "actorName" })
            {
                cases.Add(route, header);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(HeaderCases))]
    public async Task A_malformed_command_header_is_refused_in_the_same_phrase_on_every_route_and_nothing_changes(string route, string header)
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var (method, path, who, body) = HeaderRoutes[route];
        var headers = new Dictionary<string, string>
        {
            // The definition route asks for If-Match before it reads the other headers: give it a good one there.
            ["If-Match"] = header == "ifMatch" ? "twelve" : "\"1\"",
        };
        if (header == "idempotencyKey")
        {
            headers["Idempotency-Key"] = new string('k', 201);
        }
        if (header == "actorName")
        {
            headers["X-Actor-Name"] = new string('n', 201);
        }
        var before = await _api.StateTextAsync(id);

        var problem = ApiAssert.Problem(
            await Send(new HttpMethod(method), $"/api/meetings/{id}/{path}", who == "chair" ? chair : Organizer, body, headers), HttpStatusCode.BadRequest);

        _ = header switch
        {
            "idempotencyKey" => Says(problem, "command.keyMalformed", ("count", "200")),
            "ifMatch" => Says(problem, "request.ifMatchShape", ("found", "twelve")),
            _ => Says(problem, "command.actorNameTooLong", ("count", "200")),
        };
        Assert.Equal(before, await _api.StateTextAsync(id));
    }

    [Theory]
    [InlineData("", "request.bodyEmpty")]
    [InlineData("null", "request.bodyNull")]
    [InlineData("{\"minutes\": ", "definition.jsonError")]
    public async Task A_command_body_that_is_not_json_of_its_shape_says_so_and_where(string body, string error)
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair);
        var before = await _api.StateTextAsync(id);

        foreach (var path in new[] { $"sessions/{Am}/extend", "announcements" })
        {
            var problem = ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/{path}", chair, body), HttpStatusCode.BadRequest);
            Says(problem, "request.bodyNotJson");
            Says(FirstError(problem), error);
        }
        Assert.Equal(before, await _api.StateTextAsync(id));
    }

    [Fact]
    public async Task An_extension_without_minutes_says_so_and_which_field()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var problem = ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/sessions/{Am}/extend", chair, "{}"), HttpStatusCode.BadRequest);

        Says(problem, "extension.minutesRequired");
        Assert.Equal("$.minutes", (string?)FirstError(problem)["path"]);
        Says(FirstError(problem), "definition.required");
    }

    [Fact]
    public async Task A_malformed_undo_body_says_why_and_nothing_is_undone()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair);
        var before = await _api.StateTextAsync(id);

        Says(ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/undo", chair, new string(' ', 2000)), HttpStatusCode.BadRequest),
            "request.tooLarge", ("limit", "1024"));
        var shape = ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/undo", chair, "[1]"), HttpStatusCode.BadRequest);
        Says(shape, "undo.bodyShape");
        Assert.NotNull(FirstError(shape)["text"]);
        Says(ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/undo", chair, """{"version": 0}"""), HttpStatusCode.BadRequest),
            "undo.versionPositive", ("found", "0"));
        Assert.Equal(before, await _api.StateTextAsync(id));
    }

    [Theory]
    [InlineData("items/opening/fly", "command.unknownAction", "action", "fly")]
    [InlineData("sessions/2022-05-23-am/adopt", "command.unknownAction", "action", "adopt")]
    [InlineData("sessions/2022-05-23-am/start?confirm=yes", "command.unknownConfirmation", "found", "yes")]
    public async Task An_unknown_action_or_confirmation_is_said_as_a_phrase(string command, string code, string arg, string value)
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var before = await _api.StateTextAsync(id);

        Says(ApiAssert.Problem(await _api.CommandAsync(id, command, chair), HttpStatusCode.BadRequest), code, (arg, value));
        Assert.Equal(before, await _api.StateTextAsync(id));
    }

    [Fact]
    public async Task The_records_query_words_and_an_unknown_meeting_or_body_are_said_as_phrases()
    {
        var (id, _, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        Says(ApiAssert.Problem(await _api.GetAsync($"/api/meetings/{id}/report?format=pdf"), HttpStatusCode.BadRequest), "report.format", ("format", "pdf"));
        Says(ApiAssert.Problem(await _api.GetAsync("/api/meetings/nosuchmeeting1/report"), HttpStatusCode.NotFound), "meeting.notFound", ("id", "nosuchmeeting1"));
        Says(ApiAssert.Problem(await _api.GetAsync($"/api/meetings/{id}/calendar.ics?lang=xx"), HttpStatusCode.BadRequest),
            "request.language", ("found", "xx"), ("languages", "ar,zh,en,fr,ru,es"));
        Says(ApiAssert.Problem(await _api.GetAsync("/api/meetings/nosuchmeeting1/calendar.ics"), HttpStatusCode.NotFound), "meeting.notFound", ("id", "nosuchmeeting1"));
        var body = ApiAssert.Problem(await _api.GetAsync($"/api/meetings/{id}/calendar.ics?body=nope"), HttpStatusCode.NotFound);
        Says(body, "meeting.noBody", ("body", "nope"));
        Assert.NotEmpty((string?)body["text"]!["args"]!["bodies"] ?? "");
        Says(ApiAssert.Problem(await _api.GetAsync("/api/meetings/nosuchmeeting1/follow-qr.svg"), HttpStatusCode.NotFound), "meeting.notFound", ("id", "nosuchmeeting1"));
        Says(ApiAssert.Problem(await _api.GetAsync("/follow/no%20such"), HttpStatusCode.NotFound), "meeting.notFound", ("id", "no such"));
    }

    [Fact]
    public async Task A_translation_in_no_translated_language_names_the_languages_in_its_error()
    {
        var (id, _, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var problem = ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/translations?lang=de", Organizer, "1. Eröffnung", contentType: "text/plain"),
            HttpStatusCode.BadRequest);

        Says(problem, "translation.languageUnknown", ("code", "de"));
        Assert.Equal("$.lang", (string?)FirstError(problem)["path"]);
        Says(FirstError(problem), "request.languageOneOf", ("languages", "ar,zh,fr,ru,es"));
    }

    [Fact]
    public async Task An_agenda_that_is_not_utf8_says_where_in_its_phrase()
    {
        var bytes = Encoding.UTF8.GetBytes("Provisional agenda\n1. Opening\nab").Concat(new byte[] { 0xFF }).ToArray();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings/import?dryRun=true") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Organizer);

        var problem = ApiAssert.Problem(await _api.SendAsync(request), HttpStatusCode.BadRequest);

        Says(problem, "request.notUtf8", ("offset", (bytes.Length).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("line", "3"), ("column", "3"), ("value", "0xFF"));
    }

    [Fact]
    public async Task A_command_body_declared_as_something_else_than_json_names_its_type_in_the_phrase()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var before = await _api.StateTextAsync(id);

        var problem = ApiAssert.Problem(await Send(HttpMethod.Post, $"/api/meetings/{id}/announcements", chair, "text=Room+change", contentType: "application/x-www-form-urlencoded"),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        Says(problem, "request.notJson", ("contentType", "application/x-www-form-urlencoded"));
        Assert.Equal(before, await _api.StateTextAsync(id));
    }
}
