using MeetingOps.Domain;

namespace MeetingOps.Planning.Tests;

/// <summary>Runs a meeting through the live rules at given instants, keeping the log and the live state a forecast reads.</summary>
public sealed class Chair(Meeting meeting)
{
    private long _version;

    public LiveState Live { get; private set; } = LiveState.Initial(meeting);

    public List<LogEntry> Log { get; } = [];

    /// <param name="confirmOffDay">The chair confirmed starting the sitting on a day other than its planned day.</param>
    public Chair Start(string sessionId, string at, bool confirmOffDay = false) =>
        Do(new SessionCommand(sessionId, SessionAction.Start, ConfirmOffDay: confirmOffDay), at);

    public Chair Suspend(string sessionId, string at) => Do(new SessionCommand(sessionId, SessionAction.Suspend), at);

    public Chair Resume(string sessionId, string at) => Do(new SessionCommand(sessionId, SessionAction.Resume), at);

    public Chair End(string sessionId, string at) => Do(new SessionCommand(sessionId, SessionAction.End), at);

    public Chair Open(string itemId, string at) => Do(new ItemCommand(itemId, ItemAction.Open), at);

    public Chair Adopt(string itemId, string at) => Do(new ItemCommand(itemId, ItemAction.Adopt), at);

    public Chair Conclude(string itemId, string at) => Do(new ItemCommand(itemId, ItemAction.Conclude), at);

    /// <param name="at">A UTC instant such as "2022-05-23T08:00Z".</param>
    private Chair Do(Command command, string at)
    {
        var context = new MeetingRules.Context(new Actor(Role.Chair), DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), $"c{_version + 1}", _version + 1);
        var result = MeetingRules.Decide(meeting, Live, command, context);
        Assert.Null(result.Refusal);
        Live = Live.Apply(result.Changes);
        Log.AddRange(result.Changes);
        _version = result.Changes[^1].Version;
        return this;
    }
}
