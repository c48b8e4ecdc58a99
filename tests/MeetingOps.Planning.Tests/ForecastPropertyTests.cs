using CsCheck;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using Xunit.Abstractions;

namespace MeetingOps.Planning.Tests;

/// <summary>
/// The forecast over generated meetings part-way through: the chair follows the plan for some sessions, each item
/// taking more or less than its time, and is in the middle of an item in the next one.
/// </summary>
public class ForecastPropertyTests(ITestOutputHelper output)
{
    [Fact]
    public void A_forecast_keeps_capped_sessions_within_their_cap_and_accounts_for_every_minute_left()
    {
        var seen = new Dictionary<ForecastWarningKind, int>();
        var gen = Gen.Select(GeneratedMeetings.Meeting, Gen.Int[0, 100], Gen.Int[50, 150], Gen.Int[0, 100]);
        gen.Sample((generated, heldShare, pace, progress) =>
        {
            var meeting = generated.Meeting;
            var plan = SchedulePlanner.Plan(meeting, generated.With(PlanStrategy.Fit));
            var (live, log, now) = FollowThePlan(meeting, plan, heldShare, pace, progress);

            var forecast = Forecaster.Forecast(meeting, plan, live, log, now);

            var sessions = plan.Sessions.ToDictionary(s => s.SessionId);
            var projected = forecast.Sessions.ToDictionary(s => s.SessionId);
            foreach (var item in forecast.Items)
            {
                var bodies = meeting.FindItem(item.ItemId)!.Numbers.Keys;
                for (var i = 0; i < item.Segments.Count; i++)
                {
                    var segment = item.Segments[i];
                    var session = sessions[segment.SessionId];
                    Assert.NotEqual(SessionStatus.Ended, live.Session(segment.SessionId).Status);
                    Assert.All(bodies, b => Assert.True(session.Seats(b), $"{item.ItemId} projected in {segment.SessionId}, where {b} does not sit"));
                    Assert.True(segment.Start <= segment.End);
                    Assert.True(i == 0 || item.Segments[i - 1].End <= segment.Start, $"{item.ItemId}: pieces in time order: {string.Join("; ", item.Segments.Select(x => $"{x.SessionId} {x.Start:MM-dd HH:mm}–{x.End:HH:mm}"))} (planned: {string.Join("; ", plan.Sessions.Where(p => p.Allocations.Any(a => a.ItemId == item.ItemId)).Select(p => $"{p.SessionId} {p.Start:MM-dd HH:mm} {p.Allocations.First(a => a.ItemId == item.ItemId).Minutes} min"))})");
                    Assert.Equal(i > 0 || item.Status == ItemStatus.Continued || segment.Continued, segment.Continued);
                    if (session.CapMinutes is not null)
                    {
                        // Past the cap only the item under way, up to now, when the sitting has not been ended on time.
                        var limit = projected[segment.SessionId].AvailableEnd > now ? projected[segment.SessionId].AvailableEnd : now;
                        Assert.True(segment.End <= limit, $"{item.ItemId} runs past the cap of {segment.SessionId}");
                    }
                }
                // Every minute the plan gives the item and it has not used is projected somewhere or reported as not placed.
                var planned = plan.FindItem(item.ItemId)!.AllocatedMinutes;
                var spent = Spent(log, item.ItemId, now);
                var expected = Math.Max(0, planned - spent);
                Assert.True(Math.Abs(item.RemainingMinutes - expected) <= 1,
                    $"{item.ItemId}: {item.RemainingMinutes} minutes left, expected {expected:0.0} ({planned} planned, {spent:0.0} spent)");
            }
            Assert.Equal(plan.Sessions.Select(s => s.SessionId), forecast.Sessions.Select(s => s.SessionId));
            // Every warning can be said in the viewer's language: a phrase the registry knows, with exactly its arguments.
            Assert.All(forecast.Warnings, w => Assert.Equal(
                Assert.Single(ServerPhrases.All, p => p.Code == w.Text!.Code).Parameters.Order(StringComparer.Ordinal),
                w.Text!.Args.Keys.Order(StringComparer.Ordinal)));
            lock (seen)
            {
                foreach (var kind in forecast.Warnings.Select(w => w.Kind).Distinct())
                {
                    seen[kind] = seen.GetValueOrDefault(kind) + 1;
                }
            }
        }, iter: Math.Max(1_000, PlannerPropertyTests.Iterations / 10), writeLine: output.WriteLine);
        output.WriteLine(string.Join(", ", seen.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        // The runs reach the warnings that matter: items cut by a cap and carried on, sittings running over, items over their time.
        Assert.All([ForecastWarningKind.ContinuesAfterCap, ForecastWarningKind.MovesAfterCap, ForecastWarningKind.RunsOver, ForecastWarningKind.OverItsTime],
            kind => Assert.True(seen.GetValueOrDefault(kind) > 0, $"no run warned {kind}"));
    }

    /// <summary>
    /// Holds the first share of the sessions (before any extra sitting, which the live rules do not know), each item
    /// taking pace % of its time, then starts the next session and is part-way (progress %) through its items.
    /// </summary>
    private static (LiveState, List<LogEntry>, DateTimeOffset) FollowThePlan(Meeting meeting, Plan plan, int heldShare, int pace, int progress)
    {
        var chair = new ChairLog(meeting);
        var known = plan.Sessions.TakeWhile(s => !s.Extra).ToList();
        var held = known.Count * heldShare / 100;
        var left = plan.Items.ToDictionary(i => i.ItemId, i => i.AllocatedMinutes);
        var now = plan.Sessions[0].Start.AddHours(-1);
        for (var c = 0; c < Math.Min(held + 1, known.Count); c++)
        {
            var session = known[c];
            var t = session.Start;
            chair.Do(new SessionCommand(session.SessionId, SessionAction.Start), t);
            now = t;
            var stop = c == held ? session.Allocations.Count * progress / 100 : session.Allocations.Count;
            for (var a = 0; a < session.Allocations.Count && a <= stop; a++)
            {
                var allocation = session.Allocations[a];
                chair.Do(new ItemCommand(allocation.ItemId, ItemAction.Open, session.SessionId), t);
                var took = t.AddMinutes(allocation.Minutes * pace / 100.0);
                if (c == held && a == stop)
                {
                    now = t.AddMinutes(allocation.Minutes * pace / 200.0);
                    break;
                }
                t = took;
                left[allocation.ItemId] -= allocation.Minutes;
                chair.Do(new ItemCommand(allocation.ItemId, left[allocation.ItemId] > 0 ? ItemAction.Continue : ItemAction.Conclude, session.SessionId), t);
                now = t;
            }
            if (c < held)
            {
                chair.Do(new SessionCommand(session.SessionId, SessionAction.End), t);
            }
        }
        return (chair.Live, chair.Log, now);
    }

    /// <summary>Minutes the item was open, straight from the log (no suspensions in these runs).</summary>
    private static double Spent(List<LogEntry> log, string itemId, DateTimeOffset now)
    {
        double minutes = 0;
        DateTimeOffset? since = null;
        foreach (var e in log.Where(e => e.ItemId == itemId))
        {
            if (e.To == "open")
            {
                since = e.At;
            }
            else if (e.From == "open" && since is { } s)
            {
                minutes += (e.At - s).TotalMinutes;
                since = null;
            }
        }
        return since is { } open ? minutes + (now - open).TotalMinutes : minutes;
    }

    private sealed class ChairLog(Meeting meeting)
    {
        public LiveState Live { get; private set; } = LiveState.Initial(meeting);

        public List<LogEntry> Log { get; } = [];

        public void Do(Command command, DateTimeOffset at)
        {
            var result = MeetingRules.Decide(meeting, Live, command, new MeetingRules.Context(new Actor(Role.Chair), at, $"c{Log.Count + 1}", Log.Count + 1));
            Assert.True(result.Refusal is null, result.Refusal?.Reason);
            Live = Live.Apply(result.Changes);
            Log.AddRange(result.Changes);
        }
    }
}
