using System.Globalization;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Planning.Tests;

/// <summary>The live forecast on the 2022 sample (Vienna is UTC+2 in May: 10:00 at the venue is 08:00Z).</summary>
public class ForecasterTests
{
    private static readonly Meeting Vienna = Samples.Vienna2022;

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    private static (string, string, string, bool) Segment(ForecastSegment s) => (s.SessionId, s.Start.ToString("HH:mm", CultureInfo.InvariantCulture), s.End.ToString("HH:mm", CultureInfo.InvariantCulture), s.Continued);

    [Fact]
    public void An_item_running_late_into_the_two_hour_cap_continues_in_the_next_sitting_of_its_body_and_the_delay_carries_through_the_week()
    {
        var plan = SchedulePlanner.Plan(Vienna, PlanRequest.AllHybrid(Vienna, PlanStrategy.Fit));
        var chair = new Chair(Vienna)
            .Start("2022-05-23-am", "2022-05-23T08:00Z")
            .Open("opening", "2022-05-23T08:00Z").Conclude("opening", "2022-05-23T08:50Z")
            .Open("adoption-of-agenda", "2022-05-23T08:50Z").Adopt("adoption-of-agenda", "2022-05-23T09:40Z")
            .Open("transfer-of-sentenced-persons", "2022-05-23T09:40Z");

        var forecast = Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2022-05-23T09:46Z"));

        Assert.Equal(
            [
                (ForecastWarningKind.CapApproaching, "14 minutes left before the two-hour cap of session 2022-05-23-am (12:00)."),
                (ForecastWarningKind.ContinuesAfterCap, "Item 2 of WG.3 will not finish before the cap; it continues Monday 23 May 15:00."),
                (ForecastWarningKind.ContinuesAfterCap, "Item 2 of WG.3 will not finish before the cap; it continues Tuesday 24 May 10:00."),
                (ForecastWarningKind.ContinuesAfterCap, "Item 3 of WG.3 and 2 of WG.2 will not finish before the cap; it continues Tuesday 24 May 15:00."),
                (ForecastWarningKind.ContinuesAfterCap, "Item 3 of WG.3 and 2 of WG.2 will not finish before the cap; it continues Thursday 26 May 15:00."),
                // Fit fills Thursday afternoon too (other matters, then the report's first hour), so the delay reaches the report.
                (ForecastWarningKind.ContinuesAfterCap, "Item 5 of WG.3 and 7 of WG.2 will not finish before the cap; it continues Friday 27 May 10:00."),
                (ForecastWarningKind.NotPlaced, "Item 5 of WG.3 and 7 of WG.2 will not finish in the sessions left: no later session of WG.3 and WG.2 is planned."),
                (ForecastWarningKind.ContinuesAfterCap, "Item 5 of WG.3 and 7 of WG.2 will not finish before the cap, and no later session of WG.3 and WG.2 is planned."),
            ],
            forecast.Warnings.Select(w => (w.Kind, w.Message)));
        Assert.Equal([20, 20, 20, 20, 0, 0, 0, 20, 20], forecast.Sessions.Select(s => s.MinutesOver));
        Assert.Equal(At("2022-05-23T10:00Z"), forecast.Sessions[0].CapAt);
        Assert.Equal(At("2022-05-23T10:00Z"), forecast.Sessions[0].ProjectedEnd);

        var transfer = Assert.Single(forecast.Items, i => i.ItemId == "transfer-of-sentenced-persons");
        Assert.Equal(
            [("2022-05-23-am", "09:40", "10:00", false), ("2022-05-23-pm", "13:00", "15:00", true), ("2022-05-24-am", "08:00", "08:20", true)],
            transfer.Segments.Select(Segment));
        Assert.Equal((ItemStatus.Open, 154, 0), (transfer.Status, transfer.RemainingMinutes, transfer.UnplacedMinutes));
        Assert.Equal((At("2022-05-23T09:40Z"), At("2022-05-24T08:20Z")), (transfer.ProjectedStart!.Value, transfer.ProjectedEnd!.Value));

        var crimes = Assert.Single(forecast.Items, i => i.ItemId == "application-of-the-organized-crime-convention");
        Assert.Equal(
            [("2022-05-24-am", "08:20", "10:00", false), ("2022-05-24-pm", "13:00", "15:00", true), ("2022-05-26-pm", "13:00", "13:20", true)],
            crimes.Segments.Select(Segment));
        Assert.DoesNotContain(forecast.Items, i => i.ItemId is "opening" or "adoption-of-agenda");
    }

    [Fact]
    public void Cap_warnings_start_15_minutes_before_the_cap_and_say_when_it_is_reached()
    {
        var plan = SchedulePlanner.Plan(Vienna, PlanRequest.AllHybrid(Vienna, PlanStrategy.Fit));
        var chair = new Chair(Vienna).Start("2022-05-23-am", "2022-05-23T08:10Z").Open("opening", "2022-05-23T08:10Z");

        string[] Caps(string now) => Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At(now)).Warnings
            .Where(w => w.Kind is ForecastWarningKind.CapApproaching or ForecastWarningKind.CapReached).Select(w => w.Message).ToArray();

