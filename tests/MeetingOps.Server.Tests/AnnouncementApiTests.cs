using System.Net.Http.Headers;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>POST /api/meetings/{id}/announcements and DELETE …/{announcementId}: keys, bad input changing nothing, the log.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class AnnouncementApiTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;

    private Task<ApiResponse> Announce(string id, string? key, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{id}/announcements") { Content = MeetingOpsApi.JsonContent(json) };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return _api.SendAsync(request);
    }

    private Task<ApiResponse> Withdraw(string id, string? key, string announcementId)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/meetings/{id}/announcements/{announcementId}");
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return _api.SendAsync(request);
    }

    private static string Body(string text, DateTimeOffset? until = null) => new JsonObject
    {
        ["text"] = text,
        ["until"] = until?.ToString("O"),
    }.ToJsonString();

    [Fact]
    public async Task The_chair_announces_and_the_organizer_withdraws_each_logged_under_a_new_version()
    {
        var meeting = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var until = DateTimeOffset.UtcNow.AddHours(2);

        var made = await Announce(meeting.Id, meeting.ChairKey, Body("Informal consultations at 13:00 in Room M3", until));

        Assert.True(made.Status == HttpStatusCode.OK, made.ToString());
        Assert.Equal("\"1\"", made.ETag);
        var shown = Assert.Single(made.Json["announcements"]!.AsArray())!;
        Assert.Equal("Informal consultations at 13:00 in Room M3", (string)shown["text"]!);
        Assert.Equal("chair", (string)shown["by"]!);
        var id = (string)shown["id"]!;
        var snapshot = (await _api.GetMeetingAsync(meeting.Id)).Json;
        Assert.Equal(id, (string)snapshot["announcements"]![0]!["id"]!);

        var withdrawn = await Withdraw(meeting.Id, ServerProcess.TestOrganizerKey, id);

        Assert.True(withdrawn.Status == HttpStatusCode.OK, withdrawn.ToString());
        Assert.Empty(withdrawn.Json["announcements"]!.AsArray());
        var log = (await _api.GetLogAsync(meeting.Id)).Json.AsArray();
        Assert.Equal(["announce", "withdraw"], log.Select(e => (string)e!["action"]!));
        Assert.All(log, e => Assert.Equal("announcement", (string)e!["subject"]!));
    }

    [Theory]
    [InlineData("{\"text\": \"\"}", "$.text")]
    [InlineData("{\"text\": \"   \"}", "$.text")]
    [InlineData("{}", "$.text")]
    [InlineData("{\"text\": \"one\\ntwo\"}", "$.text")]
    [InlineData("{\"text\": \"Hello\", \"until\": \"2001-01-01T00:00:00Z\"}", "$.until")]
    [InlineData("{\"text\": \"Hello\", \"until\": \"next Tuesday\"}", "$.until")]
    [InlineData("[1, 2]", "$")]
    public async Task Bad_input_is_a_problem_naming_where_and_changes_nothing(string json, string where)
    {
        var meeting = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var before = await _api.StateTextAsync(meeting.Id);

        var response = await Announce(meeting.Id, meeting.ChairKey, json);

        var problem = ApiAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains(where, problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, await _api.StateTextAsync(meeting.Id));
    }

    [Fact]
    public async Task Text_over_the_limit_a_wrong_key_no_key_an_unknown_meeting_or_announcement_change_nothing()
    {
        var meeting = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var before = await _api.StateTextAsync(meeting.Id);

        ApiAssert.Problem(await Announce(meeting.Id, meeting.ChairKey, Body(new string('x', 301))), HttpStatusCode.BadRequest);
        ApiAssert.Problem(await Announce(meeting.Id, "not-the-chair-key", Body("Hello")), HttpStatusCode.Forbidden);
        var anonymous = await Announce(meeting.Id, null, Body("Hello"));
        ApiAssert.Problem(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
        ApiAssert.Problem(await Announce("m-nosuchmeeting", ServerProcess.TestOrganizerKey, Body("Hello")), HttpStatusCode.NotFound);
        ApiAssert.Problem(await Withdraw(meeting.Id, meeting.ChairKey, "7"), HttpStatusCode.NotFound);
        ApiAssert.Problem(await Withdraw(meeting.Id, meeting.ChairKey, "not-an-id"), HttpStatusCode.NotFound);

        Assert.Equal(before, await _api.StateTextAsync(meeting.Id));
    }
}
