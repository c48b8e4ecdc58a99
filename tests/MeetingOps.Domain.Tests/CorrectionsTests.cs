using MeetingOps.Domain;

namespace MeetingOps.Domain.Tests;

/// <summary>Undoing slips on the 2022 sample: the log keeps slip and correction; the effective log reads as if the slip never happened.</summary>
public class CorrectionsTests
{
    private static readonly Meeting Vienna = Samples.Meeting(Samples.Vienna2022);
    private static readonly DateTimeOffset Monday10 = new(2022, 5, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Actor Chair = new(Role.Chair, "Ms. Chair");

    private readonly List<LogEntry> _log = [];
    private int _commands;

    private LiveState Live => LiveState.Initial(Vienna).Apply(Corrections.Effective(_log));

    private MeetingRules.Context Context(Actor? actor = null) =>
        new(actor ?? Chair, Monday10.AddMinutes(_commands), $"c{++_commands}", _log.Count == 0 ? 1 : _log[^1].Version + 1);

    private IReadOnlyList<LogEntry> Do(Command command, Actor? actor = null)
    {
        var result = command is UndoCommand undo
            ? Corrections.Undo(Vienna, Live, _log, undo, Context(actor))
            : MeetingRules.Decide(Vienna, Live, command, Context(actor));
        Assert.Null(result.Refusal);
        _log.AddRange(result.Changes);
        return result.Changes;
    }

    private Refusal Refused(UndoCommand command)
    {
        var count = _log.Count;
        var refusal = Assert.IsType<Refusal>(Corrections.Undo(Vienna, Live, _log, command, Context()).Refusal);
        Assert.Equal(count, _log.Count);
        return refusal;
    }

    [Fact]
    public void A_wrong_take_up_goes_back_to_pending_and_the_log_keeps_both()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        var slip = Assert.Single(Do(new ItemCommand("opening", ItemAction.Open)));
        Assert.Equal("Undo: taking up item 1 (a) in session 2022-05-23-am", Corrections.Describe(Vienna, _log));

        var undo = Assert.Single(Do(new UndoCommand()));

        Assert.Equal(("undo", "open", "pending", slip.Version), (undo.Action, undo.From, undo.To, undo.Corrects!.Value));
        Assert.Equal(ItemStatus.Pending, Live.Item("opening").Status);
        Assert.Null(Live.CurrentItemIn("2022-05-23-am"));
        Assert.Equal(3, _log.Count);
        Assert.Single(Corrections.Effective(_log)); // only the start remains
        Assert.Equal("Undo: starting session 2022-05-23-am", Corrections.Describe(Vienna, _log));
    }

    [Fact]
    public void A_wrong_start_goes_back_to_scheduled_and_the_sitting_can_be_held_later()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        Do(new UndoCommand());

        Assert.Equal(new SessionState(SessionStatus.Scheduled), Live.Session("2022-05-23-am"));
        Assert.Empty(Corrections.Effective(_log));
        // Applied step by step (as the sitting's own grain does), the sitting also has no start any more.
        Assert.Null(LiveState.Initial(Vienna).Apply(_log).Session("2022-05-23-am").StartedAt);
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        Assert.Equal(SessionStatus.InProgress, Live.Session("2022-05-23-am").Status);
    }

    [Fact]
    public void A_mistaken_end_puts_the_sitting_and_its_item_back_in_one_undo()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        Do(new ItemCommand("opening", ItemAction.Open));
        var end = Do(new SessionCommand("2022-05-23-am", SessionAction.End)); // continues the open item too
        Assert.Equal(2, end.Count);
        Assert.Equal("Undo: ending session 2022-05-23-am", Corrections.Describe(Vienna, _log));

        var undo = Do(new UndoCommand());

        Assert.Equal([end[1].Version, end[0].Version], undo.Select(u => u.Corrects!.Value));
        Assert.Equal(SessionStatus.InProgress, Live.Session("2022-05-23-am").Status);
        Assert.Null(Live.Session("2022-05-23-am").EndedAt);
        Assert.Equal(ItemStatus.Open, Live.Item("opening").Status);
        Assert.Equal("opening", Live.CurrentItemIn("2022-05-23-am"));
    }

    [Fact]
    public void A_caps_automatic_end_is_undone_like_the_chairs_own()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        Do(new SessionCommand("2022-05-23-am", SessionAction.End, "the cap was reached"), new Actor(Role.System));
        Assert.Equal("Undo: ending session 2022-05-23-am (at its cap)", Corrections.Describe(Vienna, _log));

        Do(new UndoCommand());

        Assert.Equal(SessionStatus.InProgress, Live.Session("2022-05-23-am").Status);
    }

    [Fact]
    public void Undo_goes_most_recent_first_and_a_named_older_version_is_refused()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        var open = Assert.Single(Do(new ItemCommand("opening", ItemAction.Open)));
        var conclude = Assert.Single(Do(new ItemCommand("opening", ItemAction.Conclude)));

        var refusal = Refused(new UndoCommand(open.Version));
        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.Contains("not the latest change", refusal.Reason, StringComparison.Ordinal);

        Do(new UndoCommand(conclude.Version));
        Do(new UndoCommand(open.Version));
        Assert.Equal(ItemStatus.Pending, Live.Item("opening").Status);
        Assert.Contains("already undone", Refused(new UndoCommand(open.Version)).Reason, StringComparison.Ordinal);
        Assert.Equal(RefusalKind.NotFound, Refused(new UndoCommand(999)).Kind);
    }

    [Fact]
    public void Nothing_to_undo_is_refused_in_words()
    {
        Assert.Null(Corrections.Describe(Vienna, _log));
        Assert.Equal("There is nothing to undo: no item or sitting has changed, or every change is already undone.", Refused(new UndoCommand()).Reason);
    }

    [Fact]
    public void An_end_is_not_undone_once_a_later_sitting_of_its_bodies_has_started()
    {
        Do(new SessionCommand("2022-05-23-am", SessionAction.Start));
        Do(new SessionCommand("2022-05-23-am", SessionAction.End));
        Do(new SessionCommand("2022-05-23-pm", SessionAction.Start));
        Do(new UndoCommand()); // the later start, undone first
        Do(new SessionCommand("2022-05-23-pm", SessionAction.Start));

        // The latest change is the afternoon start, so the morning end is not the one Undo takes back.
        var refusal = Refused(new UndoCommand(_log.First(e => e.Action == "end").Version));
        Assert.Contains("not the latest change", refusal.Reason, StringComparison.Ordinal);
    }
}

