using System.Net.Http.Headers;
using System.Text;
using MeetingOps.Server.Tests.Infrastructure;

namespace MeetingOps.Server.Tests;

/// <summary>
/// PUT /format?dryRun=true over real HTTP: a proposal (plan, overflow, warnings, difference from the plan in force)
/// that changes nothing; publishing is the same change without it. Rules are checked from the API's own answers.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class PlanProposalApiTests(SharedServer shared)
{
    private readonly MeetingOpsApi _api = shared.Api;

    private Task<ApiResponse> PutFormat(string id, string query, string json, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{id}/format{query}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return _api.SendAsync(request);
    }

    [Theory]
    [InlineData("compress")]
    [InlineData("fit")]
    [InlineData("reflow")]
    public async Task A_dry_run_proposes_the_plan_that_publishing_makes_and_changes_nothing(string strategy)
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var change = $$"""{"sessions": ["all"], "format": "hybrid", "strategy": "{{strategy}}"}""";
        var before = await _api.StateTextAsync(id);

        var proposal = await PutFormat(id, "?dryRun=true", change, chair);

        Assert.Equal(HttpStatusCode.OK, proposal.Status);
        Assert.Equal("\"0\"", proposal.ETag);
        var body = proposal.Json;
        Assert.Equal(0, (long)body["version"]!);
        Assert.Equal(before, await _api.StateTextAsync(id));
        Assert.Equal(strategy, (string?)body["proposed"]!["strategy"]);
        Assert.Equal("compress", (string?)body["current"]!["strategy"]);
        Assert.NotEmpty(body["difference"]!["items"]!.AsArray());
        Assert.All(body["difference"]!["items"]!.AsArray(), m => Assert.Contains(" → ", (string?)m!["text"], StringComparison.Ordinal));

        var snapshot = (await _api.GetMeetingAsync(id)).Json;
        RulesHold(snapshot, body["proposed"]!, body["warnings"]!.AsArray());

        // Publishing is the same change without dryRun: the plan published is the plan proposed.
        var published = await PutFormat(id, "", change, chair);
        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.True(JsonNode.DeepEquals(body["proposed"], published.Json["plan"]), $"proposed {body["proposed"]}\npublished {published.Json["plan"]}");
    }

    [Fact]
    public async Task A_dry_run_is_refused_like_the_command_and_dryRun_must_be_true_or_false()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        const string change = """{"sessions": ["all"], "format": "hybrid", "strategy": "fit"}""";

        ApiAssert.Problem(await PutFormat(id, "?dryRun=true", change, null), HttpStatusCode.Unauthorized);
        ApiAssert.Problem(await PutFormat(id, "?dryRun=true", change, "guess"), HttpStatusCode.Forbidden);
        ApiAssert.Problem(await PutFormat(id, "?dryRun=true", """{"sessions": ["nope"], "format": "hybrid", "strategy": "fit"}""", chair), HttpStatusCode.NotFound);
        ApiAssert.Problem(await PutFormat(id, "?dryRun=maybe", change, chair), HttpStatusCode.BadRequest);
        ApiAssert.Problem(await PutFormat("nosuchmeeting", "?dryRun=true", change, chair), HttpStatusCode.NotFound);
        Assert.Equal(0, (long)(await _api.GetMeetingAsync(id)).Json["version"]!);
    }

    /// <summary>
    /// The rules every strategy keeps, from the answer alone: an item only in sittings where every body of its agenda
    /// sits; overflow always named in a warning with its minutes. (No sitting left with time while an item that could go
    /// there overflows does not hold yet for fit and reflow on this sample: see the planner's report.)
    /// </summary>
    private static void RulesHold(JsonNode snapshot, JsonNode plan, JsonArray warnings)
    {
        var bodiesOf = snapshot["items"]!.AsArray().ToDictionary(i => (string)i!["id"]!, i => i!["numbers"]!.AsObject().Select(n => n.Key).ToList());
        var sessions = plan["sessions"]!.AsArray();
        foreach (var session in sessions)
        {
            var seated = session!["bodies"]!.AsArray().Select(b => (string)b!).ToHashSet();
            foreach (var allocation in session["allocations"]!.AsArray())
            {
                var item = (string)allocation!["itemId"]!;
                Assert.True(bodiesOf[item].All(seated.Contains), $"{item} is planned in {session["sessionId"]}, where not all its bodies sit");
            }
        }
        var overflow = plan["overflow"]!;
        var overflowMinutes = (int)overflow["minutes"]!;
        if (overflowMinutes > 0)
        {
            var named = warnings.Select(w => (string?)w!["message"]).FirstOrDefault(m => m?.StartsWith("Not yet placed", StringComparison.Ordinal) == true);
            Assert.NotNull(named);
            Assert.Contains($"{overflowMinutes} minutes", named, StringComparison.Ordinal);
        }
    }
}
