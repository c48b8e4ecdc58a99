using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>
/// Refused commands: the exact status and problem, and afterwards the snapshot (with its ETag) and the log
/// exactly as they were, byte for byte.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class CommandErrorTests(SharedServer shared)
{
    private const string Am = "2022-05-23-am";

    private readonly MeetingOpsApi _api = shared.Api;

    /// <summary>A 2022 meeting with the morning sitting started and the opening under consideration (version 2).</summary>
    private async Task<CreatedMeeting> SittingAsync()
    {
        var meeting = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(meeting.Id, $"sessions/{Am}/start?confirm=offDay", meeting.ChairKey);
        var s = await _api.OkAsync(meeting.Id, "items/opening/open", meeting.ChairKey);
        Assert.Equal(2, (long)s["version"]!);
        return meeting;
    }

    /// <summary>Runs a refused request and checks that nothing moved.</summary>
    private async Task<ApiResponse> RefusedAsync(string meetingId, Func<Task<ApiResponse>> request)
    {
        var before = await _api.StateTextAsync(meetingId);
        var response = await request();
        Assert.NotEqual(HttpStatusCode.OK, response.Status);
        Assert.Null(response.Header(CommandHeadersNames.Replayed));
        var after = await _api.StateTextAsync(meetingId);
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(before.Snapshot, after.Snapshot);
        Assert.Equal(before.Log, after.Log);
        return response;
    }

    [Fact]
    public async Task An_unknown_meeting_is_404_for_reads_and_commands()
    {
        var (_, chair, _) = await _api.CreateAsync(Samples.Wg3_2021);
        var list = await _api.ListTextAsync();

        foreach (var path in new[] { "/api/meetings/nosuchmeeting", "/api/meetings/nosuchmeeting/log" })
        {
            var problem = ApiAssert.Problem(await _api.GetAsync(path), HttpStatusCode.NotFound, "not-found");
            Assert.Contains("no meeting", (string?)problem["detail"], StringComparison.Ordinal);
        }
        foreach (var command in new[] { "sessions/2021-03-25-am/start", "items/opening/open" })
        {
            ApiAssert.Problem(await _api.CommandAsync("nosuchmeeting", command, chair), HttpStatusCode.NotFound, "not-found");
        }
        // Asking about a meeting does not make one.
        Assert.Equal(list, await _api.ListTextAsync());
        ApiAssert.Problem(await _api.GetAsync("/api/meetings/nosuchmeeting"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_text_that_is_not_a_meeting_id_is_400_naming_it_for_reads_commands_and_organizer_routes()
    {
        var (_, chair, _) = await _api.CreateAsync(Samples.Wg3_2021);
        var list = await _api.ListTextAsync();
        var tooLong = new string('m', 65);

        foreach (var path in new[] { "/api/meetings/Not_An_Id", "/api/meetings/Not_An_Id/log", "/api/meetings/Not_An_Id/schedule", $"/api/meetings/{tooLong}" })
        {
            var problem = ApiAssert.Problem(await _api.GetAsync(path), HttpStatusCode.BadRequest, "bad-request");
            var bad = path.Split('/')[3];
            Assert.Equal($"\"{bad}\" is not a meeting id: 1–64 lowercase letters, digits or '-'.", (string?)problem["detail"]);
        }
        foreach (var command in new[] { "sessions/2021-03-25-am/start", "items/opening/open" })
        {
            var problem = ApiAssert.Problem(await _api.CommandAsync("Not_An_Id", command, chair), HttpStatusCode.BadRequest, "bad-request");
            Assert.Equal("\"Not_An_Id\" is not a meeting id: 1–64 lowercase letters, digits or '-'.", (string?)problem["detail"]);
        }
        Assert.Equal(list, await _api.ListTextAsync());
    }

    [Theory]
    [InlineData("items/no-such-item/open", "no-such-item")]
    [InlineData("items/no-such-item/conclude", "no-such-item")]
    [InlineData("sessions/no-such-session/start", "no-such-session")]
    [InlineData("sessions/no-such-session/end", "no-such-session")]
    [InlineData("items/transfer-of-sentenced-persons/defer?session=no-such-session", "no-such-session")]
    public async Task An_unknown_item_or_session_is_404(string command, string unknownId)
    {
        var (id, chair, _) = await SittingAsync();

        var response = await RefusedAsync(id, () => _api.CommandAsync(id, command, chair));

        var problem = ApiAssert.Problem(response, HttpStatusCode.NotFound, "not-found");
        Assert.Contains($"\"{unknownId}\"", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("items/opening/frobnicate", "frobnicate")]
    [InlineData("items/opening/start", "start")]
    [InlineData("sessions/2022-05-23-am/open", "open")]
    [InlineData("sessions/2022-05-23-am/adjourn", "adjourn")]
    [InlineData("items/opening/1", "1")]
    public async Task An_unknown_action_is_400(string command, string action)
    {
        var (id, chair, _) = await SittingAsync();

        var response = await RefusedAsync(id, () => _api.CommandAsync(id, command, chair));

        var problem = ApiAssert.Problem(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.Contains($"\"{action}\"", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concluding_a_pending_item_is_422_naming_the_item()
    {
        var (id, chair, _) = await SittingAsync();

        var response = await RefusedAsync(id, () => _api.CommandAsync(id, "items/transfer-of-sentenced-persons/conclude", chair));

        var problem = ApiAssert.Problem(response, (HttpStatusCode)422, "illegal-transition");
        Assert.Equal("pending", (string?)problem["from"]);
        Assert.Equal("concluded", (string?)problem["to"]);
        Assert.Contains("item 2", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adopting_the_opening_which_is_not_adoptable_is_422()
    {
        var (id, chair, _) = await SittingAsync();

        var response = await RefusedAsync(id, () => _api.CommandAsync(id, "items/opening/adopt", chair));

        var problem = ApiAssert.Problem(response, (HttpStatusCode)422, "illegal-transition");
        Assert.Equal("open", (string?)problem["from"]);
        Assert.Equal("adopted", (string?)problem["to"]);
        Assert.Contains("item 1 (a)", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("Opening of the meeting", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("items/application-of-the-organized-crime-convention/open", "joint")]
    [InlineData("items/application-of-the-organized-crime-convention/open?session=2022-05-23-pm", "wg2")]
    public async Task Taking_up_a_joint_item_while_only_a_one_body_sitting_sits_is_422(string command, string word)
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, "sessions/2022-05-23-pm/start?confirm=offDay", chair); // wg3 only

        var response = await RefusedAsync(id, () => _api.CommandAsync(id, command, chair));

        var problem = ApiAssert.Problem(response, (HttpStatusCode)422, "illegal-transition");
        Assert.Equal("pending", (string?)problem["from"]);
        Assert.Equal("open", (string?)problem["to"]);
        Assert.Contains("item 3", (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains(word, (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starting_a_session_of_a_body_already_sitting_is_422()
    {
        var (id, chair, _) = await SittingAsync();

        var response = await RefusedAsync(id, () => _api.CommandAsync(id, "sessions/2022-05-24-am/start", chair));

        var problem = ApiAssert.Problem(response, (HttpStatusCode)422, "illegal-transition");
        Assert.Equal("scheduled", (string?)problem["from"]);
        Assert.Equal("inProgress", (string?)problem["to"]);
        Assert.Contains(Am, (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("2022-05-24-am", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("items/adoption-of-agenda/open", "pending", "open", "item 1 (a)")] // another item is under consideration
    [InlineData("items/opening/open", "open", "open", "item 1 (a)")]               // already under consideration
    [InlineData("items/opening/reopen", "open", "open", "item 1 (a)")]
    [InlineData("sessions/2022-05-23-am/start", "inProgress", "inProgress", Am)]
    [InlineData("sessions/2022-05-23-am/resume", "inProgress", "inProgress", Am)]
    [InlineData("sessions/2022-05-23-pm/end", "scheduled", "ended", "2022-05-23-pm")]
    public async Task Other_illegal_moves_are_422_with_from_and_to(string command, string from, string to, string named)
    {
        var (id, chair, _) = await SittingAsync();

        var response = await RefusedAsync(id, () => _api.CommandAsync(id, command, chair));

        var problem = ApiAssert.Problem(response, (HttpStatusCode)422, "illegal-transition");
        Assert.Equal(from, (string?)problem["from"]);
        Assert.Equal(to, (string?)problem["to"]);
        Assert.Contains(named, (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Taking_up_an_item_with_no_sitting_in_progress_is_422()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var response = await RefusedAsync(id, () => _api.CommandAsync(id, "items/opening/open", chair));

        var problem = ApiAssert.Problem(response, (HttpStatusCode)422, "illegal-transition");
        Assert.Equal("pending", (string?)problem["from"]);
        Assert.Equal("open", (string?)problem["to"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task A_command_without_a_bearer_key_is_401_with_WWW_Authenticate_Bearer(string? authorization)
    {
        var (id, _, _) = await SittingAsync();

        var response = await RefusedAsync(id, async () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{id}/items/opening/conclude");
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }
            return await _api.SendAsync(request);
        });

        ApiAssert.Problem(response, HttpStatusCode.Unauthorized, "key-required");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_command_with_a_wrong_key_is_403()
    {
        var (id, chair, _) = await SittingAsync();

        var response = await RefusedAsync(id, () => _api.CommandAsync(id, "items/opening/conclude", chair + "x"));

        var problem = ApiAssert.Problem(response, HttpStatusCode.Forbidden, "wrong-key");
        Assert.Contains("not this meeting's chair key", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Theory]
    [InlineData("\"0\"")]
    [InlineData("\"1\"")]
    [InlineData("\"3\"")]
    [InlineData("W/\"1\"")]
    public async Task A_stale_If_Match_is_412(string ifMatch)
    {
        var (id, chair, _) = await SittingAsync();

        var response = await RefusedAsync(id, () => _api.CommandAsync(id, "items/opening/conclude", chair, new CommandOptions(IfMatch: ifMatch)));

        var problem = ApiAssert.Problem(response, HttpStatusCode.PreconditionFailed, "version-conflict");
        Assert.Contains("version 2", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("\"two\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"2\", \"3\"")]
    public async Task A_malformed_If_Match_is_400(string ifMatch)
    {
        var (id, chair, _) = await SittingAsync();

        var response = await RefusedAsync(id, () => _api.CommandAsync(id, "items/opening/conclude", chair, new CommandOptions(IfMatch: ifMatch)));

        var problem = ApiAssert.Problem(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.Contains("If-Match", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_Idempotency_Key_and_actor_name_are_400()
    {
        var (id, chair, _) = await SittingAsync();

        var longKey = await RefusedAsync(id, () => _api.CommandAsync(id, "items/opening/conclude", chair, new CommandOptions(IdempotencyKey: new string('k', 201))));
        Assert.Contains("Idempotency-Key", (string?)ApiAssert.Problem(longKey, HttpStatusCode.BadRequest, "bad-request")["detail"], StringComparison.Ordinal);

        var longName = await RefusedAsync(id, () => _api.CommandAsync(id, "items/opening/conclude", chair, new CommandOptions(ActorName: new string('n', 101))));
        ApiAssert.Problem(longName, HttpStatusCode.BadRequest, "bad-request");
    }

    [Fact]
    public async Task Errors_do_not_disturb_the_next_command()
    {
        var (id, chair, _) = await SittingAsync();
        await RefusedAsync(id, () => _api.CommandAsync(id, "items/opening/adopt", chair));
        await RefusedAsync(id, () => _api.CommandAsync(id, "items/opening/conclude", chair, new CommandOptions(IfMatch: "\"1\"")));
        await RefusedAsync(id, () => _api.CommandAsync(id, "items/opening/conclude", null));

        var s = await _api.OkAsync(id, "items/opening/conclude", chair, new CommandOptions(IfMatch: "\"2\""));

        Assert.Equal(3, (long)s["version"]!);
        var log = (await _api.GetLogAsync(id)).Json.AsArray();
        Assert.Equal([1L, 2, 3], log.Select(e => (long)e!["version"]!).ToArray());
    }
}

internal static class CommandHeadersNames
{
    public const string Replayed = "Idempotent-Replayed";
}
