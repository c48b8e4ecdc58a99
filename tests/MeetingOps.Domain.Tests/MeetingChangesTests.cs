using System.Text.Json;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Schedule;
using MeetingOps.Domain.Tests.Records;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Domain.Tests;

/// <summary>
/// A push carries what changed, not the snapshot: applied to the snapshot a follower holds, it gives exactly the next
/// snapshot (compared as the pages hold it, in JSON), and one status change stays under 1 KB even at the definition limits.
/// </summary>
public class MeetingChangesTests
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, MeetingOpsJson.Options);

    private static int Bytes(MeetingChanged push) => JsonSerializer.SerializeToUtf8Bytes(push, MeetingOpsJson.Options).Length;

    /// <summary>Runs one step and checks its push: it applies to the snapshot before and gives the one after.</summary>
    private static MeetingChanged Step(ScriptedMeeting run, Action<ScriptedMeeting> step)
    {
        var before = run.Snapshot();
        var logged = run.Log.Count;
        step(run);
        var after = run.Snapshot();
        var push = MeetingChanges.Push(run.Id, before, after, run.Log.Skip(logged).ToList());
        Assert.Equal(after.Version, push.Version);
        Assert.Equal(before.Version, push.Since);
        var applied = MeetingChanges.Apply(before, push);
        Assert.True(applied is not null, "the push said follow again; its changes would have been: " + string.Join(", ",
            MeetingChanges.Between(before, after).GroupBy(c => c.Kind).Select(g => $"{g.Count()} × {g.Key} ({Json(g.First())})")));
        Assert.Equal(Json(after), Json(applied!));
        Assert.Equal(run.Log.Skip(logged).Select(e => Json(ChangeEntry.Of(e))), push.Changes.Where(c => c.Kind == ChangeKind.Log).Select(c => Json(c.Entry)));
        // Read back as a .NET client and the relay between hosts read it (a sitting's entry has no item id on the wire).
        var read = JsonSerializer.Deserialize<MeetingChanged>(Json(push), MeetingOpsJson.Options);
        Assert.Equal(Json(push), Json(read));
        return push;
    }

    [Fact]
    public void Every_step_of_a_sitting_applies_to_the_snapshot_before_and_gives_the_one_after()
    {
        var run = new ScriptedMeeting(Samples.Vienna2022, "vienna2022");
        var steps = new (string At, Command Command)[]
        {
            ("2022-05-23 10:00", new SessionCommand("2022-05-23-am", SessionAction.Start)),
            ("2022-05-23 10:00", new ItemCommand("opening", ItemAction.Open)),
            ("2022-05-23 10:20", new ItemCommand("opening", ItemAction.Conclude)),
            ("2022-05-23 10:20", new ItemCommand("adoption-of-agenda", ItemAction.Open)),
            ("2022-05-23 10:35", new ItemCommand("adoption-of-agenda", ItemAction.Adopt)),
            ("2022-05-23 10:35", new ItemCommand("transfer-of-sentenced-persons", ItemAction.Open)),
            ("2022-05-23 11:00", new SessionCommand("2022-05-23-am", SessionAction.Suspend)),
            ("2022-05-23 11:10", new SessionCommand("2022-05-23-am", SessionAction.Resume)),
            ("2022-05-23 12:59", new SessionCommand("2022-05-23-am", SessionAction.End)),
            ("2022-05-23 13:00", new UndoCommand(null)),
            ("2022-05-23 13:00", new ItemCommand("other-matters", ItemAction.Defer)),
        };
        foreach (var (at, command) in steps)
        {
            var push = Step(run, r => r.Do(at, command));
            Assert.DoesNotContain(push.Changes, c => c.Kind is ChangeKind.Snapshot or ChangeKind.Resync or ChangeKind.ItemList or ChangeKind.SessionList);
        }
    }

    [Fact]
    public void A_re_plan_sends_the_sittings_it_changed_whole_with_their_new_allocations()
    {
        var run = new ScriptedMeeting(Samples.Vienna2022, "vienna2022");
        var push = Step(run, r => r.Replan("2022-05-20 09:00",
            new FormatChange(r.Meeting.Sessions.Select(s => s.Id).ToList(), PlanStrategy.Reflow, SessionFormat.Hybrid)));
        var sessions = push.Changes.Where(c => c.Kind == ChangeKind.Session).ToList();
        Assert.NotEmpty(sessions);
        Assert.All(sessions, c => Assert.Equal(SessionFormat.Hybrid, c.Session!.Format));
    }

    [Fact]
    public void One_status_change_at_the_definition_limits_pushes_under_1_KB()
    {
        var read = DefinitionReader.Read(LimitsMeeting.Json());
        Assert.True(read.IsValid, string.Join("\n", read.Problems));
        var run = new ScriptedMeeting(read.Meeting!, "limits");
        Assert.Equal((1000, 500), (run.Snapshot().Items.Count, run.Snapshot().Sessions.Count));
        var snapshot = JsonSerializer.SerializeToUtf8Bytes(run.Snapshot(), MeetingOpsJson.Options).Length;
        Assert.True(snapshot > 400_000, $"the limits meeting's snapshot is {snapshot} bytes; the test means one of about 500 KB");

        // Starting a sitting makes every item it may take up openable: one rule, not a thousand item changes.
        var start = Step(run, r => r.Session("2026-03-02 08:00", LimitsMeeting.SittingId(1), SessionAction.Start));
        var open = Step(run, r => r.Item("2026-03-02 08:01", LimitsMeeting.ItemId(1), ItemAction.Open));
        var conclude = Step(run, r => r.Item("2026-03-02 08:20", LimitsMeeting.ItemId(1), ItemAction.Conclude));
        var defer = Step(run, r => r.Item("2026-03-02 08:21", LimitsMeeting.ItemId(900), ItemAction.Defer));

        foreach (var push in new[] { start, open, conclude, defer })
        {
            Assert.True(Bytes(push) < 1024, $"a status change pushed {Bytes(push)} bytes: {Json(push)}");
        }
    }

    [Fact]
    public void What_the_small_changes_do_not_name_goes_whole_the_item_the_sitting_or_the_meeting()
    {
        var before = new ScriptedMeeting(Samples.Vienna2022).Snapshot();
        var item = before.Items[3];
        var session = before.Sessions[1];
        var after = before with
        {
            Title = "Renamed meeting",
            Version = before.Version + 1,
            Items = before.Items.Select(i => i.Id == item.Id ? i with { Title = "Amended title" } : i).ToList(),
            Sessions = before.Sessions.Select(s => s.Id == session.Id ? s with { CapMinutes = 90 } : s).ToList(),
            Bodies = before.Bodies.Select(b => b with { Name = b.Name + " (renamed)" }).ToList(),
            Announcements = [new Announcement("7", "Informal consultations at 13:00 in Room M3", DateTimeOffset.UnixEpoch, null, Role.Organizer)],
        };

        var push = MeetingChanges.Push(before.Id, before, after, []);

        Assert.Equal([ChangeKind.MeetingKind, ChangeKind.BodyList, ChangeKind.AnnouncementList, ChangeKind.Item, ChangeKind.Session],
            push.Changes.Select(c => c.Kind));
        Assert.Equal("Amended title", push.Changes.Single(c => c.Kind == ChangeKind.Item).Item!.Title);
        Assert.Equal(Json(after), Json(MeetingChanges.Apply(before, push)));
    }

    [Fact]
    public void Items_and_sittings_added_removed_or_reordered_apply_in_place()
    {
        var before = new ScriptedMeeting(Samples.Vienna2022).Snapshot();
        var added = before.Items[0] with { Id = "new-item", Title = "A new item" };
        var inserted = before.Items.Take(2).Append(added).Concat(before.Items.Skip(2)).Where(i => i.Id != before.Items[^1].Id).ToList();
        var reordered = before.Sessions.Reverse().ToList();
        var after = before with { Version = before.Version + 1, Items = inserted, Sessions = reordered };

        var push = MeetingChanges.Push(before.Id, before, after, []);

        Assert.Contains(push.Changes, c => c.Kind == ChangeKind.ItemRemoved && c.Id == before.Items[^1].Id);
        Assert.Contains(push.Changes, c => c.Kind == ChangeKind.Item && c.At == 2);
        Assert.Contains(push.Changes, c => c.Kind == ChangeKind.SessionList);
        Assert.Equal(Json(after), Json(MeetingChanges.Apply(before, push)));
    }

    [Fact]
    public void A_change_too_big_for_a_delta_goes_as_the_snapshot_and_one_too_big_for_that_says_follow_again()
    {
        var before = new ScriptedMeeting(Samples.Vienna2022).Snapshot();
        var big = before with { Version = before.Version + 1, Items = before.Items.Select(i => i with { Title = i.Title + new string('x', 3000) }).ToList() };

        var push = MeetingChanges.Push(before.Id, before, big, []);
        Assert.Equal(ChangeKind.Snapshot, push.Changes.Single().Kind);
        Assert.Equal(Json(big), Json(MeetingChanges.Apply(before, push)));

        var read = DefinitionReader.Read(LimitsMeeting.Json());
        var limits = new ScriptedMeeting(read.Meeting!, "limits").Snapshot();
        var renamed = limits with { Version = 1, Items = limits.Items.Select(i => i with { Title = "Renamed " + i.Title }).ToList() };
        var tooBig = MeetingChanges.Push("limits", limits, renamed, []);
        Assert.Equal(ChangeKind.Resync, tooBig.Changes.Single().Kind);
        Assert.Null(MeetingChanges.Apply(limits, tooBig));
    }

    [Fact]
    public void Without_a_snapshot_to_start_from_the_push_is_the_snapshot_and_a_gap_is_not_applied()
    {
        var run = new ScriptedMeeting(Samples.Vienna2022);
        var first = run.Snapshot();
        run.Session("2022-05-23 10:00", "2022-05-23-am", SessionAction.Start);
        var second = run.Snapshot();
        run.Item("2022-05-23 10:00", "opening", ItemAction.Open);
        var third = run.Snapshot();

        var fresh = MeetingChanges.Push(run.Id, null, third, []);
        Assert.Equal(ChangeKind.Snapshot, fresh.Changes.Single().Kind);
        Assert.Equal(Json(third), Json(MeetingChanges.Apply(first, fresh)));

        var next = MeetingChanges.Push(run.Id, second, third, []);
        Assert.Null(MeetingChanges.Apply(first, next)); // the follower missed version 2: it follows again
        Assert.Equal("version", JsonSerializer.Deserialize<JsonElement>(JsonSerializer.Serialize(next, MeetingOpsJson.Options)).EnumerateObject().First().Name);
    }

    [Fact]
    public void A_push_with_a_sitting_s_entry_reads_back_with_the_options_the_clients_use()
    {
        // A sitting's entry has no item: the push must still read back whole (the .NET client drops a push it cannot bind).
        var entry = new ChangeEntry(4, DateTimeOffset.Parse("2026-03-02T08:00:00Z"), new Actor(Role.Chair), ChangeSubject.Session, null, "s1", "start", "scheduled", "inProgress");
        var push = new MeetingChanged(4, "m", 3, [new ViewChange(ChangeKind.Log, Entry: entry)]);

        var read = JsonSerializer.Deserialize<MeetingChanged>(Json(push), MeetingOpsJson.Options)!;

        Assert.Equal(entry, read.Changes.Single().Entry);
    }
}
