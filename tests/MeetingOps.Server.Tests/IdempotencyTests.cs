using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>Idempotency-Key, who acted (chair or organizer) and X-Actor-Name, as the log records them.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class IdempotencyTests(SharedServer shared)
{
    private const string Am = "2022-05-23-am";

    private readonly MeetingOpsApi _api = shared.Api;

    [Fact]
    public async Task The_same_Idempotency_Key_twice_applies_once_and_replays_the_second_time()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair);
        var key = $"console-{Guid.NewGuid():N}";

        var first = await _api.CommandAsync(id, "items/opening/open", chair, new CommandOptions(IdempotencyKey: key));
        var second = await _api.CommandAsync(id, "items/opening/open", chair, new CommandOptions(IdempotencyKey: key));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Null(first.Header("Idempotent-Replayed"));
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        Assert.Equal("\"2\"", first.ETag);
        Assert.Equal("\"2\"", second.ETag);
        Assert.Equal(2, (long)first.Json["version"]!);
        Assert.True(JsonNode.DeepEquals(first.Json, second.Json), $"the replay answered another snapshot:\n{second.Body}");

        var log = (await _api.GetLogAsync(id)).Json.AsArray();
        Assert.Equal(2, log.Count);
        var entry = Assert.Single(log, e => (string?)e!["commandId"] == key)!;
        Assert.Equal(2, (long)entry["version"]!);
        Assert.Equal("open", (string?)entry["action"]);
        var get = await _api.GetMeetingAsync(id);
        Assert.Equal("\"2\"", get.ETag);
        Assert.Equal(2, (long)get.Json["version"]!);
    }

    [Fact]
    public async Task A_replay_after_later_changes_applies_nothing_and_is_not_a_version_conflict()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair, new CommandOptions(IdempotencyKey: "start-am"));
        await _api.OkAsync(id, "items/opening/open", chair);
        var before = await _api.StateTextAsync(id);

        // The console retries its old request, If-Match and all: it gets the answer again, nothing moves.
        var replay = await _api.CommandAsync(id, $"sessions/{Am}/start?confirm=offDay", chair, new CommandOptions(IdempotencyKey: "start-am", IfMatch: "\"0\""));

        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        Assert.Equal("\"2\"", replay.ETag);
        var after = await _api.StateTextAsync(id);
        Assert.Equal(before.Snapshot, after.Snapshot);
        Assert.Equal(before.Log, after.Log);
    }

    [Fact]
    public async Task A_replayed_command_that_made_two_changes_keeps_both_under_one_command_id()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair);
        await _api.OkAsync(id, "items/opening/open", chair);

        var first = await _api.OkAsync(id, $"sessions/{Am}/end", chair, new CommandOptions(IdempotencyKey: "end-am"));
        var second = await _api.CommandAsync(id, $"sessions/{Am}/end", chair, new CommandOptions(IdempotencyKey: "end-am"));

        Assert.Equal(4, (long)first["version"]!);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        var entries = (await _api.GetLogAsync(id)).Json.AsArray().Where(e => (string?)e!["commandId"] == "end-am").ToList();
        Assert.Equal([3L, 4], entries.Select(e => (long)e!["version"]!).ToArray());
        Assert.Equal(["continue", "end"], entries.Select(e => (string)e!["action"]!).ToArray());
    }

    [Fact]
    public async Task The_same_Idempotency_Key_for_another_command_is_409_and_changes_nothing()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair);
        await _api.OkAsync(id, "items/opening/open", chair, new CommandOptions(IdempotencyKey: "k-1"));
        var before = await _api.StateTextAsync(id);

        var response = await _api.CommandAsync(id, "items/opening/conclude", chair, new CommandOptions(IdempotencyKey: "k-1"));

        var problem = ApiAssert.Problem(response, HttpStatusCode.Conflict, "conflict");
        Assert.Contains("k-1", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Null(response.Header("Idempotent-Replayed"));
        var after = await _api.StateTextAsync(id);
        Assert.Equal(before.Snapshot, after.Snapshot);
        Assert.Equal(before.Log, after.Log);

        // The same key on the same item in another session is another command too.
        var otherSession = await _api.CommandAsync(id, "items/opening/open?session=2022-05-24-am", chair, new CommandOptions(IdempotencyKey: "k-1"));
        ApiAssert.Problem(otherSession, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Idempotency_keys_belong_to_one_meeting()
    {
        var a = await _api.CreateAsync(Samples.Wg3_2021);
        var b = await _api.CreateAsync(Samples.Wg3_2021);

        var inA = await _api.CommandAsync(a.Id, "sessions/2021-03-25-am/start?confirm=offDay", a.ChairKey, new CommandOptions(IdempotencyKey: "shared-key"));
        var inB = await _api.CommandAsync(b.Id, "sessions/2021-03-25-am/start?confirm=offDay", b.ChairKey, new CommandOptions(IdempotencyKey: "shared-key"));

        Assert.Equal(HttpStatusCode.OK, inA.Status);
        Assert.Equal(HttpStatusCode.OK, inB.Status);
        Assert.Null(inB.Header("Idempotent-Replayed"));
        Assert.Equal(1, (long)inB.Json["version"]!);
    }

    [Fact]
    public async Task Without_an_Idempotency_Key_each_request_is_a_new_command()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair);
        await _api.OkAsync(id, "items/opening/open", chair);

        var again = await _api.CommandAsync(id, "items/opening/open", chair);

        ApiAssert.Problem(again, (HttpStatusCode)422, "illegal-transition");
        var log = (await _api.GetLogAsync(id)).Json.AsArray();
        Assert.Equal(2, log.Count);
        Assert.All(log, e => Assert.Matches("^[0-9a-f]{32}$", (string)e!["commandId"]!));
        Assert.NotEqual((string?)log[0]!["commandId"], (string?)log[1]!["commandId"]);
    }

    [Fact]
    public async Task The_organizer_key_may_act_and_is_recorded_as_the_organizer()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var s = await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair, new CommandOptions(Key: ServerProcess.TestOrganizerKey));
        Assert.Equal(1, (long)s["version"]!);
        await _api.OkAsync(id, "items/opening/open", chair);

        var log = (await _api.GetLogAsync(id)).Json.AsArray();
        Assert.Equal("organizer", (string?)log[0]!["actor"]!["role"]);
        Assert.Null(log[0]!["actor"]!["name"]);
        Assert.Equal("chair", (string?)log[1]!["actor"]!["role"]);
    }

    [Fact]
    public async Task X_Actor_Name_is_recorded_as_the_actors_name()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair, new CommandOptions(ActorName: "Chair of WG.3"));
        await _api.OkAsync(id, "items/opening/open", chair, new CommandOptions(ActorName: "  Conference officer  ", Key: ServerProcess.TestOrganizerKey));
        await _api.OkAsync(id, "items/opening/conclude", chair);

        var log = (await _api.GetLogAsync(id)).Json.AsArray();
        Assert.Equal("chair", (string?)log[0]!["actor"]!["role"]);
        Assert.Equal("Chair of WG.3", (string?)log[0]!["actor"]!["name"]);
        Assert.Equal("organizer", (string?)log[1]!["actor"]!["role"]);
        Assert.Equal("Conference officer", (string?)log[1]!["actor"]!["name"]);
        Assert.Null(log[2]!["actor"]!["name"]);
    }
}
