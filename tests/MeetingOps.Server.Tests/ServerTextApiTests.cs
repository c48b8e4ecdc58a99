using System.Text.Json.Nodes;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>
/// The server's words over HTTP: a refused command answers, beside its English detail, the phrase code and arguments
/// a page translates (problem details member "text"); the snapshot carries what Undo would undo the same way.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class ServerTextApiTests(SharedServer shared)
{
    private const string Am = "2022-05-23-am";

    private readonly MeetingOpsApi _api = shared.Api;

    private static Dictionary<string, string> Args(JsonNode text) =>
        text["args"]!.AsObject().ToDictionary(a => a.Key, a => (string)a.Value!);

    [Fact]
    public async Task A_refused_command_answers_its_phrase_code_and_arguments_beside_the_English_detail()
    {
        var meeting = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(meeting.Id, $"sessions/{Am}/start?confirm=offDay", meeting.ChairKey);
        await _api.OkAsync(meeting.Id, "items/opening/open", meeting.ChairKey);

        var again = ApiAssert.Problem(await _api.CommandAsync(meeting.Id, "items/opening/open", meeting.ChairKey), HttpStatusCode.UnprocessableEntity, "illegal-transition");
        Assert.StartsWith("Item 1 (a)", (string?)again["detail"], StringComparison.Ordinal);
        Assert.Equal("item.alreadyOpen", (string?)again["text"]!["code"]);
        Assert.Equal(new Dictionary<string, string> { ["item"] = "opening" }, Args(again["text"]!));

        var other = ApiAssert.Problem(await _api.CommandAsync(meeting.Id, "items/adoption-of-agenda/open", meeting.ChairKey), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("item.otherUnderConsideration", (string?)other["text"]!["code"]);
        Assert.Equal(new Dictionary<string, string> { ["item"] = "adoption-of-agenda", ["current"] = "opening", ["session"] = Am }, Args(other["text"]!));

        var unknown = ApiAssert.Problem(await _api.CommandAsync(meeting.Id, "sessions/no-such-session/start", meeting.ChairKey), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(("session.notFound", "no-such-session"), ((string?)unknown["text"]!["code"], (string?)unknown["text"]!["args"]!["id"]));

        var wrongKey = ApiAssert.Problem(await _api.CommandAsync(meeting.Id, "items/opening/continue", "not-the-chair-key"), HttpStatusCode.Forbidden, "wrong-key");
        Assert.Equal("key.notChair", (string?)wrongKey["text"]!["code"]);
    }

    [Fact]
    public async Task A_start_on_another_day_keeps_its_confirmation_code_and_says_both_days()
    {
        var meeting = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var problem = ApiAssert.Problem(await _api.CommandAsync(meeting.Id, $"sessions/{Am}/start", meeting.ChairKey), HttpStatusCode.Conflict, "confirmation-needed");

        Assert.Equal("offDay", (string?)problem["code"]);
        Assert.Equal("session.offDay", (string?)problem["text"]!["code"]);
        Assert.Equal("2022-05-23", (string?)problem["text"]!["args"]!["planned"]);
        Assert.Equal(Am, (string?)problem["text"]!["args"]!["session"]);
    }

    [Fact]
    public async Task The_snapshot_says_what_undo_would_undo_as_a_phrase()
    {
        var meeting = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(meeting.Id, $"sessions/{Am}/start?confirm=offDay", meeting.ChairKey);
        await _api.OkAsync(meeting.Id, "items/opening/open", meeting.ChairKey);

        var snapshot = (await _api.GetMeetingAsync(meeting.Id)).Json;

        // Only the phrase travels: the English sentence beside it made every push pay twice (the pages and the CLI
        // say it from the catalogues).
        Assert.Null(snapshot["undo"]);
        Assert.Equal("undo.open", (string?)snapshot["undoText"]!["code"]);
        Assert.Equal(new Dictionary<string, string> { ["item"] = "opening", ["session"] = Am }, Args(snapshot["undoText"]!));
    }
}
