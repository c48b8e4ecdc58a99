using System.Text.Json.Nodes;
using Ical.Net.CalendarComponents;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Records;
using MeetingOps.Domain.Schedule;

namespace MeetingOps.Domain.Tests.Records;

/// <summary>The meeting calendar: written with Ical.Net, read back with Ical.Net, times checked as instants.</summary>
public class CalendarTests
{
    private static readonly DateTimeOffset Generated = new(2022, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static Ical.Net.Calendar Parse(string ics) => Ical.Net.Calendar.Load(ics) ?? throw new InvalidOperationException("No calendar read back.");

    /// <summary>The 2021 sample moved to a Friday and the Monday after the clocks went back (Sunday 30 October 2022 in Vienna).</summary>
    private static Meeting AcrossTheEndOfSummerTime()
    {
        var json = JsonNode.Parse(Samples.Text(Samples.Vienna2021))!.AsObject();
        json["startDate"] = "2022-10-28";
        json["endDate"] = "2022-10-31";
        var sessions = json["sessions"]!.AsArray();
        sessions[0]!["id"] = "2022-10-28-am";
        sessions[0]!["start"] = "2022-10-28T10:00";
        sessions[0]!["end"] = "2022-10-28T13:00";
        sessions[1]!["id"] = "2022-10-28-pm";
        sessions[1]!["start"] = "2022-10-28T15:00";
        sessions[1]!["end"] = "2022-10-28T18:00";
        sessions[2]!["id"] = "2022-10-31-am";
        sessions[2]!["start"] = "2022-10-31T10:00";
        sessions[2]!["end"] = "2022-10-31T13:00";
        sessions[3]!["id"] = "2022-10-31-pm";
        sessions[3]!["start"] = "2022-10-31T15:00";
        sessions[3]!["end"] = "2022-10-31T18:00";
        var result = DefinitionReader.Read(json.ToJsonString());
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Meeting!;
    }

    [Fact]
    public void Times_are_right_on_both_sides_of_the_clocks_going_back()
    {
        var run = new ScriptedMeeting(AcrossTheEndOfSummerTime(), "autumn");

        var calendar = Parse(MeetingCalendar.Write(run.Snapshot(), run.Log, null, Generated));

        var events = calendar.Events.OrderBy(e => e.DtStart!.AsUtc).ToList();
        Assert.Equal(4, events.Count);
        // Friday: summer time, UTC+2. Monday: winter time, UTC+1. 10 a.m. in Vienna both days.
        Assert.Equal(new DateTime(2022, 10, 28, 8, 0, 0, DateTimeKind.Utc), events[0].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2022, 10, 28, 11, 0, 0, DateTimeKind.Utc), events[0].DtEnd!.AsUtc);
        Assert.Equal(new DateTime(2022, 10, 31, 9, 0, 0, DateTimeKind.Utc), events[2].DtStart!.AsUtc);
        Assert.Equal(new DateTime(2022, 10, 31, 17, 0, 0, DateTimeKind.Utc), events[3].DtEnd!.AsUtc);
        Assert.All(events, e => Assert.Equal("Europe/Vienna", e.DtStart!.TzId));
        Assert.Equal([10, 15, 10, 15], events.Select(e => e.DtStart!.Hour));
    }

