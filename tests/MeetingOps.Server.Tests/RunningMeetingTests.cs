using System.Globalization;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>A chair running the first day of the 2022 meeting over HTTP: snapshots, ETags and the audit log.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class RunningMeetingTests(SharedServer shared)
{
    private const string Am = "2022-05-23-am";
    private const string Pm = "2022-05-23-pm";
    private const string Opening = "opening";
    private const string Agenda = "adoption-of-agenda";
    private const string Transfer = "transfer-of-sentenced-persons";

    private readonly MeetingOpsApi _api = shared.Api;

    /// <summary>One expected log entry: subject, item, session, action, from, to, note.</summary>
    private sealed record Expected(string Subject, string? ItemId, string SessionId, string Action, string From, string To, string? Note = null);

    private static readonly Expected[] FirstDay =
    [
        new("session", null, Am, "start", "scheduled", "inProgress"),
        new("item", Opening, Am, "open", "pending", "open"),
        new("item", Opening, Am, "conclude", "open", "concluded"),
        new("item", Agenda, Am, "open", "pending", "open"),
        new("item", Agenda, Am, "adopt", "open", "adopted"),
        new("item", Transfer, Am, "open", "pending", "open"),
        new("item", Transfer, Am, "continue", "open", "continued", "the sitting ended"),
        new("session", null, Am, "end", "inProgress", "ended"),
        new("session", null, Pm, "start", "scheduled", "inProgress"),
        new("item", Transfer, Pm, "open", "continued", "open"),
        new("item", Transfer, Pm, "conclude", "open", "concluded"),
    ];

    [Fact]
    public async Task The_first_day_runs_item_by_item_with_snapshots_versions_and_ETags()
    {
        var began = DateTimeOffset.UtcNow;
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var s = await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair);
        AssertAt(s, version: 1, currentSession: Am, currentItem: null);
        Assert.Equal("inProgress", Status(s, Am));
        Assert.NotNull(ApiAssert.Session(s, Am)["startedAt"]);
        Assert.Null(ApiAssert.Session(s, Am)["endedAt"]);
        Assert.Equal("scheduled", Status(s, Pm));

        s = await _api.OkAsync(id, $"items/{Opening}/open", chair);
        AssertAt(s, version: 2, currentSession: Am, currentItem: Opening);
        AssertItem(s, Opening, "open", Am);

        s = await _api.OkAsync(id, $"items/{Opening}/conclude", chair);
        AssertAt(s, version: 3, currentSession: Am, currentItem: null);
        AssertItem(s, Opening, "concluded", Am);

        s = await _api.OkAsync(id, $"items/{Agenda}/open", chair);
        AssertAt(s, version: 4, currentSession: Am, currentItem: Agenda);
        AssertItem(s, Agenda, "open", Am);

        s = await _api.OkAsync(id, $"items/{Agenda}/adopt", chair);
        AssertAt(s, version: 5, currentSession: Am, currentItem: null);
        AssertItem(s, Agenda, "adopted", Am);

        s = await _api.OkAsync(id, $"items/{Transfer}/open", chair);
        AssertAt(s, version: 6, currentSession: Am, currentItem: Transfer);
        AssertItem(s, Transfer, "open", Am);

        // Ending the sitting continues the item under consideration: two changes, one command.
        s = await _api.OkAsync(id, $"sessions/{Am}/end", chair);
        AssertAt(s, version: 8, currentSession: null, currentItem: null);
        AssertItem(s, Transfer, "continued", Am);
        Assert.Equal("ended", Status(s, Am));
        Assert.NotNull(ApiAssert.Session(s, Am)["endedAt"]);
        Assert.Null(ApiAssert.Session(s, Am)["currentItemId"]);

        s = await _api.OkAsync(id, $"sessions/{Pm}/start?confirm=offDay", chair);
        AssertAt(s, version: 9, currentSession: Pm, currentItem: null);
        Assert.Equal("inProgress", Status(s, Pm));
        Assert.Equal("ended", Status(s, Am));

        s = await _api.OkAsync(id, $"items/{Transfer}/open", chair);
        AssertAt(s, version: 10, currentSession: Pm, currentItem: Transfer);
        AssertItem(s, Transfer, "open", Pm);

        s = await _api.OkAsync(id, $"items/{Transfer}/conclude", chair);
        AssertAt(s, version: 11, currentSession: Pm, currentItem: null);
        AssertItem(s, Transfer, "concluded", Pm);

        // Untouched items stay pending; the snapshot a GET returns is the last command's.
        AssertItem(s, "application-of-the-organized-crime-convention", "pending", null);
        var get = await _api.GetMeetingAsync(id);
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal("\"11\"", get.ETag);
        Assert.True(JsonNode.DeepEquals(s, get.Json), $"GET differs from the last command's snapshot:\n{get.Body}");

        // The log: every change in version order, who, when, under which command, from and to.
        var log = await _api.GetLogAsync(id);
        Assert.Equal(HttpStatusCode.OK, log.Status);
        Assert.Equal("application/json", log.MediaType);
        var entries = log.Json.AsArray();
        Assert.Equal(FirstDay.Length, entries.Count);
        var ended = DateTimeOffset.UtcNow;
        DateTimeOffset? previousAt = null;
        var commandIds = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i]!.AsObject();
            var expected = FirstDay[i];
            Assert.Equal(
                ["version", "at", "commandId", "actor", "subject", "itemId", "sessionId", "action", "from", "to", "note", "corrects", "announcement"],
                entry.Select(p => p.Key).ToArray());
            Assert.Equal(i + 1, (long)entry["version"]!);
            var at = DateTimeOffset.Parse((string)entry["at"]!, CultureInfo.InvariantCulture);
            Assert.InRange(at, began.AddSeconds(-5), ended.AddSeconds(5));
            Assert.True(previousAt is null || at >= previousAt, $"entry {i + 1} is earlier than the one before");
            previousAt = at;
            var commandId = (string?)entry["commandId"];
            Assert.False(string.IsNullOrWhiteSpace(commandId));
            commandIds.Add(commandId!);
            Assert.Equal("chair", (string?)entry["actor"]!["role"]);
            Assert.Null(entry["actor"]!["name"]);
            Assert.Equal(expected.Subject, (string?)entry["subject"]);
            Assert.Equal(expected.ItemId, (string?)entry["itemId"]);
            Assert.Equal(expected.SessionId, (string?)entry["sessionId"]);
            Assert.Equal(expected.Action, (string?)entry["action"]);
            Assert.Equal(expected.From, (string?)entry["from"]);
            Assert.Equal(expected.To, (string?)entry["to"]);
            Assert.Equal(expected.Note, (string?)entry["note"]);
        }
        // One command id per command: the end of the sitting made two entries under one.
        Assert.Equal(commandIds[6], commandIds[7]);
        Assert.Equal(10, commandIds.Distinct().Count());

        // ?after=N: the entries after version N.
        var after6 = await _api.GetLogAsync(id, after: 6);
        Assert.Equal(HttpStatusCode.OK, after6.Status);
        Assert.Equal([7L, 8, 9, 10, 11], after6.Json.AsArray().Select(e => (long)e!["version"]!).ToArray());
        Assert.True(JsonNode.DeepEquals(new JsonArray(entries.Skip(6).Select(e => e!.DeepClone()).ToArray()), after6.Json));
        var after0 = await _api.GetLogAsync(id, after: 0);
        Assert.Equal(log.Body, after0.Body);
        var after11 = await _api.GetLogAsync(id, after: 11);
        Assert.Equal(HttpStatusCode.OK, after11.Status);
        Assert.Empty(after11.Json.AsArray());
        var afterNegative = await _api.GetLogAsync(id, after: -1);
        ApiAssert.Problem(afterNegative, HttpStatusCode.BadRequest, "bad-request");
        var afterText = await _api.GetAsync($"/api/meetings/{id}/log?after=ten");
        ApiAssert.Problem(afterText, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_matching_If_Match_is_accepted_strong_or_weak()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var s = await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair, new CommandOptions(IfMatch: "\"0\""));
        Assert.Equal(1, (long)s["version"]!);
        s = await _api.OkAsync(id, $"items/{Opening}/open", chair, new CommandOptions(IfMatch: "W/\"1\""));
        Assert.Equal(2, (long)s["version"]!);
    }

    [Fact]
    public async Task Suspending_and_resuming_keeps_the_item_under_consideration()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair);
        await _api.OkAsync(id, $"items/{Opening}/open", chair);

        var s = await _api.OkAsync(id, $"sessions/{Am}/suspend", chair);
        AssertAt(s, version: 3, currentSession: Am, currentItem: Opening);
        Assert.Equal("suspended", Status(s, Am));

        s = await _api.OkAsync(id, $"sessions/{Am}/resume", chair);
        AssertAt(s, version: 4, currentSession: Am, currentItem: Opening);
        Assert.Equal("inProgress", Status(s, Am));

        s = await _api.OkAsync(id, $"items/{Opening}/continue", chair);
        AssertAt(s, version: 5, currentSession: Am, currentItem: null);
        AssertItem(s, Opening, "continued", Am);
    }

    [Fact]
    public async Task A_joint_item_is_taken_up_in_a_joint_sitting_and_deferred_items_leave_the_agenda()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, "sessions/2022-05-24-am/start?confirm=offDay", chair);

        var s = await _api.OkAsync(id, "items/application-of-the-organized-crime-convention/open", chair);
        AssertAt(s, version: 2, currentSession: "2022-05-24-am", currentItem: "application-of-the-organized-crime-convention");

        s = await _api.OkAsync(id, "items/matters-pertaining-to-the-mechanism/defer", chair);
        Assert.Equal(3, (long)s["version"]!);
        AssertItem(s, "matters-pertaining-to-the-mechanism", "deferred", "2022-05-24-am");
        Assert.Equal("application-of-the-organized-crime-convention", (string?)s["currentItemId"]);
    }

    private static void AssertAt(JsonNode snapshot, long version, string? currentSession, string? currentItem)
    {
        Assert.Equal(version, (long)snapshot["version"]!);
        Assert.Equal(currentSession, (string?)snapshot["currentSessionId"]);
        Assert.Equal(currentItem, (string?)snapshot["currentItemId"]);
        // sessions[].currentItemId: the current item in the current sitting, nothing anywhere else.
        foreach (var session in snapshot["sessions"]!.AsArray())
        {
            var expected = (string?)session!["id"] == currentSession ? currentItem : null;
            Assert.Equal(expected, (string?)session["currentItemId"]);
        }
        // A parent item reads as its sub-items stand (open while one is open), so only items without sub-items count here.
        var parents = snapshot["items"]!.AsArray().Select(i => (string?)i!["parentId"]).Where(p => p is not null).ToHashSet();
        var open = snapshot["items"]!.AsArray().Where(i => (string?)i!["status"] == "open" && !parents.Contains((string?)i!["id"]))
            .Select(i => (string)i!["id"]!).ToList();
        Assert.Equal(currentItem is null ? [] : [currentItem], open);
    }

    private static void AssertItem(JsonNode snapshot, string itemId, string status, string? sessionId)
    {
        var item = ApiAssert.Item(snapshot, itemId);
        Assert.Equal(status, (string?)item["status"]);
        Assert.Equal(sessionId, (string?)item["sessionId"]);
    }

    private static string? Status(JsonNode snapshot, string sessionId) => (string?)ApiAssert.Session(snapshot, sessionId)["status"];
}
