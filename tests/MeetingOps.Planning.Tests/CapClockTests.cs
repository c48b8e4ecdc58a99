using MeetingOps.Domain;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Planning.Tests;

public class CapClockTests
{
    private static readonly DateTimeOffset TenPast = DateTimeOffset.Parse("2022-05-23T08:10Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_cap_counts_from_when_the_sitting_actually_started_with_warnings_15_and_5_minutes_before()
    {
        var cap = CapClock.At("2022-05-23-am", TenPast, 120);

        Assert.Equal(TenPast.AddMinutes(120), cap.CapAt);
        Assert.Equal([new CapWarning(15, TenPast.AddMinutes(105)), new CapWarning(5, TenPast.AddMinutes(115))], cap.Warnings);
    }

    [Fact]
    public void A_cap_shorter_than_a_warning_has_no_warning_before_the_start()
    {
        Assert.Equal([new CapWarning(5, TenPast.AddMinutes(5))], CapClock.At("s", TenPast, 10).Warnings);
        Assert.Empty(CapClock.At("s", TenPast, 5).Warnings);
    }

    [Fact]
    public void A_session_without_a_cap_has_no_cap_clock()
    {
        var inPerson = SchedulePlanner.Plan(Samples.Vienna2022).Sessions[0];
        var hybrid = SchedulePlanner.Plan(Samples.Vienna2022, PlanRequest.AllHybrid(Samples.Vienna2022, PlanStrategy.Fit)).Sessions[0];

        Assert.Null(CapClock.For(inPerson, TenPast));
        Assert.Null(CapClock.For(Samples.Vienna2022.Sessions[0], TenPast));
        Assert.Equal(TenPast.AddHours(2), CapClock.For(hybrid, TenPast)!.CapAt);
    }

    [Fact]
    public void Warnings_say_the_cap_in_words_and_its_time_at_the_venue()
    {
        var cap = CapClock.At("2022-05-23-am", TenPast, 120);

        Assert.Equal("15 minutes left before the two-hour cap of session 2022-05-23-am (12:10).", CapClock.WarningText(Samples.Vienna2022, cap, 15));
        Assert.Equal("90-minute", CapClock.CapWords(90));
        Assert.Equal("three-hour", CapClock.CapWords(180));
    }
}