    [Fact]
    public void The_venue_time_zone_is_described_with_its_summer_and_winter_offsets()
    {
        var run = new ScriptedMeeting(AcrossTheEndOfSummerTime(), "autumn");

        var ics = MeetingCalendar.Write(run.Snapshot(), run.Log, null, Generated);
        var zone = Assert.Single(Parse(ics).TimeZones);

        Assert.Equal("Europe/Vienna", zone.TzId);
        var standard = Assert.Single(zone.TimeZoneInfos, i => i.Name == "STANDARD");
        var daylight = Assert.Single(zone.TimeZoneInfos, i => i.Name == "DAYLIGHT");
        Assert.Equal(TimeSpan.FromHours(1), standard.OffsetTo!.Offset);
        Assert.Equal(TimeSpan.FromHours(2), daylight.OffsetTo!.Offset);
        Assert.Contains("DTSTART;TZID=Europe/Vienna:20221031T100000", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_sitting_is_one_event_with_a_stable_uid_and_its_planned_items()
    {
        var run = ScriptedMeeting.Vienna2022();

        var calendar = Parse(MeetingCalendar.Write(run.Snapshot(), run.Log, null, Generated, new Uri("http://127.0.0.1:5080/follow/vienna2022")));

        Assert.Equal(9, calendar.Events.Count);
        var monday = calendar.Events.Single(e => e.Uid == "vienna2022.2022-05-23-am@meetingops");
        Assert.Equal("Joint meeting of WG.3 and WG.2: items 1 (a), 1 (b) and 2 (WG.3)", monday.Summary);
        Assert.Contains("1 (a). Opening of the meeting\n", monday.Description, StringComparison.Ordinal);
        Assert.Contains("2 (WG.3). Transfer of sentenced persons", monday.Description, StringComparison.Ordinal);
        Assert.EndsWith("Follow the meeting live: http://127.0.0.1:5080/follow/vienna2022", monday.Description, StringComparison.Ordinal);
        Assert.Equal("Vienna", monday.Location);
        Assert.Equal(0, monday.Sequence);
        var thematic = calendar.Events.Single(e => e.Uid == "vienna2022.2022-05-24-pm@meetingops");
        Assert.Equal("Joint meeting of WG.3 and WG.2: item 3 (WG.3) / 2 (WG.2)", thematic.Summary);
        Assert.Contains("(continued)", thematic.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_calendar_has_only_its_sittings_numbered_on_its_agenda()
    {
        var run = ScriptedMeeting.Vienna2022();

        var calendar = Parse(MeetingCalendar.Write(run.Snapshot(), run.Log, "wg3", Generated));

        Assert.Equal(["2022-05-23-am", "2022-05-23-pm", "2022-05-24-am", "2022-05-24-pm", "2022-05-26-pm", "2022-05-27-am"],
            calendar.Events.OrderBy(e => e.DtStart!.AsUtc).Select(e => e.Uid!.Split('.', 2)[1].Split('@')[0]));
        Assert.Equal("Working Group on International Cooperation: item 3",
            calendar.Events.Single(e => e.Uid == "vienna2022.2022-05-24-am@meetingops").Summary);
        Assert.Throws<ArgumentException>(() => MeetingCalendar.Write(run.Snapshot(), run.Log, "wg9", Generated));
    }

    [Fact]
    public void A_body_calendar_leaves_out_the_other_bodys_items_in_a_joint_sitting()
    {
        var run = ScriptedMeeting.Vienna2022();

        var calendar = Parse(MeetingCalendar.Write(run.Snapshot(), run.Log, "wg2", Generated));

        // Monday morning is joint, but WG.3's item 2 (transfer of sentenced persons) is not on WG.2's agenda.
        var monday = calendar.Events.Single(e => e.Uid == "vienna2022.2022-05-23-am@meetingops");
        Assert.Equal("Working Group of Government Experts on Technical Assistance: items 1 (a) and 1 (b)", monday.Summary);
        Assert.DoesNotContain("Transfer of sentenced persons", monday.Description, StringComparison.Ordinal);
        var wg2Titles = run.Meeting.Items.Where(i => i.Numbers.ContainsKey("wg2")).Select(i => i.Title).ToHashSet();
        var otherTitles = run.Meeting.Items.Where(i => !i.Numbers.ContainsKey("wg2")).Select(i => i.Title).Where(t => !wg2Titles.Contains(t)).ToList();
        Assert.All(calendar.Events, e => Assert.All(otherTitles, t => Assert.DoesNotContain(t, e.Description, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_replan_moves_items_and_raises_the_sequence_keeping_the_uids()
    {
        var run = new ScriptedMeeting(Samples.Vienna2022, "replanned");
        var before = Parse(MeetingCalendar.Write(run.Snapshot(), run.Log, null, Generated));

        run.Replan("2022-05-20 09:00", new FormatChange(run.Meeting.Sessions.Select(s => s.Id).ToList(), PlanStrategy.Reflow, SessionFormat.Hybrid));
        var ics = MeetingCalendar.Write(run.Snapshot(), run.Log, null, Generated);
        var after = Parse(ics);

        Assert.Equal(before.Events.Select(e => e.Uid).Order(), after.Events.Select(e => e.Uid).Order());
        Assert.All(before.Events, e => Assert.Equal(0, e.Sequence));
        Assert.All(after.Events, e => Assert.Equal(1, e.Sequence));
        // Capped at two hours: Monday morning ends at noon, and the items follow the new plan.
        var monday = after.Events.Single(e => e.Uid == "replanned.2022-05-23-am@meetingops");
        Assert.Equal(new DateTime(2022, 5, 23, 10, 0, 0, DateTimeKind.Utc), monday.DtEnd!.AsUtc);
        Assert.Contains("Hybrid, capped at 120 minutes", monday.Description, StringComparison.Ordinal);
        var planned = run.Snapshot().Sessions.Single(s => s.Id == "2022-05-24-am").Planned.Select(p => p.Item).ToList();
        var tuesday = after.Events.Single(e => e.Uid == "replanned.2022-05-24-am@meetingops");
        Assert.All(planned, id => Assert.Contains(run.Meeting.FindItem(id)!.Title, tuesday.Description, StringComparison.Ordinal));
        Assert.Equal(run.At("2022-05-20 09:00").UtcDateTime, monday.LastModified!.AsUtc);

        // The same log gives the same file: nothing in it depends on the host or the hour, but DTSTAMP.
        Assert.Equal(ics, MeetingCalendar.Write(run.Snapshot(), run.Log, null, Generated));

        run.Replan("2022-05-21 09:00", new FormatChange([], PlanStrategy.Fit));
        Assert.All(Parse(MeetingCalendar.Write(run.Snapshot(), run.Log, null, Generated)).Events, e => Assert.Equal(2, e.Sequence));
    }

    [Fact]
    public void An_extra_sitting_starts_at_sequence_zero_and_counts_later_changes()
    {
        var run = new ScriptedMeeting(Samples.Vienna2022, "extra");
        run.Replan("2022-05-20 09:00", new FormatChange([], PlanStrategy.Reflow,
            ExtraSessions: [new ExtraSession("2022-05-27-pm", new DateTime(2022, 5, 27, 15, 0, 0), new DateTime(2022, 5, 27, 18, 0, 0), ["wg3", "wg2"])]));

        var events = Parse(MeetingCalendar.Write(run.Snapshot(), run.Log, null, Generated)).Events;
        Assert.Equal(0, events.Single(e => e.Uid == "extra.2022-05-27-pm@meetingops").Sequence);
        Assert.Equal(1, events.Single(e => e.Uid == "extra.2022-05-23-am@meetingops").Sequence);

        run.Replan("2022-05-21 09:00", new FormatChange(["2022-05-26-pm"], PlanStrategy.Reflow, SessionFormat.Hybrid));
        events = Parse(MeetingCalendar.Write(run.Snapshot(), run.Log, null, Generated)).Events;
        Assert.Equal(1, events.Single(e => e.Uid == "extra.2022-05-27-pm@meetingops").Sequence);
        Assert.Equal(2, events.Single(e => e.Uid == "extra.2022-05-23-am@meetingops").Sequence);
    }
}
