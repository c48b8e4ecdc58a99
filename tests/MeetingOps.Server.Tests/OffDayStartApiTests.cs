using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>Starting a sitting on a day other than its planned day: 409 in words with a code, then ?confirm=offDay.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class OffDayStartApiTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;

    [Fact]
    public async Task A_sitting_of_another_day_is_refused_with_409_and_a_code_then_starts_when_confirmed()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022); // May 2022: never today
        var logBefore = (await _api.GetLogAsync(id)).Json.AsArray().Count;

        var refused = await _api.CommandAsync(id, "sessions/2022-05-24-am/start", chair, new CommandOptions(IdempotencyKey: "start-tuesday"));

        var problem = ApiAssert.Problem(refused, HttpStatusCode.Conflict, "confirmation-needed");
        Assert.Equal("offDay", (string?)problem["code"]);
        Assert.StartsWith("This sitting is planned for Tue 24 May 2022; start it now?", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(("scheduled", "inProgress"), ((string?)problem["from"], (string?)problem["to"]));
        Assert.Equal(logBefore, (await _api.GetLogAsync(id)).Json.AsArray().Count);

        // The same Idempotency-Key, now confirmed: the refusal recorded nothing, so the confirmed command applies.
        var started = await _api.OkAsync(id, "sessions/2022-05-24-am/start?confirm=offDay", chair, new CommandOptions(IdempotencyKey: "start-tuesday"));
        Assert.Equal("inProgress", (string?)started["sessions"]!.AsArray().Single(s => (string?)s!["id"] == "2022-05-24-am")!["status"]);
    }

    [Fact]
    public async Task An_unknown_confirmation_is_a_bad_request_and_changes_nothing()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var problem = ApiAssert.Problem(await _api.CommandAsync(id, "sessions/2022-05-23-am/start?confirm=yes", chair), HttpStatusCode.BadRequest);

        Assert.Contains("offDay", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(0, (long)(await _api.GetMeetingAsync(id)).Json["version"]!);
    }
}
