using System.Collections.Concurrent;
using CsCheck;
using MeetingOps.Domain;
using MeetingOps.Domain.Planning;
using Xunit.Abstractions;

namespace MeetingOps.Planning.Tests;

/// <summary>The generated meetings reach the cases the invariants are about; a property over easy cases only proves little.</summary>
public class GeneratorCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void Generated_meetings_cover_joint_items_sub_items_caps_moves_extras_estimates_overflow_and_floors()
    {
        var seen = new ConcurrentDictionary<string, int>();
        void Count(string what, bool happened)
        {
            if (happened)
            {
                seen.AddOrUpdate(what, 1, (_, n) => n + 1);
            }
        }
        GeneratedMeetings.Meeting.Sample(g =>
        {
            var m = g.Meeting;
            Count("4 bodies", m.Bodies.Count == 4);
            Count("1 body", m.Bodies.Count == 1);
            Count("joint item planned", m.Items.Any(i => i.IsJoint && m.Sessions.Any(s => s.Planned.Any(p => p.Item == i.Id))));
            Count("sub-items planned", m.Items.Any(i => i.ParentId is not null && i.Kind == ItemKind.Substantive && m.Sessions.Any(s => s.Planned.Any(p => p.Item == i.Id))));
            Count("parent planned instead of its sub-items", m.Items.Any(p => m.Items.Any(c => c.ParentId == p.Id) && m.Sessions.Any(s => s.Planned.Any(x => x.Item == p.Id))));
            Count("parallel sessions", m.Sessions.Zip(m.Sessions.Skip(1)).Any(x => x.First.Start == x.Second.Start));
            Count("40 sessions", m.Sessions.Count == 40);
            Count("hybrid default cap", g.Request.Changes!.Values.Any(c => c.CapMinutes is null));
            Count("start moved", g.Request.Changes!.Values.Any(c => c.Start is not null));
            Count("extra sessions", g.Request.ExtraSessions!.Count > 0);
            Count("estimates", g.Request.Estimates!.Count > 0);
            var reflow = SchedulePlanner.Plan(m, g.With(PlanStrategy.Reflow));
            var fit = SchedulePlanner.Plan(m, g.With(PlanStrategy.Fit));
            Count("reflow overflows", reflow.Overflow.Minutes > 0);
            Count("reflow fits", reflow.Overflow.Minutes == 0);
            Count("item continued across sessions", reflow.Sessions.Any(s => s.Allocations.Any(a => a.Continued)));
            Count("item flows into an extra session", reflow.Sessions.Any(s => s.Extra && s.Allocations.Count > 0));
            Count("fit compresses", fit.FitFactor is > 0 and < 1);
            Count("fit holds items at their floor", fit.FitFactor is > 0 and < 1 && fit.Items.Any(i => i.TargetMinutes == Math.Min(g.Request.FloorMinutes, i.PlannedMinutes) && i.PlannedMinutes * fit.FitFactor < i.TargetMinutes));
            Count("fit: even the floors do not fit", fit.FitFactor == 0);
            Count("fit overflows", fit.Overflow.Minutes > 0);
        }, iter: 1_000, writeLine: output.WriteLine);

        foreach (var (what, count) in seen.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{what}: {count} of 1,000");
        }
        string[] expected =
        [
            "4 bodies", "1 body", "joint item planned", "sub-items planned", "parent planned instead of its sub-items", "parallel sessions", "40 sessions",
            "hybrid default cap", "start moved", "extra sessions", "estimates", "reflow overflows", "reflow fits", "item continued across sessions",
            "item flows into an extra session", "fit compresses", "fit holds items at their floor", "fit: even the floors do not fit", "fit overflows",
        ];
        Assert.All(expected, what => Assert.True(seen.GetValueOrDefault(what) > 0, $"no generated meeting had: {what}"));
    }
}
