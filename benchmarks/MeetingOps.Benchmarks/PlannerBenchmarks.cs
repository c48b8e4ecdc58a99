using BenchmarkDotNet.Attributes;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;

namespace MeetingOps.Benchmarks;

/// <summary>
/// Re-plan under each strategy, and the live forecast, on a large meeting: 4 bodies, 300 agenda items, 40 sessions,
/// every session hybrid at the two-hour cap. The goal is well under a millisecond each.
/// </summary>
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    private Meeting _meeting = null!;
    private PlanRequest _compress = null!;
    private PlanRequest _reflow = null!;
    private PlanRequest _fit = null!;
    private Plan _plan = null!;
    private LiveState _live = null!;
    private List<LogEntry> _log = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _meeting = LargeMeeting.Build();
        _compress = PlanRequest.AllHybrid(_meeting, PlanStrategy.Compress);
        _reflow = PlanRequest.AllHybrid(_meeting, PlanStrategy.Reflow);
        _fit = PlanRequest.AllHybrid(_meeting, PlanStrategy.Fit);
        _plan = SchedulePlanner.Plan(_meeting, _fit);
        (_live, _log, _now) = LargeMeeting.HalfWayThrough(_meeting, _plan);
    }

    [Benchmark]
    public Plan Compress() => SchedulePlanner.Plan(_meeting, _compress);

    [Benchmark]
    public Plan Reflow() => SchedulePlanner.Plan(_meeting, _reflow);

    [Benchmark]
    public Plan Fit() => SchedulePlanner.Plan(_meeting, _fit);

    [Benchmark]
    public Forecast Forecast() => Forecaster.Forecast(_meeting, _plan, _live, _log, _now);

    /// <summary>The meeting the benchmarks run on, the same on every run.</summary>
    private static class LargeMeeting
    {
        private static readonly DateOnly FirstDay = new(2030, 6, 3);
        private static readonly string[] Bodies = ["wg1", "wg2", "wg3", "wg4"];

        /// <summary>
        /// Two rooms: wg1 with wg2, wg3 with wg4, mornings and afternoons over eleven days; the first and last slots are joint
        /// sittings of all four (opening, report). 300 items: organizational matters with two sub-items, other matters and the
        /// report joint; the rest single-body or joint per pair, every tenth with two sub-items. Planned in agenda order.
        /// </summary>
        public static Meeting Build()
        {
            var next = new Dictionary<string, int>(StringComparer.Ordinal);
            Dictionary<string, string> Number(string[] bodies, string? suffix = null) => bodies.ToDictionary(b => b, b =>
                suffix is null ? (next[b] = next.GetValueOrDefault(b) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{next[b]} {suffix}");

            var items = new List<ItemDefinition>();
            var plannable = new List<(string Id, string[] Bodies)>();
            var organizational = Number(Bodies);
            var opening = new ItemDefinition("opening", Number(Bodies, "(a)"), "Opening of the meeting", ItemKind.Opening);
            var agenda = new ItemDefinition("agenda", Number(Bodies, "(b)"), "Adoption of the agenda", ItemKind.Agenda);
            items.Add(new ItemDefinition("organizational", organizational, "Organizational matters", ItemKind.Organizational, SubItems: [opening, agenda]));
            plannable.Add(("opening", Bodies));
            plannable.Add(("agenda", Bodies));

            string[][] groups = [["wg1"], ["wg2"], ["wg1", "wg2"], ["wg3"], ["wg4"], ["wg3", "wg4"]];
            var count = 3;
            for (var i = 1; count < 298; i++)
            {
                var bodies = groups[i % groups.Length];
                var id = $"item-{i}";
                if (i % 10 == 0 && count + 3 <= 298)
                {
                    var numbers = Number(bodies);
                    var subItems = new[] { "a", "b" }.Select(s => new ItemDefinition($"{id}-{s}", numbers.ToDictionary(n => n.Key, n => $"{n.Value} ({s})"), $"Item {i} ({s})")).ToList();
                    items.Add(new ItemDefinition(id, numbers, $"Item {i}", SubItems: subItems));
                    plannable.AddRange(subItems.Select(s => (s.Id, bodies)));
                    count += 3;
                }
                else
                {
                    items.Add(new ItemDefinition(id, Number(bodies), $"Item {i}"));
                    plannable.Add((id, bodies));
                    count++;
                }
            }
            items.Add(new ItemDefinition("other-matters", Number(Bodies), "Other matters", ItemKind.OtherMatters));
            items.Add(new ItemDefinition("report", Number(Bodies), "Adoption of the report", ItemKind.Report));
            plannable.Add(("other-matters", Bodies));
            plannable.Add(("report", Bodies));

            var sessions = new List<(string Id, DateTime Start, DateTime End, string[] Bodies)>();
            for (var slot = 0; slot <= 20; slot++)
            {
                var day = FirstDay.AddDays(slot / 2);
                var start = day.ToDateTime(new TimeOnly(slot % 2 == 0 ? 10 : 15, 0));
                var end = start.AddMinutes(slot % 3 == 0 ? 180 : 150);
                var name = $"{day:yyyy-MM-dd}-{(slot % 2 == 0 ? "am" : "pm")}";
                if (slot is 0 or 20)
                {
                    sessions.Add((name, start, end, Bodies));
                }
                else
                {
                    sessions.Add(($"{name}-1", start, end, ["wg1", "wg2"]));
                    sessions.Add(($"{name}-2", start, end, ["wg3", "wg4"]));
                }
            }

            // The organization of work: each body's items in agenda order, about eight items a sitting.
            var planned = sessions.Select(_ => new List<PlannedItem>()).ToList();
            var cursor = Bodies.ToDictionary(b => b, _ => 0);
            var load = new int[sessions.Count];
            foreach (var (id, bodies) in plannable)
            {
                var from = bodies.Max(b => cursor[b]);
                var s = Enumerable.Range(from, sessions.Count - from).First(k => bodies.All(sessions[k].Bodies.Contains) && (load[k] < 8 || id == "report" || k == sessions.Count - 1));
                planned[s].Add(new PlannedItem(id));
                load[s]++;
                foreach (var b in bodies)
                {
                    cursor[b] = s;
                }
            }

            var definition = new MeetingDefinition("Benchmark meeting", "Vienna", "Europe/Vienna", FirstDay, FirstDay.AddDays(10),
                Bodies.Select(b => new BodyDefinition(b, $"Working group {b}", $"X/{b.ToUpperInvariant()}")).ToList(), items,
                sessions.Select((s, k) => new SessionDefinition(s.Id, s.Start, s.End, s.Bodies, planned[k])).ToList());
            var result = DefinitionValidator.Validate(definition);
            if (!result.IsValid)
            {
                throw new InvalidOperationException(string.Join("; ", result.Problems));
            }
            if (result.Meeting!.Items.Count != 300 || result.Meeting.Sessions.Count != 40)
            {
                throw new InvalidOperationException($"Expected 300 items and 40 sessions, built {result.Meeting.Items.Count} and {result.Meeting.Sessions.Count}.");
            }
            return result.Meeting;
        }

        /// <summary>The chair has followed the plan through the first half of the sessions, each item a little over its time; the next sitting is under way.</summary>
        public static (LiveState Live, List<LogEntry> Log, DateTimeOffset Now) HalfWayThrough(Meeting meeting, Plan plan)
        {
            var live = LiveState.Initial(meeting);
            var log = new List<LogEntry>();
            var version = 0L;
            void Do(Command command, DateTimeOffset at)
            {
                var result = MeetingRules.Decide(meeting, live, command, new MeetingRules.Context(new Actor(Role.Chair), at, $"c{version + 1}", version + 1));
                if (result.Refusal is { } refusal)
                {
                    throw new InvalidOperationException(refusal.Reason);
                }
                live = live.Apply(result.Changes);
                log.AddRange(result.Changes);
                version = result.Changes[^1].Version;
            }

            var remaining = plan.Items.ToDictionary(i => i.ItemId, i => i.AllocatedMinutes, StringComparer.Ordinal);
            var half = plan.Sessions.Count / 2;
            var now = plan.Sessions[0].Start;
            for (var c = 0; c <= half; c++)
            {
                var session = plan.Sessions[c];
                var t = session.Start;
                Do(new SessionCommand(session.SessionId, SessionAction.Start), t);
                foreach (var allocation in session.Allocations)
                {
                    Do(new ItemCommand(allocation.ItemId, ItemAction.Open, session.SessionId), t);
                    if (c == half)
                    {
                        now = t.AddMinutes(allocation.Minutes / 2.0);
                        break;
                    }
                    t = t.AddMinutes(allocation.Minutes * 1.1);
                    remaining[allocation.ItemId] -= allocation.Minutes;
                    var item = meeting.FindItem(allocation.ItemId)!;
                    var action = remaining[allocation.ItemId] > 0 ? ItemAction.Continue : item.Adoptable ? ItemAction.Adopt : ItemAction.Conclude;
                    Do(new ItemCommand(allocation.ItemId, action, session.SessionId), t);
                }
                if (c < half)
                {
                    Do(new SessionCommand(session.SessionId, SessionAction.End), t);
                }
            }
            return (live, log, now);
        }
    }
}
