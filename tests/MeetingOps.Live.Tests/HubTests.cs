using System.Net.Http.Headers;
using MeetingOps.Domain;
using MeetingOps.Live.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingOps.Live.Tests;

/// <summary>The hub with real HubConnection clients against the real server: ordering, gaps, resync, who may act, limits.</summary>
[Trait("Category", "Slow")]
[Collection(LiveCollection.Name)]
public sealed class HubTests(LiveFixture fixture)
{
    private LiveServer Server => fixture.Server;

    [Fact]
    public async Task Every_follower_gets_every_change_once_in_strictly_increasing_versions()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var first = await Follower.StartAsync(Server, id);
        await using var second = await Follower.StartAsync(Server, id);
        await using var chair = await Hub.ConnectAsync(Server);
        await using var secretary = await Hub.ConnectAsync(Server);
        var start = first.Version;

        // Two consoles at once, then a sitting run in order.
        string[] deferred = ["transfer-of-sentenced-persons", "application-of-the-organized-crime-convention", "effective-strategies-to-prevent-and-combat",
            "finalization-and-adoption-of-the-draft", "matters-pertaining-to-the-mechanism", "other-matters"];
        await Task.WhenAll(deferred.Select((item, i) => (i % 2 == 0 ? chair : secretary).ActAsync(id, key, "item", item, "defer")));
        long last = 0;
        var step = 0;
        foreach (var (kind, target, action) in new[]
                 {
                     ("session", "2022-05-23-am", "start"), ("item", "opening", "open"), ("item", "opening", "conclude"),
                     ("item", "adoption-of-agenda", "open"), ("item", "adoption-of-agenda", "adopt"),
                     ("session", "2022-05-23-am", "suspend"), ("session", "2022-05-23-am", "resume"), ("session", "2022-05-23-am", "end"),
                 })
        {
            // Taking turns keeps each console within the hub's per-connection call burst however fast commands answer.
            // The sample's Monday is not today: its start is confirmed as a sitting of another day.
            last = await (step++ % 2 == 0 ? chair : secretary).ActAsync(id, key, kind, target, action, confirm: action == "start" ? "offDay" : null);
        }
        Assert.Equal(start + deferred.Length + 8, last);