        // Opened ten minutes late: the cap still falls at the booked slot's end (10:00 + two hours), not at 12:10.
        Assert.Empty(Caps("2022-05-23T09:44Z"));
        Assert.Equal(["15 minutes left before the two-hour cap of session 2022-05-23-am (12:00)."], Caps("2022-05-23T09:45Z"));
        Assert.Equal(["5 minutes left before the two-hour cap of session 2022-05-23-am (12:00)."], Caps("2022-05-23T09:55Z"));
        Assert.Equal(["1 minute left before the two-hour cap of session 2022-05-23-am (12:00)."], Caps("2022-05-23T09:59:30Z"));
        Assert.Equal(["The two-hour cap of session 2022-05-23-am was reached at 12:00; the sitting ends and the item under consideration is continued."], Caps("2022-05-23T10:00Z"));
    }

    [Fact]
    public void In_person_an_item_over_its_time_is_flagged_and_the_sitting_runs_over()
    {
        var plan = SchedulePlanner.Plan(Vienna);
        var chair = new Chair(Vienna)
            .Start("2022-05-23-am", "2022-05-23T08:00Z")
            .Open("opening", "2022-05-23T08:00Z").Conclude("opening", "2022-05-23T08:40Z")
            .Open("adoption-of-agenda", "2022-05-23T08:40Z");

        var forecast = Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2022-05-23T10:30Z"));

        Assert.Equal(
            [
                (ForecastWarningKind.OverItsTime, "Item 1 (b) of WG.3 and WG.2 has run 50 minutes past the 60 minutes the plan gives it."),
                (ForecastWarningKind.RunsOver, "Session 2022-05-23-am is projected to end at 13:30, 30 minutes after its planned end (13:00)."),
            ],
            forecast.Warnings.Select(w => (w.Kind, w.Message)));
        var monday = forecast.Sessions[0];
        Assert.Equal((SessionStatus.InProgress, At("2022-05-23T11:30Z"), At("2022-05-23T11:00Z"), 30, (DateTimeOffset?)null),
            (monday.Status, monday.ProjectedEnd, monday.AvailableEnd, monday.MinutesOver, monday.CapAt));
        var agenda = Assert.Single(forecast.Items, i => i.ItemId == "adoption-of-agenda");
        Assert.Equal((At("2022-05-23T08:40Z"), At("2022-05-23T10:30Z"), 0), (agenda.ProjectedStart!.Value, agenda.ProjectedEnd!.Value, agenda.RemainingMinutes));
        var transfer = Assert.Single(forecast.Items, i => i.ItemId == "transfer-of-sentenced-persons");
        Assert.Equal([("2022-05-23-am", "10:30", "11:30", false), ("2022-05-23-pm", "13:00", "16:00", true)], transfer.Segments.Select(Segment));
    }

    [Fact]
    public void An_item_that_used_its_time_here_goes_on_to_the_end_of_the_sitting_out_of_its_next_sessions_time()
    {
        var plan = SchedulePlanner.Plan(Vienna);
        var chair = new Chair(Vienna)
            .Start("2022-05-23-am", "2022-05-23T08:05Z")
            .Open("opening", "2022-05-23T08:05Z").Conclude("opening", "2022-05-23T08:40Z")
            .Open("adoption-of-agenda", "2022-05-23T08:40Z").Adopt("adoption-of-agenda", "2022-05-23T09:50Z")
            .Open("transfer-of-sentenced-persons", "2022-05-23T09:50Z");

        var forecast = Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2022-05-23T10:55Z"));

        Assert.Empty(forecast.Warnings);
        var transfer = Assert.Single(forecast.Items, i => i.ItemId == "transfer-of-sentenced-persons");
        Assert.Equal([("2022-05-23-am", "09:50", "11:00", false), ("2022-05-23-pm", "13:00", "15:50", true)], transfer.Segments.Select(Segment));
        Assert.Equal(175, transfer.RemainingMinutes);
        Assert.Equal([0, -10], forecast.Sessions.Take(2).Select(s => s.MinutesOver));
    }

    [Fact]
    public void What_a_sitting_held_did_not_get_through_comes_first_in_the_next_sitting_of_its_body()
    {
        var plan = SchedulePlanner.Plan(Vienna);
        var chair = new Chair(Vienna)
            .Start("2022-05-23-am", "2022-05-23T08:00Z")
            .Open("opening", "2022-05-23T08:00Z").Conclude("opening", "2022-05-23T09:00Z")
            .Open("adoption-of-agenda", "2022-05-23T09:00Z").Adopt("adoption-of-agenda", "2022-05-23T10:00Z")
            .Open("transfer-of-sentenced-persons", "2022-05-23T10:00Z")
            .End("2022-05-23-am", "2022-05-23T11:00Z")
            .Start("2022-05-23-pm", "2022-05-23T13:00Z")
            .Open("transfer-of-sentenced-persons", "2022-05-23T13:00Z")
            .Suspend("2022-05-23-pm", "2022-05-23T13:30Z").Resume("2022-05-23-pm", "2022-05-23T14:00Z")
            .End("2022-05-23-pm", "2022-05-23T14:30Z");

        var forecast = Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2022-05-23T16:00Z"));

        // 60 + 60 minutes considered (the half-hour suspension does not count): 120 of its 240 are left, first thing on Tuesday.
        var transfer = Assert.Single(forecast.Items, i => i.ItemId == "transfer-of-sentenced-persons");
        Assert.Equal((ItemStatus.Continued, 120), (transfer.Status, transfer.RemainingMinutes));
        Assert.Equal([("2022-05-24-am", "08:00", "10:00", true)], transfer.Segments.Select(Segment));
        Assert.Equal([0, -90, 120], forecast.Sessions.Take(3).Select(s => s.MinutesOver));
        Assert.Equal((SessionStatus.Ended, At("2022-05-23T13:00Z"), At("2022-05-23T14:30Z")),
            (forecast.Sessions[1].Status, forecast.Sessions[1].ProjectedStart, forecast.Sessions[1].ProjectedEnd));
        Assert.Equal(
            ["Session 2022-05-24-am is projected to end at 15:00, 120 minutes after its planned end (13:00)."],
            forecast.Warnings.Select(w => w.Message));
    }

    [Fact]
    public void Work_no_later_sitting_can_take_is_reported_as_not_placed()
    {
        var plan = SchedulePlanner.Plan(Vienna);
        var chair = new Chair(Vienna)
            .Start("2022-05-26-pm", "2022-05-26T13:00Z").Open("joint-report", "2022-05-26T13:00Z").End("2022-05-26-pm", "2022-05-26T13:30Z")
            .Start("2022-05-27-am", "2022-05-27T08:00Z").Open("joint-report", "2022-05-27T08:00Z").End("2022-05-27-am", "2022-05-27T09:00Z");

        var forecast = Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2022-05-27T09:30Z"));

        var report = Assert.Single(forecast.Items, i => i.ItemId == "joint-report");
        Assert.Equal((180, 180), (report.RemainingMinutes, report.UnplacedMinutes));
        Assert.Null(report.ProjectedStart);
        Assert.Contains(forecast.Warnings, w => w.Kind == ForecastWarningKind.NotPlaced && w.ItemId == "joint-report"
            && w.Message == "Item 5 of WG.3 and 7 of WG.2 will not finish in the sessions left: no later session of WG.3 and WG.2 is planned.");
    }

    [Fact]
    public void When_the_cap_has_passed_and_the_sitting_is_not_ended_the_item_under_way_continues_in_the_next_sitting()
    {
        var plan = SchedulePlanner.Plan(Vienna, PlanRequest.AllHybrid(Vienna, PlanStrategy.Fit));
        var chair = new Chair(Vienna).Start("2022-05-23-am", "2022-05-23T08:00Z").Open("opening", "2022-05-23T08:00Z");

        var forecast = Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2022-05-23T10:05Z"));

        Assert.Equal(
            [
                (ForecastWarningKind.CapReached, "The two-hour cap of session 2022-05-23-am was reached at 12:00; the sitting ends and the item under consideration is continued."),
                (ForecastWarningKind.OverItsTime, "Item 1 (a) of WG.3 and WG.2 has run 85 minutes past the 40 minutes the plan gives it."),
                (ForecastWarningKind.MovesAfterCap, "Item 1 (b) of WG.3 and WG.2 will not be reached before the cap of session 2022-05-23-am; it moves to Tuesday 24 May 10:00."),
                (ForecastWarningKind.MovesAfterCap, "Item 2 of WG.3 will not be reached before the cap of session 2022-05-23-am; it moves to Monday 23 May 15:00."),
            ],
            forecast.Warnings.Take(4).Select(w => (w.Kind, w.Message)));
        var opening = Assert.Single(forecast.Items, i => i.ItemId == "opening");
        Assert.Equal([("2022-05-23-am", "08:00", "10:05", false)], opening.Segments.Select(Segment));
        Assert.Equal(0, opening.RemainingMinutes);
    }

    [Fact]
    public void The_same_inputs_give_the_same_forecast()
    {
        var plan = SchedulePlanner.Plan(Vienna, PlanRequest.AllHybrid(Vienna, PlanStrategy.Reflow));
        var chair = new Chair(Vienna).Start("2022-05-23-am", "2022-05-23T08:00Z").Open("opening", "2022-05-23T08:00Z");
        string Json() => System.Text.Json.JsonSerializer.Serialize(Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2022-05-23T09:00Z")), MeetingOpsJson.Options);

        Assert.Equal(Json(), Json());
    }
}
