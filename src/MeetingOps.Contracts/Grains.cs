using MeetingOps.Domain;
using Orleans.Concurrency;

namespace MeetingOps.Contracts;

/// <summary>
/// One meeting (key: the meeting id). Owns the definition, the chair key, the version counter, the audit log
/// and the idempotency record, and decides every agenda and sitting status: the one writer of them.
/// </summary>
[Alias("MeetingOps.IMeetingGrain")]
public interface IMeetingGrain : IGrainWithStringKey
{
    [Alias("Create")]
    Task<MeetingCreated> Create(CreateMeeting request);

    /// <summary>The snapshot, or null when no meeting has this id.</summary>
    [Alias("GetSnapshot")]
    Task<MeetingView?> GetSnapshot();

    [Alias("Execute")]
    Task<CommandOutcome> Execute(CommandEnvelope command);

    /// <summary>Switches sittings' format, cap or start, adds sittings, re-plans; answers with the snapshot after.</summary>
    [Alias("ChangeFormat")]
    Task<CommandOutcome> ChangeFormat(FormatEnvelope command);

    /// <summary>The plan and the live forecast, or null when no meeting has this id.</summary>
    [Alias("GetSchedule")]
    Task<ScheduleView?> GetSchedule();

    /// <summary>The audit log from a version on (all of it from 0), or null when no meeting has this id.</summary>
    [Alias("GetLog")]
    Task<IReadOnlyList<LogEntry>?> GetLog(long afterVersion);

    /// <summary>
    /// A capped sitting reached its cap: MeetingOps ends it (continuing the item under consideration) by itself.
    /// One-way: the session grain that asks hears of the ending from the meeting, so it must not wait.
    /// </summary>
    [Alias("EndAtCap"), OneWay]
    Task EndAtCap(string sessionId);

    /// <summary>A capped sitting is <paramref name="minutesLeft"/> minutes from its cap: tell the followers.</summary>
    [Alias("AnnounceCap"), OneWay]
    Task AnnounceCap(string sessionId, int minutesLeft);
}

/// <summary>
/// One agenda item of one meeting (key: "{meetingId}/{itemId}"). It holds nothing yet: the meeting grain alone decides
/// and keeps item statuses. It is here for what is per item and busy (the list of speakers, the floor).
/// </summary>
[Alias("MeetingOps.IAgendaItemGrain")]
public interface IAgendaItemGrain : IGrainWithStringKey
{
}

/// <summary>
/// One sitting of one meeting (key: "{meetingId}/{sessionId}"): watches its cap. It learns where its sitting stands
/// from the meeting, one-way and by version; the meeting decides the sitting's status and never waits for this grain.
/// </summary>
[Alias("MeetingOps.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    [Alias("GetState")]
    Task<SessionRecord> GetState();

    /// <summary>
    /// Watch this sitting's cap as of meeting version <paramref name="version"/>: end it at <see cref="CapWatch.CapAt"/>,
    /// warn 15 and 5 minutes before; null stops watching. One-way; older than what the grain has: ignored. Idempotent.
    /// </summary>
    [Alias("WatchCap"), OneWay]
    Task WatchCap(CapWatch? watch, long version);

    /// <summary>Activates the grain so it re-arms a cap watch it holds (after a restart).</summary>
    [Alias("Wake")]
    Task Wake();

    [Alias("CapDue")]
    Task CapDue(int minutesLeft);
}

/// <summary>The sittings whose caps are being watched (a single grain, key 0), so a restarted silo wakes them.</summary>
[Alias("MeetingOps.ICapWatchRegistryGrain")]
public interface ICapWatchRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Watch")]
    Task Watch(string sessionGrainKey, bool watching);

    [Alias("WakeAll")]
    Task<int> WakeAll();
}

/// <summary>When a capped sitting reaches its cap.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.CapWatch")]
public sealed record CapWatch(
    [property: Id(0)] string MeetingId,
    [property: Id(1)] string SessionId,
    [property: Id(2)] DateTimeOffset CapAt,
    [property: Id(3)] int CapMinutes);

/// <summary>The list of meetings (a single grain, key 0): what the home page and GET /api/meetings show.</summary>
[Alias("MeetingOps.IMeetingDirectoryGrain")]
public interface IMeetingDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds or replaces a meeting's line; idempotent.</summary>
    [Alias("Register")]
    Task Register(MeetingSummary summary);

    [Alias("List")]
    Task<IReadOnlyList<MeetingSummary>> List();
}

/// <summary>A session grain's state as others may read it: the cap it watches, as of which meeting version.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.SessionRecord")]
public sealed record SessionRecord(
    [property: Id(0)] CapWatch? CapWatch,
    [property: Id(1)] long Version);

/// <summary>Grain keys in one place, so every caller builds them the same way.</summary>
public static class GrainKeys
{
    public static string Child(string meetingId, string childId) => $"{meetingId}/{childId}";

    public const long Directory = 0;

    public const long CapWatchRegistry = 0;
}
