using System.Globalization;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Planning.Tests;

/// <summary>
/// The forecast anchors each sitting on its own planned start, or its real start once started; never on "now" for a
/// sitting of another day (the 2022 sample run in December 2026 once said a sitting would end 2,387,348 minutes late).
/// </summary>
public class OffDayForecastTests
{
    private static readonly Meeting Vienna = Samples.Vienna2022;

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

    [Fact]
    public void A_sitting_started_years_after_its_day_runs_its_planned_length_from_its_real_start_and_the_others_keep_their_own_days()
    {
        var plan = SchedulePlanner.Plan(Vienna);
        var chair = new Chair(Vienna).Start("2022-05-24-am", "2026-12-06T09:00Z", confirmOffDay: true)
            .Open("application-of-the-organized-crime-convention", "2026-12-06T09:05Z");

        var forecast = Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2026-12-06T09:30Z"));

        // The item was taken up five minutes after the start: five minutes over, not years.
        Assert.Equal(["Session 2022-05-24-am is projected to end at 13:05, 5 minutes after its planned end (13:00)."],
            forecast.Warnings.Where(w => w.Kind == ForecastWarningKind.RunsOver).Select(w => w.Message));
        Assert.All(forecast.Sessions, s => Assert.InRange(s.MinutesOver, -180, 60));
        var sitting = Assert.Single(forecast.Sessions, s => s.SessionId == "2022-05-24-am");
        // Three hours (10:00–13:00 as planned) from its real start, 10:00 at the venue on 6 December 2026.
        Assert.Equal(At("2026-12-06T12:00Z"), sitting.AvailableEnd);
        // A sitting of a day gone by that was never held, and one of a day still to come in the plan: on their own days.
        Assert.Equal(At("2022-05-23T08:00Z"), Assert.Single(forecast.Sessions, s => s.SessionId == "2022-05-23-am").ProjectedStart);
        Assert.Equal(At("2022-05-27T08:00Z"), Assert.Single(forecast.Sessions, s => s.SessionId == "2022-05-27-am").ProjectedStart);
    }

    [Fact]
    public void Work_in_a_sitting_still_to_come_counts_whole_even_when_its_planned_start_has_passed_on_another_day()
    {
        var plan = SchedulePlanner.Plan(Vienna);
        var before = Forecaster.Forecast(Vienna, plan, LiveState.Initial(Vienna), [], At("2022-05-22T08:00Z"));
        var years = Forecaster.Forecast(Vienna, plan, LiveState.Initial(Vienna), [], At("2026-12-06T08:00Z"));

        Assert.Equal(before.Items.Select(i => (i.ItemId, i.RemainingMinutes)), years.Items.Select(i => (i.ItemId, i.RemainingMinutes)));
        Assert.Equal(before.Sessions.Select(s => (s.ProjectedStart, s.ProjectedEnd)), years.Sessions.Select(s => (s.ProjectedStart, s.ProjectedEnd)));
        Assert.DoesNotContain(years.Warnings, w => w.Kind == ForecastWarningKind.RunsOver);
    }

    [Fact]
    public void A_sitting_started_late_on_its_own_day_still_ends_as_planned_and_the_next_one_that_day_starts_no_earlier_than_now()
    {
        var plan = SchedulePlanner.Plan(Vienna);
        var chair = new Chair(Vienna).Start("2022-05-23-am", "2022-05-23T08:30Z").Open("opening", "2022-05-23T08:30Z");

        var forecast = Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2022-05-23T08:45Z"));
        Assert.Equal(At("2022-05-23T11:00Z"), forecast.Sessions[0].AvailableEnd);

        // Nothing started in the afternoon and it is 15:30 at the venue: the afternoon sitting is late, from now at the
        // earliest, and not before the morning sitting, still sitting and running over, is projected to end (the same
        // bodies cannot sit twice at once).
        var late = Forecaster.Forecast(Vienna, plan, chair.Live, chair.Log, At("2022-05-23T13:30Z"));
        var morning = Assert.Single(late.Sessions, s => s.SessionId == "2022-05-23-am");
        var afternoon = Assert.Single(late.Sessions, s => s.SessionId == "2022-05-23-pm");
        Assert.True(morning.ProjectedEnd > At("2022-05-23T13:30Z"), $"the morning is projected to end at {morning.ProjectedEnd:u}");
        Assert.Equal(morning.ProjectedEnd, afternoon.ProjectedStart);
    }
}
