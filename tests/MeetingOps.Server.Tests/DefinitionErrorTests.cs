using System.Text;
using MeetingOps.Domain;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>
/// Bad meeting definitions: 400 problem+json with errors [{path, message}] (413 when too large), and nothing created.
/// Every broken definition is a sample from samples/ broken in one place.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class DefinitionErrorTests(SharedServer shared)
{
    private const int MaxBytes = 1024 * 1024;

    private readonly MeetingOpsApi _api = shared.Api;

    public static TheoryData<string> BrokenDefinitions => new(Cases.Keys);

    /// <summary>Each case: the definition text, and the path and words of the problem it must report.</summary>
    private static readonly Dictionary<string, (Func<string> Json, string Path, string[] Words)> Cases = new()
    {
        ["wrong type: title is a number"] = (() => Break(d => d["title"] = 5), "$.title", []),
        ["wrong type: startDate is not a date"] = (() => Break(d => d["startDate"] = "23 May 2022"), "$.startDate", []),
        ["wrong type: bodies is a string"] = (() => Break(d => d["bodies"] = "wg3"), "$.bodies", []),
        ["wrong type: session start is a number"] = (() => Break(d => d["sessions"]![0]!["start"] = 1000), "$.sessions[0].start", []),
        ["unknown enum value: item kind"] = (() => Break(d => d["items"]![1]!["kind"] = "ceremony"), "$.items[1].kind", []),
        ["unknown property at the top"] = (() => Break(d => d["colour"] = "blue"), "$.colour", ["colour"]),
        ["unknown property in an item"] = (() => Break(d => d["items"]![1]!["priority"] = 1), "$.items[1].priority", ["priority"]),
        ["missing required property: title"] = (() => Break(d => d.Remove("title")), "$", ["title"]),
        ["unknown body in an item's numbers"] = (() => Break(d => d["items"]![1]!["numbers"] = new JsonObject { ["wg9"] = "2" }),
            "$.items[1].numbers.wg9", ["Unknown body", "wg9"]),
        ["unknown item planned in a session"] = (() => Break(d => d["sessions"]![0]!["items"]!.AsArray().Add(new JsonObject { ["item"] = "no-such-item" })),
            "$.sessions[0].items[3].item", ["Unknown item", "no-such-item"]),
        ["joint item planned where only one body sits"] = (() => Break(d => d["sessions"]![1]!["items"]!.AsArray().Add(new JsonObject { ["item"] = "application-of-the-organized-crime-convention" })),
            "$.sessions[1].items[1].item", ["application-of-the-organized-crime-convention", "joint item", "missing: wg2"]),
        ["session ends before it starts"] = (() => Break(d => d["sessions"]![0]!["end"] = "2022-05-23T09:00"), "$.sessions[0].end", ["before it starts"]),
        ["meeting ends before it starts"] = (() => Break(d => d["endDate"] = "2022-05-22"), "$.endDate", ["before it starts"]),
        ["bad time zone"] = (() => Break(d => d["timeZone"] = "Mars/Olympus_Mons"), "$.timeZone", ["Mars/Olympus_Mons"]),
        ["session time with an offset"] = (() => Break(d => d["sessions"]![0]!["start"] = "2022-05-23T10:00Z"), "$.sessions[0].start", ["local time"]),
        ["duplicate item id"] = (() => Break(d => d["items"]![2]!["id"] = "transfer-of-sentenced-persons"), "$.items[2].id", ["used twice"]),
        ["no bodies"] = (() => Break(d => d["bodies"] = new JsonArray()), "$.bodies", ["At least one body"]),
        ["unknown language code in an item's titles"] = (() => Break(d => d["items"]![1]!["titles"] = new JsonObject { ["de"] = "Titel" }),
            "$.items[1].titles.de", ["not an official language code"]),
        ["English given again in a body's names"] = (() => Break(d => d["bodies"]![0]!["names"] = new JsonObject { ["en"] = "Working Group" }),
            "$.bodies[0].names.en", ["English text is the title or name itself"]),
        ["JSON null"] = (() => "null", "$", ["null"]),
        ["a JSON array, not an object"] = (() => "[]", "$", []),
    };

    [Theory]
    [MemberData(nameof(BrokenDefinitions))]
    public async Task A_broken_definition_is_400_with_the_path_and_message_and_creates_nothing(string name)
    {
        var (json, path, words) = Cases[name];
        var before = await _api.ListTextAsync();

        var response = await _api.PostDefinitionAsync(json(), ServerProcess.TestOrganizerKey);

        var problem = ApiAssert.Problem(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]));
        var errors = ApiAssert.Errors(problem);
        var match = errors.Where(e => e.Path == path).ToList();
        Assert.True(match.Count > 0, $"{name}: no error at {path} in {response.Body}");
        foreach (var word in words)
        {
            Assert.True(match.Any(e => e.Message.Contains(word, StringComparison.Ordinal)), $"{name}: no error at {path} says \"{word}\": {response.Body}");
        }
        Assert.Null(response.Headers.Location);
        Assert.Equal(before, await _api.ListTextAsync());
    }

    [Fact]
    public async Task Every_error_of_a_broken_definition_carries_its_phrase_code_for_the_pages()
    {
        foreach (var (name, (json, path, _)) in Cases)
        {
            var response = await _api.PostDefinitionAsync(json(), ServerProcess.TestOrganizerKey);

            var problem = ApiAssert.Problem(response, HttpStatusCode.BadRequest, "bad-request");
            var errors = (JsonArray)problem["errors"]!;
            Assert.True(errors.Count > 0, $"{name}: {response.Body}");
            foreach (var error in errors)
            {
                // Each error says its message as a phrase the catalogues know, beside the English message.
                var code = (string?)error!["text"]?["code"];
                Assert.True(code is not null && ServerPhrases.All.Any(p => p.Code == code), $"{name}: error without a known phrase code: {error.ToJsonString()}");
                Assert.IsType<JsonObject>(error["text"]!["args"]);
            }
            // The refusal itself is a phrase too: the definition has problems (with their count), or it is not JSON of the shape.
            Assert.Contains((string?)problem["text"]?["code"], new[] { "meeting.definitionHasProblems", "definition.notJson" });
        }

        var joint = await _api.PostDefinitionAsync(Cases["joint item planned where only one body sits"].Json(), ServerProcess.TestOrganizerKey);
        var said = ApiAssert.Problem(joint, HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal(("meeting.definitionHasProblems", "1"), ((string?)said["text"]!["code"], (string?)said["text"]!["args"]!["count"]));
        var text = ((JsonArray)said["errors"]!).Single()!["text"]!;
        Assert.Equal("definition.jointItemSitting", (string?)text["code"]);
        Assert.Equal(("application-of-the-organized-crime-convention", "wg3,wg2", "wg2"),
            ((string?)text["args"]!["id"], (string?)text["args"]!["bodies"], (string?)text["args"]!["missing"]));
    }

    [Fact]
    public async Task Invalid_JSON_is_400_with_line_and_byte()
    {
        var before = await _api.ListTextAsync();
        var sample = Samples.Text(Samples.Wg3_2021);
        // Break the second line: "title": "…", becomes "title": ,
        var lines = sample.Split('\n');
        Assert.StartsWith("  \"title\":", lines[1], StringComparison.Ordinal);
        lines[1] = "  \"title\": ,";
        var broken = string.Join('\n', lines);

        var response = await _api.PostDefinitionAsync(broken, ServerProcess.TestOrganizerKey);

        var problem = ApiAssert.Problem(response, HttpStatusCode.BadRequest, "bad-request");
        var error = Assert.Single(ApiAssert.Errors(problem));
        Assert.Equal("$.title", error.Path);
        Assert.Matches(@"\(line 2, byte \d+\)", error.Message);
        Assert.Equal(before, await _api.ListTextAsync());
    }

    [Fact]
    public async Task Truncated_JSON_is_400_with_line_and_byte()
    {
        var before = await _api.ListTextAsync();
        var sample = Samples.Text(Samples.Wg2Wg3_2022);

        var response = await _api.PostDefinitionAsync(sample[..(sample.Length / 2)], ServerProcess.TestOrganizerKey);

        var error = Assert.Single(ApiAssert.Errors(ApiAssert.Problem(response, HttpStatusCode.BadRequest, "bad-request")));
        Assert.Matches(@"\(line \d+, byte \d+\)", error.Message);
        Assert.Equal(before, await _api.ListTextAsync());
    }

    [Fact]
    public async Task Every_problem_of_a_definition_is_reported_at_once()
    {
        var before = await _api.ListTextAsync();
        var broken = Break(d =>
        {
            d["timeZone"] = "Nowhere/Special";
            d["items"]![1]!["numbers"] = new JsonObject { ["wg9"] = "2" };
            d["sessions"]![0]!["items"]!.AsArray().Add(new JsonObject { ["item"] = "no-such-item" });
        });

        var response = await _api.PostDefinitionAsync(broken, ServerProcess.TestOrganizerKey);

        var problem = ApiAssert.Problem(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.Contains("nothing was created", (string?)problem["detail"], StringComparison.Ordinal);
        var paths = ApiAssert.Errors(problem).Select(e => e.Path).ToList();
        Assert.Contains("$.timeZone", paths);
        Assert.Contains("$.items[1].numbers.wg9", paths);
        Assert.Equal(before, await _api.ListTextAsync());
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        var before = await _api.ListTextAsync();
        var content = new ByteArrayContent([]);
        content.Headers.ContentType = new("application/json");

        var response = await _api.PostDefinitionAsync(content, ServerProcess.TestOrganizerKey);

        var error = Assert.Single(ApiAssert.Errors(ApiAssert.Problem(response, HttpStatusCode.BadRequest, "bad-request")));
        Assert.Equal("$", error.Path);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _api.ListTextAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_definition_that_is_not_sent_as_JSON_is_400_and_creates_nothing(string mediaType)
    {
        var before = await _api.ListTextAsync();
        var content = new StringContent(Samples.Text(Samples.Wg3_2021), Encoding.UTF8, mediaType);

        var response = await _api.PostDefinitionAsync(content, ServerProcess.TestOrganizerKey);

        Assert.Equal(before, await _api.ListTextAsync());
        // The handler says what to send instead: "Send the meeting definition as application/json, not …".
        var problem = ApiAssert.Problem(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.Contains("application/json", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_definition_of_exactly_1_MiB_is_accepted()
    {
        var json = Pad(Samples.Text(Samples.Wg3_2021), MaxBytes);
        Assert.Equal(MaxBytes, Encoding.UTF8.GetByteCount(json));

        var created = await _api.CreateFromJsonAsync(json);

        Assert.Equal(HttpStatusCode.Created, created.Response.Status);
        var get = await _api.GetMeetingAsync(created.Id);
        Assert.Equal(HttpStatusCode.OK, get.Status);
    }

    [Fact]
    public async Task A_definition_over_1_MiB_is_413_and_creates_nothing()
    {
        var before = await _api.ListTextAsync();
        var json = Pad(Samples.Text(Samples.Wg3_2021), MaxBytes + 1);

        var response = await _api.PostDefinitionAsync(json, ServerProcess.TestOrganizerKey);

        var problem = ApiAssert.Problem(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Contains("1,048,576", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal("request.tooLarge", (string?)problem["text"]?["code"]);
        Assert.Equal("1048576", (string?)problem["text"]?["args"]?["limit"]);
        Assert.Equal(before, await _api.ListTextAsync());
    }

    [Fact]
    public async Task A_chunked_definition_over_1_MiB_without_Content_Length_is_413_and_creates_nothing()
    {
        var before = await _api.ListTextAsync();
        var bytes = Encoding.UTF8.GetBytes(Pad(Samples.Text(Samples.Wg3_2021), MaxBytes + 16 * 1024));
        var content = new StreamContent(new UnknownLengthStream(bytes));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings") { Content = content };
        request.Headers.Authorization = new("Bearer", ServerProcess.TestOrganizerKey);
        request.Headers.TransferEncodingChunked = true;

        var response = await _api.SendAsync(request);

        ApiAssert.Problem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await _api.ListTextAsync());
    }

    /// <summary>The 2022 sample with one change.</summary>
    private static string Break(Action<JsonObject> change)
    {
        var definition = Samples.Json(Samples.Wg2Wg3_2022);
        change(definition);
        return definition.ToJsonString();
    }

    /// <summary>The definition padded with spaces before its closing brace to exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string Pad(string json, int bytes)
    {
        var trimmed = json.TrimEnd();
        Assert.EndsWith("}", trimmed, StringComparison.Ordinal);
        var body = trimmed[..^1];
        var padding = bytes - Encoding.UTF8.GetByteCount(body) - 1;
        Assert.True(padding >= 0);
        return body + new string(' ', padding) + "}";
    }

    /// <summary>A read-only stream that does not tell its length, so the request goes out chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data, writable: false);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
