using System.Text;
using System.Text.Json;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Tests.Records;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Domain.Tests;

/// <summary>
/// The end of interpretation as the pages get it: in the snapshot, moved by a push when a sitting starts (from its
/// actual start) or is extended, and the notice at the cap that stays until the next sitting starts.
/// </summary>
public class CapChangesTests
{
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, MeetingOpsJson.Options);

    /// <summary>The 2022 meeting with its Monday morning hybrid (120 minutes), counted from <paramref name="from"/>.</summary>
    private static ScriptedMeeting HybridMonday(CapFrom from)
    {
        var meeting = Samples.Meeting(Samples.Vienna2022);
        var sessions = meeting.Sessions.ToList();
        sessions[0] = sessions[0] with { Format = SessionFormat.Hybrid, CapMinutes = 120, CapFrom = from };
        return new ScriptedMeeting(meeting with { Sessions = sessions }, "caps");
    }

    /// <summary>Runs one step; its push applied to the snapshot before gives the one after. Answers the push.</summary>
    private static MeetingChanged Step(ScriptedMeeting run, Action<ScriptedMeeting> step)
    {
        var before = run.Snapshot();
        var logged = run.Log.Count;
        step(run);
        var after = run.Snapshot();
        var push = MeetingChanges.Push(run.Id, before, after, run.Log.Skip(logged).ToList());
        Assert.Equal(Json(after), Json(MeetingChanges.Apply(before, push)));
        return push;
    }

    private static SessionView Monday(ScriptedMeeting run) => run.Snapshot().Sessions.Single(s => s.Id == "2022-05-23-am");

    [Fact]
    public void A_late_opening_keeps_the_booked_end_and_an_extension_moves_it_in_a_small_push()
    {
        var run = HybridMonday(CapFrom.BookedStart);
        Assert.Equal(run.At("2022-05-23 12:00"), Monday(run).InterpretationEnd); // known before the sitting opens

        Step(run, r => r.Session("2022-05-23 10:20", "2022-05-23-am", SessionAction.Start));
        Assert.Equal(run.At("2022-05-23 12:00"), Monday(run).InterpretationEnd);

        var push = Step(run, r => r.Extend("2022-05-23 11:50", "2022-05-23-am", 10));
        var moved = Assert.Single(push.Changes, c => c.Kind == ChangeKind.SessionStatus);
        Assert.Equal(("2022-05-23-am", run.At("2022-05-23 12:10")), (moved.Id, moved.SessionState!.InterpretationEnd));
        Assert.DoesNotContain(push.Changes, c => c.Kind is ChangeKind.Session or ChangeKind.Snapshot);
        Assert.Equal(run.At("2022-05-23 12:10"), Monday(run).InterpretationEnd);
        Assert.Contains("\"interpretationEnd\":\"2022-05-23T10:10:00+00:00\"", Json(push), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sitting_whose_cap_counts_from_its_actual_start_moves_its_end_when_it_opens()
    {
        var run = HybridMonday(CapFrom.ActualStart);
        Assert.Equal(run.At("2022-05-23 12:00"), Monday(run).InterpretationEnd);

        var push = Step(run, r => r.Session("2022-05-23 10:20", "2022-05-23-am", SessionAction.Start));

        Assert.Equal(run.At("2022-05-23 12:20"), push.Changes.Single(c => c.Kind == ChangeKind.SessionStatus).SessionState!.InterpretationEnd);
        Assert.Equal(run.At("2022-05-23 12:20"), Monday(run).InterpretationEnd);
    }

    [Fact]
    public void At_the_cap_the_notice_names_the_end_the_continued_item_and_its_next_sitting_until_that_sitting_starts()
    {
        var run = HybridMonday(CapFrom.BookedStart)
            .Session("2022-05-23 10:00", "2022-05-23-am", SessionAction.Start)
            .Item("2022-05-23 10:00", "opening", ItemAction.Open)
            .Item("2022-05-23 10:10", "opening", ItemAction.Conclude)
            .Item("2022-05-23 10:10", "adoption-of-agenda", ItemAction.Open)
            .Item("2022-05-23 10:30", "adoption-of-agenda", ItemAction.Adopt)
            .Item("2022-05-23 10:30", "transfer-of-sentenced-persons", ItemAction.Open);
        Assert.Null(run.Snapshot().CapEnded);

        run.Actor = new Actor(Role.System);
        var push = Step(run, r => r.Session("2022-05-23 12:00", "2022-05-23-am", SessionAction.End));

        var notice = new CapEndedView("2022-05-23-am", run.At("2022-05-23 12:00"), "transfer-of-sentenced-persons", "2022-05-23-pm");
        Assert.Equal(notice, run.Snapshot().CapEnded);
        Assert.Equal(notice, push.Changes.Single(c => c.Kind == ChangeKind.MeetingKind).Meeting!.CapEnded);

        run.Actor = new Actor(Role.Chair);
        push = Step(run, r => r.Session("2022-05-23 15:00", "2022-05-23-pm", SessionAction.Start));
        Assert.Null(run.Snapshot().CapEnded);
        Assert.Null(push.Changes.Single(c => c.Kind == ChangeKind.MeetingKind).Meeting!.CapEnded);
    }

    [Fact]
    public void A_sitting_the_chair_ends_before_its_cap_leaves_no_notice()
    {
        var run = HybridMonday(CapFrom.BookedStart)
            .Session("2022-05-23 10:00", "2022-05-23-am", SessionAction.Start)
            .Session("2022-05-23 11:45", "2022-05-23-am", SessionAction.End);

        Assert.Null(run.Snapshot().CapEnded);
    }

    [Fact]
    public void The_secretariat_says_per_sitting_that_its_cap_counts_from_the_actual_start_and_nothing_else()
    {
        var sample = RepoFiles.Sample(RepoFiles.Vienna2022);
        var node = System.Text.Json.Nodes.JsonNode.Parse(sample)!;
        node["sessions"]![0]!["format"] = "hybrid";
        node["sessions"]![0]!["capFrom"] = "actualStart";
        var (definition, problem) = DefinitionReader.Parse(Encoding.UTF8.GetBytes(node.ToJsonString()));
        Assert.Null(problem);
        Assert.Equal(CapFrom.ActualStart, definition!.Sessions[0].CapFrom);
        Assert.Null(definition.Sessions[1].CapFrom); // absent: the booked start
        Assert.Contains("\"capFrom\":\"actualStart\"", Json(definition.Sessions[0]), StringComparison.Ordinal);
        Assert.DoesNotContain("capFrom", Json(definition.Sessions[1]), StringComparison.Ordinal);
        var meeting = DefinitionReader.Read(node.ToJsonString()).Meeting!;
        Assert.Equal((CapFrom.ActualStart, CapFrom.BookedStart), (meeting.Sessions[0].CapFrom, meeting.Sessions[1].CapFrom));

        node["sessions"]![0]!["capFrom"] = "whenTheChairLikes";
        var refused = DefinitionReader.Read(node.ToJsonString());
        Assert.Null(refused.Meeting);
        var only = Assert.Single(refused.Problems);
        Assert.Equal("$.sessions[0].capFrom", only.Path);
    }
}
