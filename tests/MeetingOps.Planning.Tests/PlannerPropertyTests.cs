using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CsCheck;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using Xunit.Abstractions;

namespace MeetingOps.Planning.Tests;

/// <summary>
/// The planner's invariants over generated meetings, every strategy on every meeting. How many meetings:
/// MEETINGOPS_PROPERTY_ITERATIONS, by default 2,000 to keep the test run short; the issue's bar is 10,000
/// (MEETINGOPS_PROPERTY_ITERATIONS=10000 dotnet test tests/MeetingOps.Planning.Tests, about 10 s on two idle cores).
/// </summary>
public class PlannerPropertyTests(ITestOutputHelper output)
{
    private const long DefaultIterations = 2_000;

    public static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("MEETINGOPS_PROPERTY_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : DefaultIterations;

    [Fact]
    public void Every_strategy_keeps_the_invariants_on_generated_meetings()
    {
        var watch = Stopwatch.StartNew();
        GeneratedMeetings.Meeting.Sample(generated =>
        {
            Assert.Empty(SchedulePlanner.Check(generated.Meeting, generated.Request));
            foreach (var strategy in Enum.GetValues<PlanStrategy>())
            {
                var request = generated.With(strategy);
                var plan = SchedulePlanner.Plan(generated.Meeting, request);
                try
                {
                    PlanInvariants.Hold(generated.Meeting, request, plan);
                }
                catch (InvariantBroken broken)
                {
                    // The plan itself, so a failing case can be read without running it again.
                    throw new InvariantBroken($"{strategy}: {broken.Message}\n{string.Join("\n", plan.Sessions.Select(s => $"{s.SessionId} [{string.Join(",", s.Bodies)}] {s.AllocatedMinutes}/{s.AvailableMinutes}: {Vienna2022HybridTests.Describe(s)}"))}\noverflow: {string.Join(", ", plan.Overflow.Items.Select(o => $"{o.ItemId} {o.Minutes}"))}\npins: {string.Join(", ", (request.Pins ?? []).Select(p => $"{p.Item}@{p.Session}:{p.Minutes}"))}\nbodies: {string.Join(", ", generated.Meeting.Items.Select(i => $"{i.Id}={string.Join("+", i.Numbers.Keys)}"))}");
                }
            }
        }, iter: Iterations, writeLine: output.WriteLine);
        output.WriteLine($"{Iterations:N0} generated meetings × 3 strategies in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void The_same_input_gives_the_same_plan_whatever_order_the_request_lists_things_in()
    {
        GeneratedMeetings.Meeting.Sample(generated =>
        {
            foreach (var strategy in Enum.GetValues<PlanStrategy>())
            {
                var request = generated.With(strategy);
                var reordered = request with
                {
                    Changes = request.Changes!.Reverse().ToDictionary(c => c.Key, c => c.Value),
                    Estimates = request.Estimates!.Reverse().ToDictionary(e => e.Key, e => e.Value),
                };
                var first = Json(SchedulePlanner.Plan(generated.Meeting, request));
                Assert.Equal(first, Json(SchedulePlanner.Plan(generated.Meeting, request)));
                Assert.Equal(first, Json(SchedulePlanner.Plan(generated.Meeting, reordered)));
            }
        }, iter: Math.Max(1_000, Iterations / 10), writeLine: output.WriteLine);
    }

    [Fact]
    public void Before_the_meeting_the_forecast_of_a_plan_is_the_plan()
    {
        GeneratedMeetings.Meeting.Sample(generated =>
        {
            var plan = SchedulePlanner.Plan(generated.Meeting, generated.With(PlanStrategy.Fit));
            var before = plan.Sessions[0].Start.AddDays(-1);
            var forecast = Forecaster.Forecast(generated.Meeting, plan, LiveState.Initial(generated.Meeting), [], before);

            Assert.Empty(forecast.Warnings);
            foreach (var (session, projected) in plan.Sessions.Zip(forecast.Sessions))
            {
                Assert.Equal(session.SessionId, projected.SessionId);
                Assert.Equal(session.Start, projected.ProjectedStart);
                Assert.Equal(session.AllocatedMinutes - session.AvailableMinutes, projected.MinutesOver);
            }
            foreach (var item in plan.Items)
            {
                var projected = Assert.Single(forecast.Items, i => i.ItemId == item.ItemId);
                Assert.Equal(item.AllocatedMinutes, projected.RemainingMinutes);
                var planned = plan.Sessions.SelectMany(s => s.Allocations.Where(a => a.ItemId == item.ItemId).Select(a => (s.SessionId, a.Minutes, a.Continued)));
                Assert.Equal(planned, projected.Segments.Select(s => (s.SessionId, (int)(s.End - s.Start).TotalMinutes, s.Continued)));
            }
        }, iter: Math.Max(1_000, Iterations / 10), writeLine: output.WriteLine);
    }

    private static string Json(Plan plan) => JsonSerializer.Serialize(plan, MeetingOpsJson.Options);
}
