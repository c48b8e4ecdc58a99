using System.Globalization;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Planning.Tests;

/// <summary>The forecast's and the plan's warnings as phrases the pages translate: the item, sitting, minutes and times they name.</summary>
public class ForecastWarningTextTests
{
    private static readonly Meeting Vienna = Samples.Vienna2022;

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    [Fact]
    public void An_item_over_its_time_and_a_sitting_running_over_name_their_minutes_and_times()
    {
        var plan = SchedulePlanner.Plan(Vienna);
        var chair = new Chair(Vienna)
            .Start("2022-05-23-am", "2022-05-23T08:00Z")
            .Open("opening", "2022-05-23T08:00Z").Conclude("opening", "2022-05-23T08:40Z")
            .Open("adoption-of-agenda", "2022-05-23T08:40Z");

        var forecast = Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2022-05-23T10:30Z"));

        Assert.Equal(
            [
                ServerPhrases.WarnOverItsTime.With(("item", "adoption-of-agenda"), ("overMinutes", 50), ("plannedMinutes", 60)),
                ServerPhrases.WarnRunsOver.With(("session", "2022-05-23-am"), ("at", At("2022-05-23T11:30Z")), ("overMinutes", 30), ("end", At("2022-05-23T11:00Z"))),
            ],
            forecast.Warnings.Select(w => w.Text));
        Assert.Equal("2022-05-23T11:30:00.0000000+00:00", forecast.Warnings[1].Text!.Args["at"]);
    }

    [Fact]
    public void The_cap_warning_counts_the_minutes_left_for_the_plural_form()
    {
        var plan = SchedulePlanner.Plan(Vienna, PlanRequest.AllHybrid(Vienna, PlanStrategy.Fit));
        var chair = new Chair(Vienna).Start("2022-05-23-am", "2022-05-23T08:10Z").Open("opening", "2022-05-23T08:10Z");

        // Opened ten minutes late: the cap is the booked slot's end (08:00Z + two hours), five minutes away at 09:55Z.
        var cap = Assert.Single(Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2022-05-23T09:55Z")).Warnings,
            w => w.Kind == ForecastWarningKind.CapApproaching);

        Assert.Equal(ServerPhrases.WarnCapApproaching.With(("session", "2022-05-23-am"), ("capMinutes", 120), ("at", At("2022-05-23T10:00Z")), ("count", 5)), cap.Text);
    }
}
