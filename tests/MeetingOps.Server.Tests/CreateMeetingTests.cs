using System.Globalization;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>POST /api/meetings with the samples, GET /api/meetings and GET /api/meetings/{id}; the organizer key.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class CreateMeetingTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;

    [Theory]
    [InlineData(Samples.Wg2Wg3_2022)]
    [InlineData(Samples.Wg3_2021)]
    public async Task Creating_a_sample_answers_201_with_location_chair_key_links_and_the_snapshot(string sample)
    {
        var created = await _api.CreateAsync(sample);
        var response = created.Response;

        Assert.Equal(HttpStatusCode.Created, response.Status);
        Assert.Equal("application/json", response.MediaType);
        Assert.Equal($"/api/meetings/{created.Id}", response.Headers.Location?.OriginalString);

        var body = response.Json.AsObject();
        Assert.Equal(["id", "chairKey", "links", "meeting"], body.Select(p => p.Key).ToArray());
        Assert.Matches("^[a-z0-9]{12}$", created.Id);
        Assert.True(created.ChairKey.Length >= 16, $"chair key too short: {created.ChairKey}");
        Assert.NotEqual(ServerProcess.TestOrganizerKey, created.ChairKey);

        var links = body["links"]!;
        Assert.Equal($"/api/meetings/{created.Id}", (string?)links["self"]);
        Assert.Equal($"/api/meetings/{created.Id}/log", (string?)links["log"]);
        Assert.Equal($"/api/meetings/{created.Id}/items/{{itemId}}/{{action}}", (string?)links["items"]);
        Assert.Equal($"/api/meetings/{created.Id}/sessions/{{sessionId}}/{{action}}", (string?)links["sessions"]);

        AssertSnapshotMatchesDefinition(created.Snapshot, created.Id, Samples.Json(sample));
    }

    [Fact]
    public async Task The_2022_snapshot_has_joint_items_with_their_numbers_on_each_agenda_and_Vienna_times_in_UTC()
    {
        var created = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var snapshot = created.Snapshot;

        Assert.Equal(0, (long)snapshot["version"]!);
        Assert.Equal("Europe/Vienna", (string?)snapshot["timeZone"]);
        Assert.Equal("Vienna", (string?)snapshot["venue"]);
        Assert.Equal("2022-05-23", (string?)snapshot["startDate"]);
        Assert.Equal("2022-05-27", (string?)snapshot["endDate"]);
        Assert.Null(snapshot["currentSessionId"]);
        Assert.Null(snapshot["currentItemId"]);
        Assert.Equal(["wg3", "wg2"], snapshot["bodies"]!.AsArray().Select(b => (string)b!["id"]!).ToArray());

        var environment = ApiAssert.Item(snapshot, "application-of-the-organized-crime-convention");
        Assert.Equal("3", (string?)environment["numbers"]!["wg3"]);
        Assert.Equal("2", (string?)environment["numbers"]!["wg2"]);
        Assert.True((bool)environment["joint"]!);
        Assert.Equal("pending", (string?)environment["status"]);
        Assert.Null(environment["parentId"]);
        Assert.Null(environment["sessionId"]);

        var transfer = ApiAssert.Item(snapshot, "transfer-of-sentenced-persons");
        Assert.Equal("2", (string?)transfer["numbers"]!["wg3"]);
        Assert.Single(transfer["numbers"]!.AsObject());
        Assert.False((bool)transfer["joint"]!);

        var opening = ApiAssert.Item(snapshot, "opening");
        Assert.Equal("1 (a)", (string?)opening["numbers"]!["wg3"]);
        Assert.Equal("1 (a)", (string?)opening["numbers"]!["wg2"]);
        Assert.Equal("organizational-matters", (string?)opening["parentId"]);
        Assert.Equal("opening", (string?)opening["kind"]);
        Assert.False((bool)opening["adoptable"]!);
        Assert.True((bool)ApiAssert.Item(snapshot, "adoption-of-agenda")["adoptable"]!);
        Assert.True((bool)ApiAssert.Item(snapshot, "finalization-and-adoption-of-the-draft")["adoptable"]!);
        Assert.True((bool)ApiAssert.Item(snapshot, "joint-report")["adoptable"]!);

        var am = ApiAssert.Session(snapshot, "2022-05-23-am");
        Assert.Equal(new DateTime(2022, 5, 23, 10, 0, 0), Local(am["start"]));
        Assert.Equal(new DateTime(2022, 5, 23, 13, 0, 0), Local(am["end"]));
        Assert.Equal(new DateTimeOffset(2022, 5, 23, 8, 0, 0, TimeSpan.Zero), Utc(am["startUtc"]));
        Assert.Equal(new DateTimeOffset(2022, 5, 23, 11, 0, 0, TimeSpan.Zero), Utc(am["endUtc"]));
        Assert.Equal("scheduled", (string?)am["status"]);
        Assert.Equal("inPerson", (string?)am["format"]);
        Assert.Equal(["wg3", "wg2"], am["bodies"]!.AsArray().Select(b => (string)b!).ToArray());
        Assert.Null(am["currentItemId"]);
        Assert.Null(am["startedAt"]);
        Assert.Null(am["endedAt"]);
        Assert.Equal(["opening", "adoption-of-agenda", "transfer-of-sentenced-persons"],
            am["planned"]!.AsArray().Select(p => (string)p!["item"]!).ToArray());

        var pm = ApiAssert.Session(snapshot, "2022-05-23-pm");
        Assert.Equal(["wg3"], pm["bodies"]!.AsArray().Select(b => (string)b!).ToArray());
        Assert.True((bool)pm["planned"]![0]!["continued"]!);
    }

    [Fact]
    public async Task The_2021_snapshot_converts_Vienna_winter_time_to_UTC()
    {
        var created = await _api.CreateAsync(Samples.Wg3_2021);
        var first = ApiAssert.Session(created.Snapshot, "2021-03-25-am");

        // 25 March 2021 is before the switch to summer time (28 March): Vienna is UTC+1.
        Assert.Equal(new DateTime(2021, 3, 25, 10, 0, 0), Local(first["start"]));
        Assert.Equal(new DateTimeOffset(2021, 3, 25, 9, 0, 0, TimeSpan.Zero), Utc(first["startUtc"]));
        Assert.All(created.Snapshot["items"]!.AsArray(), i => Assert.False((bool)i!["joint"]!));
        Assert.Equal("2 (a)", (string?)ApiAssert.Item(created.Snapshot, "use-and-role-of-joint-investigative")["numbers"]!["wg3"]);
        Assert.Equal("finalization-and-adoption-of-the-recommendations", (string?)ApiAssert.Item(created.Snapshot, "use-and-role-of-joint-investigative")["parentId"]);
    }

    [Fact]
    public async Task A_created_meeting_is_listed_and_answers_GET_with_ETag_version_0()
    {
        var created = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var list = await _api.GetAsync("/api/meetings");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal("application/json", list.MediaType);
        var line = list.Json.AsArray().Single(m => (string?)m!["id"] == created.Id)!;
        var definition = Samples.Json(Samples.Wg2Wg3_2022);
        Assert.Equal((string?)definition["title"], (string?)line["title"]);
        Assert.Equal("Vienna", (string?)line["venue"]);
        Assert.Equal("2022-05-23", (string?)line["startDate"]);
        Assert.Equal("2022-05-27", (string?)line["endDate"]);
        Assert.Equal(
            definition["bodies"]!.AsArray().Select(b => (string)b!["name"]!).ToArray(),
            line["bodies"]!.AsArray().Select(b => (string)b!).ToArray());

        var get = await _api.GetMeetingAsync(created.Id);
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal("application/json", get.MediaType);
        Assert.Equal("\"0\"", get.ETag);
        Assert.True(JsonNode.DeepEquals(created.Snapshot, get.Json), $"GET differs from the 201 snapshot:\n{get.Body}");

        var log = await _api.GetLogAsync(created.Id);
        Assert.Equal(HttpStatusCode.OK, log.Status);
        Assert.Empty(log.Json.AsArray());
    }

    [Fact]
    public async Task Creating_without_the_organizer_key_is_401_and_creates_nothing()
    {
        var before = await _api.ListTextAsync();

        var response = await _api.PostDefinitionAsync(Samples.Text(Samples.Wg2Wg3_2022), key: null);

        var problem = ApiAssert.Problem(response, HttpStatusCode.Unauthorized, "key-required");
        Assert.Contains("organizer key", (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        Assert.Null(response.Headers.Location);
        Assert.Equal(before, await _api.ListTextAsync());
    }

    [Fact]
    public async Task Creating_without_the_organizer_key_challenges_with_WWW_Authenticate_Bearer()
    {
        var response = await _api.PostDefinitionAsync(Samples.Text(Samples.Wg3_2021), key: null);

        ApiAssert.Problem(response, HttpStatusCode.Unauthorized, "key-required");
        // RFC 9110 §15.5.2: a 401 answer MUST carry WWW-Authenticate (the command endpoints do).
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("wrong-organizer-key-0123456789ab")]
    [InlineData("x")]
    public async Task Creating_with_a_wrong_key_is_403_and_creates_nothing(string key)
    {
        var before = await _api.ListTextAsync();

        var response = await _api.PostDefinitionAsync(Samples.Text(Samples.Wg2Wg3_2022), key);

        var problem = ApiAssert.Problem(response, HttpStatusCode.Forbidden, "wrong-key");
        Assert.Contains("not the organizer key", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await _api.ListTextAsync());
    }

    [Fact]
    public async Task A_chair_key_cannot_create_a_meeting()
    {
        var created = await _api.CreateAsync(Samples.Wg3_2021);
        var before = await _api.ListTextAsync();

        var response = await _api.PostDefinitionAsync(Samples.Text(Samples.Wg3_2021), created.ChairKey);

        ApiAssert.Problem(response, HttpStatusCode.Forbidden, "wrong-key");
        Assert.Equal(before, await _api.ListTextAsync());
    }

    [Fact]
    public async Task Each_meeting_gets_its_own_id_and_chair_key()
    {
        var a = await _api.CreateAsync(Samples.Wg3_2021);
        var b = await _api.CreateAsync(Samples.Wg3_2021);

        Assert.NotEqual(a.Id, b.Id);
        Assert.NotEqual(a.ChairKey, b.ChairKey);
        // One meeting's chair key is not another's.
        var response = await _api.CommandAsync(b.Id, "sessions/2021-03-25-am/start?confirm=offDay", a.ChairKey);
        ApiAssert.Problem(response, HttpStatusCode.Forbidden, "wrong-key");
    }

    private static void AssertSnapshotMatchesDefinition(JsonNode snapshot, string id, JsonObject definition)
    {
        Assert.Equal(id, (string?)snapshot["id"]);
        Assert.Equal(0, (long)snapshot["version"]!);
        Assert.Equal((string?)definition["title"], (string?)snapshot["title"]);
        Assert.Equal((string?)definition["venue"], (string?)snapshot["venue"]);
        Assert.Equal((string?)definition["timeZone"], (string?)snapshot["timeZone"]);
        Assert.Equal((string?)definition["startDate"], (string?)snapshot["startDate"]);
        Assert.Equal((string?)definition["endDate"], (string?)snapshot["endDate"]);
        Assert.Equal((string?)definition["parentBody"], (string?)snapshot["parentBody"]);
        Assert.Null(snapshot["currentSessionId"]);
        Assert.Null(snapshot["currentItemId"]);

        var bodies = snapshot["bodies"]!.AsArray();
        var definedBodies = definition["bodies"]!.AsArray();
        Assert.Equal(definedBodies.Count, bodies.Count);
        for (var i = 0; i < bodies.Count; i++)
        {
            Assert.Equal((string?)definedBodies[i]!["id"], (string?)bodies[i]!["id"]);
            Assert.Equal((string?)definedBodies[i]!["name"], (string?)bodies[i]!["name"]);
            Assert.Equal((string?)definedBodies[i]!["symbol"], (string?)bodies[i]!["symbol"]);
        }

        // Every item, sub-items included, in agenda order, with its number on each body's agenda.
        var expectedItems = Samples.FlattenItems(definition);
        var items = snapshot["items"]!.AsArray();
        Assert.Equal(expectedItems.Select(e => (string)e.Item["id"]!), items.Select(i => (string)i!["id"]!));
        for (var i = 0; i < items.Count; i++)
        {
            var (expected, parent) = expectedItems[i];
            var item = items[i]!;
            Assert.True(JsonNode.DeepEquals(expected["numbers"], item["numbers"]), $"numbers of {expected["id"]}: {item["numbers"]}");
            Assert.Equal(expected["numbers"]!.AsObject().Count > 1, (bool)item["joint"]!);
            Assert.Equal((string?)expected["title"], (string?)item["title"]);
            Assert.Equal((string?)expected["kind"] ?? "substantive", (string?)item["kind"]);
            Assert.Equal(parent, (string?)item["parentId"]);
            Assert.Equal("pending", (string?)item["status"]);
            Assert.Null(item["sessionId"]);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById((string)definition["timeZone"]!);
        var definedSessions = definition["sessions"]!.AsArray();
        var sessions = snapshot["sessions"]!.AsArray();
        Assert.Equal(definedSessions.Select(s => (string)s!["id"]!), sessions.Select(s => (string)s!["id"]!));
        for (var i = 0; i < sessions.Count; i++)
        {
            var expected = definedSessions[i]!;
            var session = sessions[i]!;
            var start = DateTime.Parse((string)expected["start"]!, CultureInfo.InvariantCulture);
            var end = DateTime.Parse((string)expected["end"]!, CultureInfo.InvariantCulture);
            Assert.Equal(start, Local(session["start"]));
            Assert.Equal(end, Local(session["end"]));
            Assert.Equal(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(start, zone)), Utc(session["startUtc"]));
            Assert.Equal(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(end, zone)), Utc(session["endUtc"]));
            Assert.Equal("scheduled", (string?)session["status"]);
            Assert.Null(session["currentItemId"]);
            Assert.Equal(expected["bodies"]!.AsArray().Select(b => (string)b!), session["bodies"]!.AsArray().Select(b => (string)b!));
            Assert.Equal(expected["items"]!.AsArray().Select(p => (string)p!["item"]!), session["planned"]!.AsArray().Select(p => (string)p!["item"]!));
        }
    }

    /// <summary>A local time at the venue: written without an offset.</summary>
    private static DateTime Local(JsonNode? node)
    {
        var text = (string)node!;
        Assert.DoesNotMatch("(Z|[+-][0-9]{2}:[0-9]{2})$", text);
        return DateTime.ParseExact(text, ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None);
    }

    /// <summary>An instant in UTC: written with a zero offset.</summary>
    private static DateTimeOffset Utc(JsonNode? node)
    {
        var value = DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.Zero, value.Offset);
        return value;
    }
}
