using MeetingOps.Domain;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Planning.Tests;

/// <summary>
/// The 2022 sample with every session hybrid at the two-hour cap: nine three-hour sittings (27 hours of planned
/// items) into nine two-hour sittings (18 hours). The figures are pinned: they are what docs/hybrid-2022.md shows.
/// </summary>
public class Vienna2022HybridTests
{
    private static readonly Meeting Vienna = Samples.Vienna2022;

    private static Plan Plan(PlanStrategy strategy) => SchedulePlanner.Plan(Vienna, PlanRequest.AllHybrid(Vienna, strategy));

    private static Dictionary<string, int> Allocated(Plan plan) => plan.Items.ToDictionary(i => i.ItemId, i => i.AllocatedMinutes);

    [Fact]
    public void The_organization_of_work_plans_27_hours_of_items()
    {
        var planned = PlannedTime.Of(Vienna);

        Assert.Equal(27 * 60, planned.TotalMinutes);
        Assert.Equal(
            [
                ("opening", 60), ("adoption-of-agenda", 60), ("transfer-of-sentenced-persons", 240), ("application-of-the-organized-crime-convention", 360),
                ("effective-strategies-to-prevent-and-combat", 360), ("finalization-and-adoption-of-the-draft", 90), ("matters-pertaining-to-the-mechanism", 90), ("other-matters", 90), ("joint-report", 270),
            ],
            planned.Items.Select(i => (i.ItemId, i.Minutes)));
        Assert.DoesNotContain(planned.Items, i => i.ItemId == "organizational-matters");
    }

    [Fact]
    public void All_hybrid_the_nine_sessions_offer_18_hours()
    {
        var plan = Plan(PlanStrategy.Compress);

        Assert.Equal(1620, plan.PlannedMinutes);
        Assert.Equal(1080, plan.AvailableMinutes);
        Assert.All(plan.Sessions, s => Assert.Equal((SessionFormat.Hybrid, 120, 180, 120), (s.Format, s.CapMinutes!.Value, s.LengthMinutes, s.AvailableMinutes)));
        var monday = plan.Sessions[0];
        Assert.Equal((new DateTime(2022, 5, 23, 10, 0, 0), new DateTime(2022, 5, 23, 12, 0, 0)), (monday.LocalStart, monday.LocalEnd));
        Assert.Equal((DateTimeOffset.Parse("2022-05-23T08:00Z"), DateTimeOffset.Parse("2022-05-23T10:00Z")), (monday.Start, monday.End));
    }

    [Fact]
    public void Compress_scales_every_session_to_two_thirds_and_nothing_overflows()
    {
        var plan = Plan(PlanStrategy.Compress);

        Assert.Equal(1080, plan.AllocatedMinutes);
        Assert.Equal(Overflow.None.Minutes, plan.Overflow.Minutes);
        Assert.Equal(new Dictionary<string, int>
        {
            ["opening"] = 40, ["adoption-of-agenda"] = 40, ["transfer-of-sentenced-persons"] = 160, ["application-of-the-organized-crime-convention"] = 240,
            ["effective-strategies-to-prevent-and-combat"] = 240, ["finalization-and-adoption-of-the-draft"] = 60, ["matters-pertaining-to-the-mechanism"] = 60, ["other-matters"] = 60, ["joint-report"] = 180,
        }, Allocated(plan));
        Assert.Equal([new Allocation("opening", 40, false), new Allocation("adoption-of-agenda", 40, false), new Allocation("transfer-of-sentenced-persons", 40, false)],
            plan.Sessions[0].Allocations);
        Assert.Equal([new Allocation("transfer-of-sentenced-persons", 120, true)], plan.Sessions[1].Allocations);
    }

