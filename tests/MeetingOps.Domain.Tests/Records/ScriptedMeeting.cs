using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Schedule;

namespace MeetingOps.Domain.Tests.Records;

/// <summary>
/// A meeting run by script through the real rules: each command is decided by <see cref="MeetingRules"/> at a
/// venue time the script gives, and its changes are logged and applied, as the meeting grain does.
/// </summary>
public sealed class ScriptedMeeting
{
    private readonly TimeZoneInfo _zone;
    private LiveState _live;

    public ScriptedMeeting(string sample, string id = "scripted")
    {
        Meeting = Samples.Meeting(sample);
        Id = id;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(Meeting.TimeZone);
        _live = LiveState.Initial(Meeting);
    }

    public ScriptedMeeting(Meeting meeting, string id = "scripted")
    {
        Meeting = meeting;
        Id = id;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(Meeting.TimeZone);
        _live = LiveState.Initial(Meeting);
    }

    /// <summary>The meeting as it runs: as defined until a re-plan, then with the plan's sittings and planned items.</summary>
    public Meeting Meeting { get; private set; }

    private Meeting? _defined;
    private PlanRequest? _request;

    public string Id { get; }

    public List<LogEntry> Log { get; } = [];

    public long Version => Log.Count == 0 ? 0 : Log[^1].Version;

    /// <summary>Who acts next (the chair unless the script says otherwise).</summary>
    public Actor Actor { get; set; } = new(Role.Chair);

    public MeetingView Snapshot() => MeetingViews.Snapshot(Id, Meeting, _live, Version);

    /// <summary>Venue time "2022-05-23 10:00".</summary>
    public DateTimeOffset At(string local)
    {
        var time = DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        return new DateTimeOffset(time, _zone.GetUtcOffset(time)).ToUniversalTime();
    }

    public ScriptedMeeting Session(string local, string sessionId, SessionAction action) => Do(local, new SessionCommand(sessionId, action));

    public ScriptedMeeting Item(string local, string itemId, ItemAction action, string? sessionId = null) => Do(local, new ItemCommand(itemId, action, sessionId));

    public ScriptedMeeting Do(string local, Command command)
    {
        var context = new MeetingRules.Context(Actor, At(local), $"cmd-{Log.Count + 1:000}", Version + 1);
        var result = command is UndoCommand undo
            ? Corrections.Undo(Meeting, _live, Log, undo, context)
            : MeetingRules.Decide(Meeting, _live, command, context);
        Assert.True(result.Refusal is null, $"{command} at {local} was refused: {result.Refusal?.Reason}");
        Log.AddRange(result.Changes);
        _live = LiveState.Initial(Meeting).Apply(Corrections.Effective(Log));
        return this;
    }

    /// <summary>An extension of a sitting's interpretation, decided by <see cref="CapExtension"/> as the meeting grain does.</summary>
    public ScriptedMeeting Extend(string local, string sessionId, int minutes)
    {
        var context = new MeetingRules.Context(Actor, At(local), $"cmd-{Log.Count + 1:000}", Version + 1);
        var (entry, refusal) = CapExtension.Decide(Meeting, _live, Log, sessionId, minutes, context);
        Assert.True(refusal is null, $"Extending {sessionId} at {local} was refused: {refusal?.Reason}");
        Log.Add(entry!);
        _live = _live.Apply(entry!);
        return this;
    }

    /// <summary>A format change and re-plan, decided by <see cref="ScheduleRules"/> as the meeting grain does.</summary>
    public ScriptedMeeting Replan(string local, FormatChange change)
    {
        _defined ??= Meeting;
        var context = new MeetingRules.Context(Actor, At(local), $"cmd-{Log.Count + 1:000}", Version + 1);
        var decision = ScheduleRules.Decide(_defined, _request, _live, change, context);
        Assert.True(decision.Refusal is null, $"The format change at {local} was refused: {decision.Refusal?.Reason}");
        Log.AddRange(decision.Changes);
        _request = decision.Request;
        Meeting = ScheduleRules.Effective(_defined, decision.Plan!);
        return this;
    }

