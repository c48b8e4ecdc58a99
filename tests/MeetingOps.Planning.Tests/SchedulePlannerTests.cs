using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using static MeetingOps.Planning.Tests.SmallMeetings;

namespace MeetingOps.Planning.Tests;

/// <summary>The strategies on a small meeting where every minute can be followed by hand.</summary>
public class SchedulePlannerTests
{
    /// <summary>
    /// Bodies a and b. a: 1 (a) opening (joint), 2 (a only), 3 = b's 2 (joint), 4 report (joint). b: 3 (b only).
    /// Monday morning joint, Monday afternoon a, Tuesday morning joint, Tuesday afternoon b, Wednesday morning joint:
    /// three hours each. Planned: opening 90, solo-a 90 + 180, joint 180, solo-b 180, report 180.
    /// </summary>
    private static readonly Meeting TwoBodies = Meeting("a,b",
        [
            Item("org", "a:1,b:1", ItemKind.Organizational, Item("opening", "a:1 (a),b:1 (a)", ItemKind.Opening)),
            Item("solo-a", "a:2"), Item("joint", "a:3,b:2"), Item("solo-b", "b:3"), Item("report", "a:4,b:4", ItemKind.Report),
        ],
        Session("mon-am", "0 10:00-13:00", "a,b", "opening", "solo-a"),
        Session("mon-pm", "0 15:00-18:00", "a", "solo-a+"),
        Session("tue-am", "1 10:00-13:00", "a,b", "joint"),
        Session("tue-pm", "1 15:00-18:00", "b", "solo-b"),
        Session("wed-am", "2 10:00-13:00", "a,b", "report"));

    private static Plan Hybrid(PlanStrategy strategy, params ExtraSession[] extras) =>
        SchedulePlanner.Plan(TwoBodies, PlanRequest.AllHybrid(TwoBodies, strategy) with { ExtraSessions = extras });

    private static string[] Sessions(Plan plan) => plan.Sessions.Select(Vienna2022HybridTests.Describe).ToArray();

    [Fact]
    public void Reflow_gives_the_joint_sitting_to_the_joint_item_planned_there_and_leaves_no_sitting_empty()
    {
        var plan = Hybrid(PlanStrategy.Reflow);

        // Tuesday morning is joint and planned for the joint item: a's own item gives way there (its rest overflows) rather
        // than keep b waiting, and Tuesday afternoon (b alone) takes b's item instead of staying empty.
        Assert.Equal(["opening 90, solo-a 30", "solo-a 120 (continued)", "joint 120", "solo-b 120", "report 120"], Sessions(plan));
        Assert.Equal(300, plan.Overflow.Minutes);
        Assert.Equal([new OverflowItem("solo-a", 120), new OverflowItem("joint", 60), new OverflowItem("solo-b", 60), new OverflowItem("report", 60)], plan.Overflow.Items);
        Assert.Equal((900, 600, 600), (plan.PlannedMinutes, plan.AvailableMinutes, plan.AllocatedMinutes));
        var warning = Assert.Single(plan.Warnings!);
        Assert.Equal("Not yet placed: 300 minutes (item 2 of A, 120 minutes; item 3 of A and 2 of B, 60 minutes; item 3 of B, 60 minutes; item 4 of A and B, 60 minutes). Add a sitting, pin items or re-plan before publishing.", warning.Message);
    }

    [Fact]
    public void Fit_compresses_every_item_by_the_same_factor_and_here_everything_fits()
    {
        var plan = Hybrid(PlanStrategy.Fit);

        Assert.Equal(2.0 / 3, plan.FitFactor!.Value, 9);
        Assert.Equal(["opening 60, solo-a 60", "solo-a 120 (continued)", "joint 120", "solo-b 120", "report 120"], Sessions(plan));
        Assert.Empty(plan.Overflow.Items);
        Assert.Equal([("opening", 90, 60), ("solo-a", 270, 180), ("joint", 180, 120), ("solo-b", 180, 120), ("report", 180, 120)],
            plan.Items.Select(i => (i.ItemId, i.PlannedMinutes, i.AllocatedMinutes)));
    }

    [Fact]
    public void Fit_never_compresses_an_item_below_the_floor()
    {
        // Every session capped at 30 minutes: 150 available for 900 planned, a factor of 1/6. The opening (90) would get 15:
        // it stays at its floor of 25, and the other 125 minutes go to the rest by 125/810 (solo-a 41.7, the others 27.8 each).
        var request = PlanRequest.AllHybrid(TwoBodies, PlanStrategy.Fit, capMinutes: 30) with { FloorMinutes = 25 };

        var plan = SchedulePlanner.Plan(TwoBodies, request);

        Assert.Equal([("opening", 25), ("solo-a", 41), ("joint", 28), ("solo-b", 28), ("report", 28)], plan.Items.Select(i => (i.ItemId, i.TargetMinutes)));
        Assert.Equal(125.0 / 810, plan.FitFactor!.Value, 9);
        Assert.All(plan.Items, i => Assert.True(i.AllocatedMinutes >= 25 || i.OverflowMinutes > 0));
        PlanInvariants.Hold(TwoBodies, request, plan);
    }