    [Fact]
    public void Reflow_keeps_planned_minutes_keeps_each_sitting_for_what_was_planned_there_and_says_what_is_not_yet_placed()
    {
        var plan = Plan(PlanStrategy.Reflow);

        // Every sitting full: the joint thematic discussion in the joint Tuesday sittings (WG.3's item 2 gives way there,
        // not the joint item), WG.2's items on Wednesday and Thursday morning as planned, the report in the last two joint sittings.
        Assert.Equal(1080, plan.AllocatedMinutes);
        Assert.Equal(540, plan.Overflow.Minutes);
        Assert.Equal(
            [
                new OverflowItem("transfer-of-sentenced-persons", 120), new OverflowItem("application-of-the-organized-crime-convention", 120),
                new OverflowItem("effective-strategies-to-prevent-and-combat", 120), new OverflowItem("matters-pertaining-to-the-mechanism", 60),
                new OverflowItem("other-matters", 90), new OverflowItem("joint-report", 30),
            ],
            plan.Overflow.Items);
        string[] sessions = ["2022-05-23-am", "2022-05-23-pm", "2022-05-24-am", "2022-05-24-pm", "2022-05-25-am", "2022-05-25-pm", "2022-05-26-am", "2022-05-26-pm", "2022-05-27-am"];
        Assert.Equal(sessions, plan.Sessions.Select(s => s.SessionId));
        Assert.Equal(
            [
                "opening 60, adoption-of-agenda 60",
                "transfer-of-sentenced-persons 120",
                "application-of-the-organized-crime-convention 120",
                "application-of-the-organized-crime-convention 120 (continued)",
                "effective-strategies-to-prevent-and-combat 120",
                "effective-strategies-to-prevent-and-combat 120 (continued)",
                "finalization-and-adoption-of-the-draft 90, matters-pertaining-to-the-mechanism 30",
                "joint-report 120",
                "joint-report 120 (continued)",
            ],
            plan.Sessions.Select(Describe));
        var warning = Assert.Single(plan.Warnings!);
        Assert.Equal(ForecastWarningKind.NotPlaced, warning.Kind);
        Assert.Equal("Not yet placed: 540 minutes (item 2 of WG.3, 120 minutes; item 3 of WG.3 and 2 of WG.2, 120 minutes; item 3 of WG.2, 120 minutes; " +
            "item 5 of WG.2, 60 minutes; item 4 of WG.3 and 6 of WG.2, 90 minutes; item 5 of WG.3 and 7 of WG.2, 30 minutes). Add a sitting, pin items or re-plan before publishing.",
            warning.Message);
    }

    [Fact]
    public void Fit_compresses_everything_to_two_thirds_in_the_sittings_of_the_organization_of_work_and_everything_fits()
    {
        var plan = Plan(PlanStrategy.Fit);

        Assert.Equal(2.0 / 3, plan.FitFactor!.Value, 9);
        Assert.Equal(1080, plan.Items.Sum(i => i.TargetMinutes));
        Assert.Equal(1080, plan.AllocatedMinutes);
        Assert.Empty(plan.Overflow.Items);
        Assert.Empty(plan.Warnings!);
        Assert.Equal(
            [
                "opening 40, adoption-of-agenda 40, transfer-of-sentenced-persons 40",
                "transfer-of-sentenced-persons 120 (continued)",
                "application-of-the-organized-crime-convention 120",
                "application-of-the-organized-crime-convention 120 (continued)",
                "effective-strategies-to-prevent-and-combat 120",
                "effective-strategies-to-prevent-and-combat 120 (continued)",
                "finalization-and-adoption-of-the-draft 60, matters-pertaining-to-the-mechanism 60",
                "other-matters 60, joint-report 60",
                "joint-report 120 (continued)",
            ],
            plan.Sessions.Select(Describe));
    }

    [Fact]
    public void Every_strategy_keeps_the_invariants_on_the_sample()
    {
        foreach (var strategy in Enum.GetValues<PlanStrategy>())
        {
            var request = PlanRequest.AllHybrid(Vienna, strategy);
            PlanInvariants.Hold(Vienna, request, SchedulePlanner.Plan(Vienna, request));
        }
    }

    [Fact]
    public void A_plan_reads_back_from_json_exactly_as_written()
    {
        var plan = Plan(PlanStrategy.Fit);
        var json = System.Text.Json.JsonSerializer.Serialize(plan, MeetingOpsJson.Options);

        var back = System.Text.Json.JsonSerializer.Deserialize<Plan>(json, MeetingOpsJson.Options)!;

        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back, MeetingOpsJson.Options));
        Assert.Contains("\"sessionId\":\"2022-05-23-am\"", json, StringComparison.Ordinal);
        Assert.Contains("\"overflow\":{\"minutes\":0,\"items\":[]}", json, StringComparison.Ordinal);
    }

    internal static string Describe(PlanSession session) =>
        string.Join(", ", session.Allocations.Select(a => $"{a.ItemId} {a.Minutes}{(a.Continued ? " (continued)" : "")}"));
}
