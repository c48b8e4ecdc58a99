using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>Several consoles at once: If-Match lets exactly one win, an Idempotency-Key applies exactly once.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class ConcurrencyTests(SharedServer shared)
{
    private const int Consoles = 8;

    private readonly MeetingOpsApi _api = shared.Api;

    [Fact]
    public async Task Concurrent_commands_with_the_same_If_Match_let_exactly_one_through()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, "sessions/2022-05-23-am/start?confirm=offDay", chair);
        string[] items = ["opening", "adoption-of-agenda", "transfer-of-sentenced-persons", "application-of-the-organized-crime-convention"];

        var responses = await Task.WhenAll(Enumerable.Range(0, Consoles).Select(i =>
            _api.CommandAsync(id, $"items/{items[i % items.Length]}/open", chair, new CommandOptions(IfMatch: "\"1\"", IdempotencyKey: $"console-{i}"))));

        var winner = Assert.Single(responses, r => r.Status == HttpStatusCode.OK);
        Assert.Equal("\"2\"", winner.ETag);
        Assert.All(responses.Where(r => r != winner), r => ApiAssert.Problem(r, HttpStatusCode.PreconditionFailed, "version-conflict"));
        var log = (await _api.GetLogAsync(id)).Json.AsArray();
        Assert.Equal([1L, 2], log.Select(e => (long)e!["version"]!).ToArray());
        Assert.Equal((string?)winner.Json["currentItemId"], (string?)log[1]!["itemId"]);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_Idempotency_Key_apply_once()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, "sessions/2022-05-23-am/start?confirm=offDay", chair);

        var responses = await Task.WhenAll(Enumerable.Range(0, Consoles).Select(_ =>
            _api.CommandAsync(id, "items/opening/open", chair, new CommandOptions(IdempotencyKey: "the-one"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(responses, r => Assert.Equal("\"2\"", r.ETag));
        Assert.Single(responses, r => r.Header("Idempotent-Replayed") is null);
        Assert.Equal(Consoles - 1, responses.Count(r => r.Header("Idempotent-Replayed") == "true"));
        var log = (await _api.GetLogAsync(id)).Json.AsArray();
        Assert.Equal(2, log.Count);
        Assert.Single(log, e => (string?)e!["commandId"] == "the-one");
    }
}