    [Fact]
    public void Compress_keeps_every_item_in_its_sessions_scaled_to_the_cap()
    {
        var plan = Hybrid(PlanStrategy.Compress);

        Assert.Equal(["opening 60, solo-a 60", "solo-a 120 (continued)", "joint 120", "solo-b 120", "report 120"], Sessions(plan));
        Assert.Equal(0, plan.Overflow.Minutes);
        Assert.Null(plan.FitFactor);
    }

    [Fact]
    public void An_extra_sitting_is_planned_into_and_the_report_moves_to_the_last_sitting()
    {
        var extra = new ExtraSession("wed-pm", Monday.AddDays(2).ToDateTime(new TimeOnly(15, 0)), Monday.AddDays(2).ToDateTime(new TimeOnly(18, 0)), ["a", "b"], SessionFormat.Hybrid);

        var plan = Hybrid(PlanStrategy.Reflow, extra);

        var added = plan.Sessions[^1];
        Assert.Equal(("wed-pm", true, 120, 120), (added.SessionId, added.Extra, added.CapMinutes!.Value, added.AvailableMinutes));
        // The report takes the last sitting and, going back, what it needs of the one the organization of work gave it.
        Assert.Equal(["opening 90, solo-a 30", "solo-a 120 (continued)", "joint 120", "solo-b 120", "solo-b 60 (continued), report 60", "report 120 (continued)"], Sessions(plan));
        Assert.Equal([new OverflowItem("solo-a", 120), new OverflowItem("joint", 60)], plan.Overflow.Items);
    }

    [Fact]
    public void A_hybrid_sitting_moved_to_noon_keeps_its_length_and_then_the_cap_applies()
    {
        var request = new PlanRequest(PlanStrategy.Compress, new Dictionary<string, SessionChange>
        {
            ["mon-am"] = new(SessionFormat.Hybrid, Start: new TimeOnly(12, 0)),
        });

        var monday = SchedulePlanner.Plan(TwoBodies, request).Sessions[0];

        Assert.Equal((new DateTime(2030, 6, 3, 12, 0, 0), new DateTime(2030, 6, 3, 14, 0, 0)), (monday.LocalStart, monday.LocalEnd));
        Assert.Equal((DateTimeOffset.Parse("2030-06-03T10:00Z"), DateTimeOffset.Parse("2030-06-03T12:00Z")), (monday.Start, monday.End));
        Assert.Equal((180, 120, 120), (monday.LengthMinutes, monday.CapMinutes!.Value, monday.AvailableMinutes));
    }

    [Fact]
    public void A_sitting_moved_past_another_comes_after_it_in_the_plan()
    {
        var request = new PlanRequest(PlanStrategy.Reflow, new Dictionary<string, SessionChange>
        {
            ["tue-am"] = new(SessionFormat.Hybrid, 60, new TimeOnly(8, 0)),
            ["tue-pm"] = new(SessionFormat.Online, 60, new TimeOnly(7, 0)),
        });

        var plan = SchedulePlanner.Plan(TwoBodies, request);

        Assert.Equal(["mon-am", "mon-pm", "tue-pm", "tue-am", "wed-am"], plan.Sessions.Select(s => s.SessionId));
    }

