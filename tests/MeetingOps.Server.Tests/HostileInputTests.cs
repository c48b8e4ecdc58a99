using System.Text;
using System.Net.Http.Headers;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>Careless or hostile input over real HTTP: control characters, bytes that are not UTF-8, forged Host headers, replays.</summary>
[Collection(SharedServerCollection.Name)]
public sealed class HostileInputTests(SharedServer shared)
{
    private const string Am = "2022-05-23-am";

    private readonly MeetingOpsApi _api = shared.Api;

    [Theory]
    [InlineData("Ms. Lind\u001b[2J")]
    [InlineData("Ms. Lind\u007f")]
    public async Task An_actor_name_with_control_characters_is_refused_and_nothing_changes(string name)
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var before = await _api.StateTextAsync(id);

        var response = await _api.CommandAsync(id, $"sessions/{Am}/start?confirm=offDay", chair, new CommandOptions(ActorName: name));

        var problem = ApiAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("X-Actor-Name", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await _api.StateTextAsync(id));
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    public async Task A_command_body_that_is_not_declared_json_is_refused_in_words_and_nothing_changes(string contentType)
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var before = await _api.StateTextAsync(id);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{id}/announcements")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"text\":\"Room change\"}")),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chair);

        var problem = ApiAssert.Problem(await _api.SendAsync(request), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        Assert.Contains($"sent as \"{contentType}\"", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(before, await _api.StateTextAsync(id));
    }

    [Fact]
    public async Task A_not_found_detail_does_not_repeat_the_marks_that_would_reverse_it()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        await _api.OkAsync(id, $"sessions/{Am}/start?confirm=offDay", chair);

        var response = await _api.CommandAsync(id, $"items/{Uri.EscapeDataString("evil\u202Egnp.exe")}/open", chair);

        var detail = (string?)ApiAssert.Problem(response, HttpStatusCode.NotFound, "not-found")["detail"];
        Assert.Contains("evilgnp.exe", detail, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', detail!);
    }

    [Fact]
    public async Task A_replay_answers_the_version_the_command_was_applied_at()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var first = await _api.CommandAsync(id, $"sessions/{Am}/start?confirm=offDay", chair, new CommandOptions(IdempotencyKey: "start-am"));
        await _api.OkAsync(id, "items/opening/open", chair);

        var replay = await _api.CommandAsync(id, $"sessions/{Am}/start?confirm=offDay", chair, new CommandOptions(IdempotencyKey: "start-am"));

        Assert.Equal("1", first.Header("Applied-Version"));
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));
        Assert.Equal("1", replay.Header("Applied-Version"));
        Assert.Equal("\"2\"", replay.ETag);
    }

    [Fact]
    public async Task An_agenda_that_is_not_utf8_is_refused_with_where_not_as_too_large()
    {
        // Half a megabyte of bytes that are not UTF-8 would decode to three times as many bytes of replacement characters.
        var bytes = Encoding.UTF8.GetBytes("Provisional agenda\n1. Opening\n").Concat(Enumerable.Repeat((byte)0xFF, 800_000)).ToArray();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/meetings/import?dryRun=true") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.TestOrganizerKey);

        var problem = ApiAssert.Problem(await _api.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.Contains("not valid UTF-8", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("line 3", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_definition_that_is_not_utf8_is_refused_with_where()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"title\": \"x").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var problem = ApiAssert.Problem(await _api.PostDefinitionAsync(content, ServerProcess.TestOrganizerKey), HttpStatusCode.BadRequest);

        Assert.Contains("not valid UTF-8", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_host_header_does_not_break_the_calendar()
    {
        var (id, _, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/meetings/{id}/calendar.ics");
        Assert.True(request.Headers.TryAddWithoutValidation("Host", "x:99999"));

        var response = await _api.SendAsync(request);

        // Kestrel refuses the port outright (400); what matters is no 500 and no link to the forged host.
        Assert.True(response.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, response.ToString());
        Assert.DoesNotContain("x:99999", response.Body, StringComparison.Ordinal);
    }
}