    /// <summary>
    /// The 2022 Vienna working groups as they might have run: item 2 of the Working Group on International Cooperation
    /// continued into the afternoon, the joint thematic item over two joint sittings, a Technical Assistance item
    /// deferred after discussion, and the joint report taken up on Thursday afternoon and adopted on Friday morning.
    /// </summary>
    public static ScriptedMeeting Vienna2022()
    {
        var m = new ScriptedMeeting(Samples.Vienna2022, "vienna2022");
        m.Actor = new Actor(Role.Chair, "Ms. Ana Lind");
        m.Session("2022-05-23 10:00", "2022-05-23-am", SessionAction.Start);
        m.Actor = new Actor(Role.Chair);
        m.Item("2022-05-23 10:00", "opening", ItemAction.Open)
         .Item("2022-05-23 10:20", "opening", ItemAction.Conclude)
         .Item("2022-05-23 10:20", "adoption-of-agenda", ItemAction.Open)
         .Item("2022-05-23 10:35", "adoption-of-agenda", ItemAction.Adopt)
         .Item("2022-05-23 10:35", "transfer-of-sentenced-persons", ItemAction.Open)
         .Session("2022-05-23 13:00", "2022-05-23-am", SessionAction.End) // item 2 continued
         .Session("2022-05-23 15:00", "2022-05-23-pm", SessionAction.Start)
         .Item("2022-05-23 15:00", "transfer-of-sentenced-persons", ItemAction.Open)
         .Item("2022-05-23 17:40", "transfer-of-sentenced-persons", ItemAction.Conclude)
         .Session("2022-05-23 18:00", "2022-05-23-pm", SessionAction.End)
         .Session("2022-05-24 10:00", "2022-05-24-am", SessionAction.Start)
         .Item("2022-05-24 10:00", "application-of-the-organized-crime-convention", ItemAction.Open)
         .Session("2022-05-24 11:30", "2022-05-24-am", SessionAction.Suspend)
         .Session("2022-05-24 11:45", "2022-05-24-am", SessionAction.Resume)
         .Item("2022-05-24 13:00", "application-of-the-organized-crime-convention", ItemAction.Continue)
         .Session("2022-05-24 13:00", "2022-05-24-am", SessionAction.End)
         .Session("2022-05-24 15:00", "2022-05-24-pm", SessionAction.Start)
         .Item("2022-05-24 15:00", "application-of-the-organized-crime-convention", ItemAction.Open)
         .Item("2022-05-24 17:55", "application-of-the-organized-crime-convention", ItemAction.Conclude)
         .Session("2022-05-24 18:00", "2022-05-24-pm", SessionAction.End)
         .Session("2022-05-25 10:00", "2022-05-25-am", SessionAction.Start)
         .Item("2022-05-25 10:00", "effective-strategies-to-prevent-and-combat", ItemAction.Open)
         .Session("2022-05-25 13:00", "2022-05-25-am", SessionAction.End)
         .Session("2022-05-25 15:00", "2022-05-25-pm", SessionAction.Start)
         .Item("2022-05-25 15:00", "effective-strategies-to-prevent-and-combat", ItemAction.Open)
         .Item("2022-05-25 17:30", "effective-strategies-to-prevent-and-combat", ItemAction.Conclude)
         .Session("2022-05-25 18:00", "2022-05-25-pm", SessionAction.End)
         .Session("2022-05-26 10:00", "2022-05-26-am", SessionAction.Start)
         .Item("2022-05-26 10:00", "finalization-and-adoption-of-the-draft", ItemAction.Open)
         .Item("2022-05-26 12:00", "finalization-and-adoption-of-the-draft", ItemAction.Adopt)
         .Item("2022-05-26 12:00", "matters-pertaining-to-the-mechanism", ItemAction.Open)
         .Item("2022-05-26 12:50", "matters-pertaining-to-the-mechanism", ItemAction.Defer)
         .Session("2022-05-26 13:00", "2022-05-26-am", SessionAction.End)
         .Session("2022-05-26 15:00", "2022-05-26-pm", SessionAction.Start)
         .Item("2022-05-26 15:00", "other-matters", ItemAction.Open)
         .Item("2022-05-26 15:30", "other-matters", ItemAction.Conclude)
         .Item("2022-05-26 15:30", "joint-report", ItemAction.Open)
         .Session("2022-05-26 18:00", "2022-05-26-pm", SessionAction.End) // the joint report continued
         .Session("2022-05-27 10:00", "2022-05-27-am", SessionAction.Start)
         .Item("2022-05-27 10:00", "joint-report", ItemAction.Open)
         .Item("2022-05-27 12:40", "joint-report", ItemAction.Adopt)
         .Session("2022-05-27 12:45", "2022-05-27-am", SessionAction.End);
        return m;
    }

    /// <summary>
    /// The 2021 Working Group on International Cooperation: opened a few minutes late by the secretariat, item 2
    /// (the recommendations, under which the Working Group adopts) over both sittings of the first day, item 3 on the
    /// second morning, and other matters and the report in the last sitting.
    /// </summary>
    public static ScriptedMeeting Vienna2021()
    {
        var m = new ScriptedMeeting(Samples.Vienna2021, "vienna2021");
        m.Actor = new Actor(Role.Organizer, "Mr. Jon Ortiz");
        m.Session("2021-03-25 10:05", "2021-03-25-am", SessionAction.Start);
        m.Actor = new Actor(Role.Chair);
        m.Item("2021-03-25 10:05", "opening", ItemAction.Open)
         .Item("2021-03-25 10:15", "opening", ItemAction.Conclude)
         .Item("2021-03-25 10:15", "adoption-of-agenda", ItemAction.Open)
         .Item("2021-03-25 10:25", "adoption-of-agenda", ItemAction.Adopt)
         .Item("2021-03-25 10:25", "finalization-and-adoption-of-the-recommendations", ItemAction.Open)
         .Session("2021-03-25 13:00", "2021-03-25-am", SessionAction.End)
         .Session("2021-03-25 15:00", "2021-03-25-pm", SessionAction.Start)
         .Item("2021-03-25 15:00", "finalization-and-adoption-of-the-recommendations", ItemAction.Open)
         .Item("2021-03-25 17:45", "finalization-and-adoption-of-the-recommendations", ItemAction.Adopt)
         .Session("2021-03-25 18:00", "2021-03-25-pm", SessionAction.End)
         .Session("2021-03-26 10:00", "2021-03-26-am", SessionAction.Start)
         .Item("2021-03-26 10:00", "impact-of-the-coronavirus-disease", ItemAction.Open)
         .Item("2021-03-26 12:55", "impact-of-the-coronavirus-disease", ItemAction.Conclude)
         .Session("2021-03-26 13:00", "2021-03-26-am", SessionAction.End)
         .Session("2021-03-26 15:00", "2021-03-26-pm", SessionAction.Start)
         .Item("2021-03-26 15:00", "other-matters", ItemAction.Open)
         .Item("2021-03-26 15:20", "other-matters", ItemAction.Conclude)
         .Item("2021-03-26 15:20", "report", ItemAction.Open)
         .Item("2021-03-26 17:30", "report", ItemAction.Adopt)
         .Session("2021-03-26 17:35", "2021-03-26-pm", SessionAction.End);
        return m;
    }
}