    [Fact]
    public void A_request_that_does_not_fit_the_meeting_says_what_and_where_and_is_not_planned()
    {
        var request = new PlanRequest(PlanStrategy.Fit,
            new Dictionary<string, SessionChange>
            {
                ["nope"] = new(SessionFormat.Hybrid),
                ["mon-am"] = new(SessionFormat.Hybrid, CapMinutes: 0),
                ["mon-pm"] = new(SessionFormat.InPerson, Start: new TimeOnly(11, 0)),
            },
            new Dictionary<string, int> { ["org"] = 30, ["ghost"] = 10, ["joint"] = 0 },
            [
                new ExtraSession("mon-am", Monday.ToDateTime(new TimeOnly(19, 0)), Monday.ToDateTime(new TimeOnly(20, 0)), ["a"]),
                new ExtraSession("Sat", Monday.AddDays(5).ToDateTime(new TimeOnly(10, 0)), Monday.AddDays(5).ToDateTime(new TimeOnly(9, 0)), ["c"]),
            ],
            FloorMinutes: -1);

        var problems = SchedulePlanner.Check(TwoBodies, request);

        Assert.Equal(
            [
                new DefinitionProblem("$.floorMinutes", "A floor is 0–1440 minutes, found -1."),
                new DefinitionProblem("$.changes.mon-am.capMinutes", "A cap is 1–1440 minutes, found 0."),
                new DefinitionProblem("$.changes.nope", "This meeting has no session \"nope\"."),
                new DefinitionProblem("$.estimates.ghost", "This meeting has no agenda item \"ghost\"."),
                new DefinitionProblem("$.estimates.joint", "An estimate is 1–100000 minutes, found 0."),
                new DefinitionProblem("$.estimates.org", "\"org\" is not planned in any session; an estimate is shared across the sessions an item is planned in."),
                new DefinitionProblem("$.extraSessions[0].id", "Session id \"mon-am\" is already used."),
                new DefinitionProblem("$.extraSessions[1].id", "\"Sat\" is not a valid session id: use 1–64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit."),
                new DefinitionProblem("$.extraSessions[1].localStart", "2030-06-08 is outside the meeting's dates (2030-06-03 to 2030-06-07)."),
                new DefinitionProblem("$.extraSessions[1].localEnd", "2030-06-08 is outside the meeting's dates (2030-06-03 to 2030-06-07)."),
                new DefinitionProblem("$.extraSessions[1].localEnd", "The session ends (2030-06-08T09:00) at or before it starts (2030-06-08T10:00)."),
                new DefinitionProblem("$.extraSessions[1].bodies[0]", "Unknown body \"c\"."),
            ],
            problems.Select(p => p with { Text = null }));
        var thrown = Assert.Throws<ArgumentException>(() => SchedulePlanner.Plan(TwoBodies, request));
        Assert.Contains("$.changes.nope: This meeting has no session \"nope\".", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_cannot_sit_in_two_sessions_at_once_after_a_move()
    {
        var request = new PlanRequest(PlanStrategy.Reflow, new Dictionary<string, SessionChange>
        {
            ["mon-pm"] = new(SessionFormat.InPerson, Start: new TimeOnly(11, 0)),
        });

        var problem = Assert.Single(SchedulePlanner.Check(TwoBodies, request));

        Assert.Equal(new DefinitionProblem("$.changes.mon-pm",
            "Session \"mon-pm\" (2030-06-03 11:00–14:00) would overlap session \"mon-am\" (2030-06-03 10:00–13:00) for body \"a\"; a body sits in one session at a time."), problem with { Text = null });
        Assert.Equal(("definition.sessionsOverlap", "mon-pm", "mon-am", "a"), (problem.Text!.Code, problem.Text.Args["id"], problem.Text.Args["other"], problem.Text.Args["body"]));
    }

    [Fact]
    public void A_request_reads_from_json_the_way_the_api_sends_it()
    {
        const string json = """
            {"strategy": "fit", "floorMinutes": 15,
             "changes": {"mon-am": {"format": "hybrid", "start": "12:00"}, "tue-pm": {"format": "online", "capMinutes": 90}},
             "estimates": {"joint": 100},
             "extraSessions": [{"id": "thu-am", "localStart": "2030-06-06T10:00", "localEnd": "2030-06-06T13:00", "bodies": ["a", "b"], "format": "hybrid"}]}
            """;

        var request = System.Text.Json.JsonSerializer.Deserialize<PlanRequest>(json, MeetingOpsJson.Options)!;

        Assert.Equal((PlanStrategy.Fit, 15), (request.Strategy, request.FloorMinutes));
        Assert.Equal(new SessionChange(SessionFormat.Hybrid, null, new TimeOnly(12, 0)), request.Changes!["mon-am"]);
        Assert.Equal(120, request.Changes["mon-am"].EffectiveCap());
        Assert.Equal(90, request.Changes["tue-pm"].EffectiveCap());
        Assert.Equal(120, request.ExtraSessions![0].EffectiveCap());
        Assert.Empty(SchedulePlanner.Check(TwoBodies, request));
        Assert.Equal("thu-am", SchedulePlanner.Plan(TwoBodies, request).Sessions[^1].SessionId);
    }

    [Fact]
    public void Without_changes_the_plan_is_the_organization_of_work()
    {
        var plan = SchedulePlanner.Plan(TwoBodies);

        Assert.Equal(["opening 90, solo-a 90", "solo-a 180 (continued)", "joint 180", "solo-b 180", "report 180"], Sessions(plan));
        Assert.All(plan.Sessions, s => Assert.Equal((SessionFormat.InPerson, (int?)null, 180), (s.Format, s.CapMinutes, s.AvailableMinutes)));
    }
}
