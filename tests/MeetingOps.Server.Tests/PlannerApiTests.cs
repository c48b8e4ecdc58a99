using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Planning.Tests;
using MeetingOps.Server.Tests.Infrastructure;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Server.Tests;

/// <summary>
/// The planner over real HTTP on the 2022 sample: the rules every strategy keeps, checked on the plan the API answers;
/// PUT /plan proposing and publishing; hand pins, refused in words when a body does not sit; the interpretation quota;
/// what is not yet placed in the participants' schedule; WG.2's own calendar.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class PlannerApiTests(SharedServer shared)
{
    private const string AllHybrid = """{"sessions": ["all"], "format": "hybrid", "strategy": "STRATEGY"}""";

    private readonly MeetingOpsApi _api = shared.Api;

    private static readonly Meeting Vienna = Read();

    private static Meeting Read()
    {
        var result = DefinitionReader.Read(RepoFiles.Sample(RepoFiles.Vienna2022));
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Meeting!;
    }

    private Task<ApiResponse> Put(string id, string route, string json, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/meetings/{id}/{route}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return _api.SendAsync(request);
    }

    private static Plan PlanOf(JsonNode? node) => node.Deserialize<Plan>(MeetingOpsJson.Options)!;

    [Theory]
    [InlineData("compress")]
    [InlineData("reflow")]
    [InlineData("fit")]
    public async Task Every_strategy_on_the_2022_sample_all_hybrid_keeps_the_rules_in_the_plan_the_API_answers(string strategy)
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var change = AllHybrid.Replace("STRATEGY", strategy, StringComparison.Ordinal);
        var before = await _api.StateTextAsync(id);

        var proposal = await Put(id, "format?dryRun=true", change, chair);

        Assert.Equal(HttpStatusCode.OK, proposal.Status);
        Assert.Equal(before, await _api.StateTextAsync(id));
        var plan = PlanOf(proposal.Json["proposed"]);
        var request = PlanRequest.AllHybrid(Vienna, Enum.Parse<PlanStrategy>(strategy, ignoreCase: true));
        PlanInvariants.Hold(Vienna, request, plan);
        var warnings = proposal.Json["warnings"]!.AsArray().Select(w => (string)w!["message"]!).ToList();
        if (plan.Overflow.Minutes > 0)
        {
            var notPlaced = Assert.Single(warnings, w => w.StartsWith("Not yet placed", StringComparison.Ordinal));
            Assert.Contains($"{plan.Overflow.Minutes} minutes", notPlaced, StringComparison.Ordinal);
        }

        // Published, the participants' schedule lists what overflows as not yet placed.
        Assert.Equal(HttpStatusCode.OK, (await Put(id, "format", change, chair)).Status);
        var schedule = await _api.GetAsync($"/api/meetings/{id}/schedule");
        var notYetPlaced = schedule.Json["notYetPlaced"]!.AsArray();
        Assert.Equal(plan.Overflow.Items.Select(o => (o.ItemId, o.Minutes, "not yet placed")),
            notYetPlaced.Select(n => ((string)n!["itemId"]!, (int)n["minutes"]!, (string)n["status"]!)));
    }

    [Fact]
    public async Task The_tables_in_docs_hybrid_2022_are_the_plans_the_API_answers()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var plans = new List<Plan>();
        foreach (var strategy in new[] { "compress", "reflow", "fit" })
        {
            var proposal = await Put(id, "format?dryRun=true", AllHybrid.Replace("STRATEGY", strategy, StringComparison.Ordinal), chair);
            plans.Add(PlanOf(proposal.Json["proposed"]));
        }

        var tables = HybridTable.Render(Vienna, plans, $"{Vienna.Title}: every session hybrid, capped at 120 minutes",
            "dotnet run --project src/MeetingOps.Cli -- plan samples/ctoc-wg2-wg3-2022.meeting.json --hybrid all");

        var page = File.ReadAllText(Path.Combine(RepoFiles.Root, "docs", "hybrid-2022.md"));
        const string Begin = "<!-- tables: produced by the planner, do not edit by hand -->";
        var from = page.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var to = page.IndexOf("<!-- end of tables -->", StringComparison.Ordinal);
        Assert.Equal(tables.Trim('\n'), page[from..to].Trim('\n'));
    }

    [Fact]
    public async Task PUT_plan_with_a_dry_run_proposes_pins_and_changes_nothing_then_publishing_places_them()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        Assert.Equal(HttpStatusCode.OK, (await Put(id, "format", AllHybrid.Replace("STRATEGY", "reflow", StringComparison.Ordinal), chair)).Status);
        var version = (long)(await _api.GetMeetingAsync(id)).Json["version"]!;
        var before = await _api.StateTextAsync(id);
        // The officer gives "other matters" 20 minutes on Thursday afternoon, before the report.
        const string pinned = """{"strategy": "reflow", "pins": [{"item": "other-matters", "session": "2022-05-26-pm", "minutes": 20}]}""";

        var proposal = await Put(id, "plan?dryRun=true", pinned, chair);

        Assert.Equal(HttpStatusCode.OK, proposal.Status);
        Assert.Equal(version, (long)proposal.Json["version"]!);
        Assert.Equal(before, await _api.StateTextAsync(id));
        var plan = PlanOf(proposal.Json["proposed"]);
        Assert.Equal(new Allocation("other-matters", 20, false), plan.FindSession("2022-05-26-pm")!.Allocations.Single(a => a.ItemId == "other-matters"));
        PlanInvariants.Hold(Vienna, PlanRequest.AllHybrid(Vienna, PlanStrategy.Reflow) with { Pins = [new Pin("other-matters", "2022-05-26-pm", 20)] }, plan);
        Assert.Contains(proposal.Json["difference"]!["items"]!.AsArray(), m => (string?)m!["itemId"] == "other-matters");

        var published = await Put(id, "plan", pinned, chair);
        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.True(JsonNode.DeepEquals(proposal.Json["proposed"], published.Json["plan"]), $"proposed {proposal.Json["proposed"]}\npublished {published.Json["plan"]}");
        Assert.True((long)(await _api.GetMeetingAsync(id)).Json["version"]! > version);
    }

    [Fact]
    public async Task A_pin_where_the_items_body_does_not_sit_is_refused_in_words_and_changes_nothing()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);
        var before = await _api.StateTextAsync(id);

        // WG.3's item 2 on Wednesday morning, where only WG.2 sits.
        var refused = await Put(id, "plan", """{"strategy": "fit", "pins": [{"item": "transfer-of-sentenced-persons", "session": "2022-05-25-am"}]}""", chair);
        var proposed = await Put(id, "plan?dryRun=true", """{"strategy": "fit", "pins": [{"item": "transfer-of-sentenced-persons", "session": "2022-05-25-am"}]}""", chair);

        foreach (var answer in new[] { refused, proposed })
        {
            var problem = ApiAssert.Problem(answer, HttpStatusCode.BadRequest);
            var detail = (string)problem["detail"]!;
            Assert.Contains("$.pins[0].session", detail, StringComparison.Ordinal);
            Assert.Contains("Item 2 of WG.3 cannot be pinned to Wednesday 25 May morning (2022-05-25-am): WG.3 does not sit then.", detail, StringComparison.Ordinal);
            // Each problem also at its path with its phrase, for a page in another language.
            var error = problem["errors"]!.AsArray().Single()!;
            Assert.Equal(("$.pins[0].session", "planRequest.pinBodiesAbsent"), ((string?)error["path"], (string?)error["text"]!["code"]));
        }
        var unknown = ApiAssert.Problem(await Put(id, "plan", """{"strategy": "fit", "pins": [{"item": "nope", "session": "2022-05-25-am", "minutes": 500}]}""", chair), HttpStatusCode.BadRequest);
        Assert.Contains("no agenda item \"nope\"", (string)unknown["detail"]!, StringComparison.Ordinal);
        Assert.Equal(before, await _api.StateTextAsync(id));
    }

    [Fact]
    public async Task A_daily_interpretation_quota_is_kept_and_each_shortened_sitting_is_said()
    {
        var (id, chair, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var proposal = await Put(id, "format?dryRun=true", """{"sessions": ["all"], "format": "hybrid", "strategy": "fit", "interpretationMinutesPerDay": 180}""", chair);

        Assert.Equal(HttpStatusCode.OK, proposal.Status);
        var plan = PlanOf(proposal.Json["proposed"]);
        Assert.All(plan.Sessions.GroupBy(s => s.LocalStart.Date), day => Assert.True(day.Sum(s => s.AvailableMinutes) <= 180, $"{day.Key:d}"));
        Assert.Equal((120, 60), (plan.FindSession("2022-05-23-am")!.AvailableMinutes, plan.FindSession("2022-05-23-pm")!.AvailableMinutes));
        var warnings = proposal.Json["warnings"]!.AsArray().Select(w => (string)w!["message"]!).ToList();
        Assert.Contains("Monday 23 May afternoon: 60 minutes of interpretation instead of 120 minutes, to keep within the daily quota.", warnings);
        PlanInvariants.Hold(Vienna, PlanRequest.AllHybrid(Vienna, PlanStrategy.Fit) with { InterpretationMinutesPerDay = 180 }, plan);
    }

    [Fact]
    public async Task The_calendar_of_WG2_lists_only_WG2_items_with_WG2_numbers()
    {
        var (id, _, _) = await _api.CreateAsync(Samples.Wg2Wg3_2022);

        var calendar = Ical.Net.Calendar.Load((await _api.GetAsync($"/api/meetings/{id}/calendar.ics?body=wg2")).Body)!;

        // WG.2 sits in eight of the nine sittings; Monday morning is joint, but WG.3's item 2 is not on WG.2's agenda.
        Assert.Equal(8, calendar.Events.Count);
        var monday = calendar.Events.Single(e => e.Uid == $"{id}.2022-05-23-am@meetingops");
        Assert.Equal("Working Group of Government Experts on Technical Assistance: items 1 (a) and 1 (b)", monday.Summary);
        var tuesday = calendar.Events.Single(e => e.Uid == $"{id}.2022-05-24-am@meetingops");
        Assert.Equal("Working Group of Government Experts on Technical Assistance: item 2", tuesday.Summary);
        var wg3Only = Vienna.Items.Where(i => !i.Numbers.ContainsKey("wg2")).Select(i => i.Title).ToList();
        Assert.NotEmpty(wg3Only);
        Assert.All(calendar.Events, e => Assert.All(wg3Only, t => Assert.DoesNotContain(t, e.Description ?? "", StringComparison.Ordinal)));
    }
}