/// <summary>Slips undone leave no trace in the report; the CSV shows slip and correction, each marked.</summary>
public class CorrectionsInTheRecordTests
{
    private static Records.ScriptedMeeting Day(bool withSlips)
    {
        var run = new Records.ScriptedMeeting(Samples.Vienna2022);
        if (withSlips)
        {
            // A wrong start, undone; then the right one.
            run.Do("2022-05-23 09:55", new SessionCommand("2022-05-24-am", SessionAction.Start, ConfirmOffDay: true)).Do("2022-05-23 09:56", new UndoCommand());
        }
        run.Session("2022-05-23 10:00", "2022-05-23-am", SessionAction.Start);
        if (withSlips)
        {
            // A wrong take-up, undone.
            run.Item("2022-05-23 10:01", "transfer-of-sentenced-persons", ItemAction.Open).Do("2022-05-23 10:02", new UndoCommand());
        }
        run.Item("2022-05-23 10:03", "opening", ItemAction.Open).Item("2022-05-23 10:20", "opening", ItemAction.Conclude);
        run.Session("2022-05-23 13:00", "2022-05-23-am", SessionAction.End);
        if (withSlips)
        {
            // A mistaken end, undone; then the real end.
            run.Do("2022-05-23 13:01", new UndoCommand()).Session("2022-05-23 13:00", "2022-05-23-am", SessionAction.End);
        }
        return run;
    }

    [Fact]
    public void The_report_of_a_day_with_slips_undone_is_the_report_of_the_day_without_them()
    {
        var clean = Day(withSlips: false);
        var slipped = Day(withSlips: true);

        // The report names the version it was made at; everything else must read the same.
        static string Report(Records.ScriptedMeeting run) => System.Text.RegularExpressions.Regex.Replace(
            MeetingOps.Domain.Records.ReportMarkdown.Write(MeetingOps.Domain.Records.MeetingReports.Build(run.Snapshot(), run.Log)), "at version [0-9]+", "at version N");
        Assert.Equal(Report(clean), Report(slipped));
        Assert.Equal(clean.Snapshot() with { Version = 0 }, slipped.Snapshot() with { Version = 0 }, new SnapshotComparer());
    }

    [Fact]
    public void The_csv_shows_slip_and_correction_each_marked()
    {
        var run = Day(withSlips: true);
        var csv = MeetingOps.Domain.Records.LogCsv.Write(run.Snapshot(), run.Log);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(run.Log.Count + 1, lines.Length);
        Assert.EndsWith(",undone by version 2", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",corrects version 1", lines[2], StringComparison.Ordinal);
    }

    /// <summary>Snapshots hold lists, so records compare them by reference; compare their JSON instead.</summary>
    private sealed class SnapshotComparer : IEqualityComparer<MeetingView>
    {
        public bool Equals(MeetingView? x, MeetingView? y) =>
            System.Text.Json.JsonSerializer.Serialize(x, MeetingOpsJson.Options) == System.Text.Json.JsonSerializer.Serialize(y, MeetingOpsJson.Options);

        public int GetHashCode(MeetingView obj) => 0;
    }
}