        foreach (var follower in new[] { first, second })
        {
            var pushes = new List<ReceivedPush>();
            for (var v = start + 1; v <= last; v++)
            {
                pushes.Add(await follower.NextPushAsync());
            }
            Assert.Equal(Enumerable.Range(1, (int)(last - start)).Select(i => start + i), pushes.Select(p => p.Version));
            Assert.All(pushes, p =>
            {
                Assert.Equal(id, p.MeetingId);
                Assert.Equal(p.Version, p.Snapshot!.Version);
                Assert.Equal(p.Version, p.Entries[^1].Version);
            });
            Assert.Equal(deferred.Order(), pushes.Take(deferred.Length).Select(p => p.Entries.Single().ItemId!).Order());
            var final = pushes[^1].Snapshot!;
            Assert.Equal(SessionStatus.Ended, final.Sessions.Single(s => s.Id == "2022-05-23-am").Status);
            Assert.Equal(ItemStatus.Adopted, final.Items.Single(i => i.Id == "adoption-of-agenda").Status);
            Assert.False(follower.HasPendingPush);
        }
    }

    [Fact]
    public async Task A_follower_that_sees_a_gap_resyncs_from_a_snapshot_and_goes_on_from_there()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var follower = await Follower.StartAsync(Server, id);
        await using var chair = await Hub.ConnectAsync(Server);
        var before = follower.Version;

        // The follower is out of the group for one change (as after a lost message), then back in without a snapshot.
        await follower.Connection.InvokeAsync("Unfollow", id);
        var missed = await chair.ActAsync(id, key, "session", "2022-05-23-am", "start", confirm: "offDay");
        await follower.Connection.InvokeAsync<MeetingView>("Follow", id); // rejoins; the follower's own state stays at `before`
        var next = await chair.ActAsync(id, key, "item", "opening", "open");

        await follower.CatchUpAsync(next);
        Assert.Equal(before + 1, missed);
        Assert.Equal(1, follower.Resyncs);
        Assert.Equal([next], follower.Received.Select(p => p.Version)); // it never saw `missed`: it saw `next`, a gap
        Assert.Equal(next, follower.Version);
        Assert.Equal(SessionStatus.InProgress, follower.Meeting!.Sessions.Single(s => s.Id == "2022-05-23-am").Status);
        Assert.Equal("opening", follower.Meeting.CurrentItemId);

        // From the snapshot on, the next push is simply the next version.
        var after = await chair.ActAsync(id, key, "item", "opening", "conclude");
        await follower.CatchUpAsync(after);
        Assert.Equal(1, follower.Resyncs);
        Assert.Equal(ItemStatus.Concluded, follower.Meeting!.Items.Single(i => i.Id == "opening").Status);
    }

    [Fact]
    public async Task A_follower_that_reconnects_gets_what_it_missed_in_the_snapshot()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var chair = await Hub.ConnectAsync(Server);
        var follower = await Follower.StartAsync(Server, id);
        var before = follower.Version;
        await follower.DisposeAsync(); // the room screen loses its connection

        await chair.ActAsync(id, key, "session", "2022-05-23-am", "start", confirm: "offDay");
        var latest = await chair.ActAsync(id, key, "item", "opening", "open");

        await using var back = await Follower.StartAsync(Server, id);
        Assert.Equal(before + 2, latest);
        Assert.Equal(latest, back.Version);
        Assert.Equal("opening", back.Meeting!.CurrentItemId);
        var next = await chair.ActAsync(id, key, "item", "opening", "continue");
        Assert.Equal(next, (await back.NextPushAsync()).Version);
    }

    [Fact]
    public async Task A_presiding_name_with_control_characters_is_refused_through_the_hub_and_nothing_changes()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var chair = await Hub.ConnectAsync(Server);
        var logBefore = (await Server.LogAsync(id)).Count;

        var reply = await chair.CommandAsync(id, key, "session", "2022-05-23-am", "start", actorName: "Ms. A\u001b[2J");

        Assert.False(reply.Accepted);
        Assert.Equal(400, reply.Problem!.Status);
        Assert.Contains("control characters", reply.Problem.Detail, StringComparison.Ordinal);
        Assert.Equal(logBefore, (await Server.LogAsync(id)).Count);
    }

    [Fact]
    public async Task A_participant_connection_cannot_act_without_the_chair_key_and_nothing_changes()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var follower = await Follower.StartAsync(Server, id);
        await using var participant = await Hub.ConnectAsync(Server);
        var logBefore = (await Server.LogAsync(id)).Count;

        var noKey = await participant.CommandAsync(id, null, "session", "2022-05-23-am", "start");
        var wrongKey = await participant.CommandAsync(id, "not-the-chair-key-at-all", "session", "2022-05-23-am", "start");
        var organizerLooking = await participant.CommandAsync(id, key[..^1] + (key[^1] == 'a' ? 'b' : 'a'), "item", "opening", "open");

        Assert.False(noKey.Accepted);
        Assert.Equal(401, noKey.Problem!.Status);
        Assert.Equal("urn:meetingops:problem:key-required", noKey.Problem.Type);
        Assert.Null(noKey.Version);
        Assert.False(wrongKey.Accepted);
        Assert.Equal(403, wrongKey.Problem!.Status);
        Assert.Equal("urn:meetingops:problem:wrong-key", wrongKey.Problem.Type);
        Assert.Contains("not this meeting's chair key", wrongKey.Problem.Detail, StringComparison.Ordinal);
        Assert.Equal(403, organizerLooking.Problem!.Status);

        // Nothing changed: same version, same log, and the next change anyone sees is the chair's, one version on.
        var snapshot = await participant.FollowAsync(id);
        Assert.Equal(follower.Version, snapshot.Version);
        Assert.Equal(SessionStatus.Scheduled, snapshot.Sessions.Single(s => s.Id == "2022-05-23-am").Status);
        Assert.Equal(logBefore, (await Server.LogAsync(id)).Count);
        var chairVersion = await participant.ActAsync(id, key, "session", "2022-05-23-am", "start", confirm: "offDay"); // the same connection, with the key
        var push = await follower.NextPushAsync();
        Assert.Equal(snapshot.Version + 1, push.Version);
        Assert.Equal(chairVersion, push.Version);
        Assert.Equal(Role.Chair, push.Entries.Single().Actor.Role);
    }

    [Fact]
    public async Task Refused_commands_say_why_in_the_api_s_words()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var chair = await Hub.ConnectAsync(Server);

        var illegal = await chair.CommandAsync(id, key, "item", "opening", "conclude");
        var unknownAction = await chair.CommandAsync(id, key, "item", "opening", "explode");
        var unknownKind = await chair.CommandAsync(id, key, "agenda", "opening", "open");
        var unknownItem = await chair.CommandAsync(id, key, "item", "no-such-item", "open");
        var start = await chair.ActAsync(id, key, "session", "2022-05-23-am", "start", confirm: "offDay");
        var stale = await chair.CommandAsync(id, key, "item", "opening", "open", expectedVersion: start - 1);

        Assert.Equal((422, "urn:meetingops:problem:illegal-transition", "pending", "concluded"),
            (illegal.Problem!.Status, illegal.Problem.Type, illegal.Problem.From, illegal.Problem.To));
        Assert.Equal(400, unknownAction.Problem!.Status);
        Assert.Contains("open, continue, conclude, adopt, defer, reopen", unknownAction.Problem.Detail, StringComparison.Ordinal);
        Assert.Equal(400, unknownKind.Problem!.Status);
        Assert.Equal(404, unknownItem.Problem!.Status);
        Assert.Equal((412, "urn:meetingops:problem:version-conflict"), (stale.Problem!.Status, stale.Problem.Type));
        Assert.Equal(start, (await chair.FollowAsync(id)).Version);
    }

    [Fact]
    public async Task The_same_idempotency_key_applies_a_command_once()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var chair = await Hub.ConnectAsync(Server);

        var first = await chair.CommandAsync(id, key, "session", "2022-05-23-am", "start", idempotencyKey: "click-1", confirm: "offDay");
        var again = await chair.CommandAsync(id, key, "session", "2022-05-23-am", "start", idempotencyKey: "click-1", confirm: "offDay");

        Assert.True(first.Accepted);
        Assert.False(first.Replayed);
        Assert.True(again.Accepted);
        Assert.True(again.Replayed);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.Version, (await chair.FollowAsync(id)).Version);
    }

    [Fact]
    public async Task MessagePack_clients_follow_and_act_like_json_ones()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var follower = await Follower.StartAsync(Server, id, Protocol.MessagePack);
        await using var chair = await Hub.ConnectAsync(Server, Protocol.MessagePack);
        await using var jsonFollower = await Follower.StartAsync(Server, id);

        Assert.Equal("Vienna", follower.Meeting!.Venue);
        Assert.Equal(new DateOnly(2022, 5, 23), follower.Meeting.StartDate);
        var version = await chair.ActAsync(id, key, "session", "2022-05-23-am", "start", confirm: "offDay");
        var push = await follower.NextPushAsync();
        var jsonPush = await jsonFollower.NextPushAsync();

        Assert.Equal(version, push.Version);
        Assert.Equal(jsonPush.Version, push.Version);
        Assert.Equal(SessionStatus.InProgress, push.Snapshot!.Sessions.Single(s => s.Id == "2022-05-23-am").Status);
        Assert.Equal(jsonPush.Snapshot!.Sessions.Select(s => (s.Id, s.Status, s.StartUtc)), push.Snapshot!.Sessions.Select(s => (s.Id, s.Status, s.StartUtc)));
        Assert.Equal(jsonPush.Snapshot!.Items.Select(i => (i.Id, i.Status, i.Title)), push.Snapshot!.Items.Select(i => (i.Id, i.Status, i.Title)));
        var change = push.Entries.Single();
        Assert.Equal((ChangeSubject.Session, "start", "scheduled", "inProgress"), (change.Subject, change.Action, change.From, change.To));
        var refused = await chair.CommandAsync(id, "wrong-key-for-sure", "item", "opening", "open");
        Assert.Equal(403, refused.Problem!.Status);
    }

    [Theory]
    [InlineData("item", "opening", "frobnicate")]
    [InlineData("item", "opening", "start")]
    [InlineData("session", "2022-05-23-am", "adopt")]
    public async Task An_unknown_action_is_refused_in_the_same_words_through_the_hub_and_over_REST(string kind, string id, string action)
    {
        var (meetingId, key) = await Server.CreateMeetingAsync();
        await using var chair = await Hub.ConnectAsync(Server);
        var expected = kind == "item" ? ChairActions.UnknownItemAction(action) : ChairActions.UnknownSessionAction(action);

        var throughHub = await chair.CommandAsync(meetingId, key, kind, id, action);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{meetingId}/{kind}s/{id}/{action}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await Server.Http.SendAsync(request);
        var overRest = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal((400, expected), (throughHub.Problem!.Status, throughHub.Problem.Detail));
        Assert.Equal((400, expected), ((int)response.StatusCode, (string?)overRest["detail"]));
        Assert.Empty(await Server.LogAsync(meetingId));
    }

    [Theory]
    [InlineData("item", "opening", "frobnicate", null, null, "command.unknownAction")]
    [InlineData("session", "2022-05-23-am", "adopt", null, null, "command.unknownAction")]
    [InlineData("session", "2022-05-23-am", "start", "yes", null, "command.unknownConfirmation")]
    [InlineData("item", "", "open", null, null, "command.idLength")]
    [InlineData("session", "2022-05-23-am", "start", null, "2022-05-23-am", "command.sessionIdExtra")]
    [InlineData("agenda", "opening", "open", null, null, "command.itemOrSession")]
    public async Task A_malformed_hub_command_is_refused_with_its_phrase_and_nothing_changes(
        string kind, string id, string action, string? confirm, string? sessionId, string code)
    {
        var (meetingId, key) = await Server.CreateMeetingAsync();
        await using var chair = await Hub.ConnectAsync(Server);

        var reply = await chair.CommandAsync(meetingId, key, kind, id, action, sessionId: sessionId, confirm: confirm);

        Assert.Equal(400, reply.Problem!.Status);
        Assert.Equal(code, reply.Problem.Text?.Code);
        Assert.Empty(await Server.LogAsync(meetingId));
    }

    [Fact]
    public async Task Following_a_meeting_that_does_not_exist_is_refused()
    {
        await using var connection = await Hub.ConnectAsync(Server);

        var unknown = await Assert.ThrowsAsync<HubException>(() => connection.FollowAsync("nosuchmeeting1"));
        var malformed = await Assert.ThrowsAsync<HubException>(() => connection.FollowAsync("../../etc"));

        Assert.Contains("There is no meeting \"nosuchmeeting1\"", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("There is no meeting", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_that_calls_too_fast_is_answered_429_with_a_message_saying_so()
    {
        var (id, _) = await Server.CreateMeetingAsync();
        await using var connection = await Hub.ConnectAsync(Server);

        // 25 calls at once (harmless ones: a wrong key); the bucket holds 10 and refills at 10 a second.
        var calls = Enumerable.Range(0, 25).Select(_ => connection.CommandAsync(id, "wrong-key-for-sure", "item", "opening", "open")).ToList();
        var outcomes = await Task.WhenAll(calls.Select(async c =>
        {
            try
            {
                // A call over the limit is answered (a 429 problem with the words), not thrown: refusals are not errors.
                var problem = (await c).Problem;
                // The words come as a phrase too, for the page to say in the viewer's language.
                return problem is { Status: 429 } ? $"{problem.Detail} [{problem.Text?.Code}]" : problem?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "accepted";
            }
            catch (HubException e)
            {
                return e.Message;
            }
        }));

        var limited = outcomes.Where(o => o.Contains("Too many calls on this connection: at most 10 per second", StringComparison.Ordinal)).ToList();
        Assert.All(limited, o => Assert.EndsWith("[limit.hubCalls]", o, StringComparison.Ordinal));
        Assert.NotEmpty(limited);
        Assert.True(outcomes.Count(o => o == "403") >= 10, string.Join(" | ", outcomes));
        Assert.Equal(25, limited.Count + outcomes.Count(o => o == "403"));
        Assert.True(connection.State == HubConnectionState.Connected, "the connection stays open; only the calls over the limit are refused");
    }

    [Fact]
    public async Task A_message_over_32_KB_closes_the_connection_and_changes_nothing()
    {
        var (id, key) = await Server.CreateMeetingAsync();
        await using var connection = await Hub.ConnectAsync(Server);
        var closed = new TaskCompletionSource<Exception?>();
        connection.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };

        var huge = new string('x', 40 * 1024);
        await Assert.ThrowsAnyAsync<Exception>(() => connection.CommandAsync(id, key, "session", "2022-05-23-am", "start", idempotencyKey: huge));

        await closed.Task.WaitAsync(Hub.Wait);
        await using var observer = await Hub.ConnectAsync(Server);
        Assert.Equal(SessionStatus.Scheduled, (await observer.FollowAsync(id)).Sessions.Single(s => s.Id == "2022-05-23-am").Status);
    }

    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("null", HttpStatusCode.Forbidden)]
    [InlineData("http://localhost:1234", HttpStatusCode.OK)]
    [InlineData(null, HttpStatusCode.OK)]
    public async Task The_hub_refuses_pages_from_other_origins(string? origin, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Hub.Path}/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }
        using var response = await Server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal(new MediaTypeHeaderValue("application/problem+json").MediaType, response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("MeetingOps:AllowedOrigins", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_host_s_own_origin_may_connect_by_websocket_and_another_may_not()
    {
        var own = $"{Server.BaseAddress.Scheme}://{Server.BaseAddress.Authority}";
        await using var allowed = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, Hub.Path), o => o.Headers["Origin"] = own)
            .Build();
        await using var refused = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, Hub.Path), o => o.Headers["Origin"] = "https://evil.example")
            .Build();

        await allowed.StartAsync().WaitAsync(Hub.Wait);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => refused.StartAsync().WaitAsync(Hub.Wait));

        Assert.Equal(HubConnectionState.Connected, allowed.State);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }
}
