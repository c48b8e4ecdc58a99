using MeetingOps.Domain;
using Orleans.Concurrency;

namespace MeetingOps.Contracts;

/// <summary>
/// One meeting (key: the meeting id). Owns the definition, the chair key, the version counter, the audit log
/// and the idempotency record; drives every change to its sessions and agenda items from a persisted intent.
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

    /// <summary>What a format change would make of the plan, changing nothing (the same key and rules as <see cref="ChangeFormat"/>).</summary>
    [Alias("ProposeFormat")]
    Task<ProposalOutcome> ProposeFormat(FormatEnvelope command);

    /// <summary>Extends a capped sitting's interpretation: logged, pushed, and the cap watch moves with its warnings re-armed.</summary>
    [Alias("ExtendCap")]
    Task<CommandOutcome> ExtendCap(ExtendEnvelope command);

    /// <summary>The plan and the live forecast, or null when no meeting has this id.</summary>
    [Alias("GetSchedule")]
    Task<ScheduleView?> GetSchedule();

    /// <summary>The audit log from a version on (all of it from 0), or null when no meeting has this id.</summary>
    [Alias("GetLog")]
    Task<IReadOnlyList<LogEntry>?> GetLog(long afterVersion);

    /// <summary>
    /// A capped sitting reached its cap: MeetingOps ends it (continuing the item under consideration) by itself.
    /// One-way: the session grain that asks hears of the ending from the meeting, so neither waits for the other.
    /// </summary>
    [Alias("EndAtCap"), OneWay]
    Task EndAtCap(string sessionId);

    /// <summary>A capped sitting is <paramref name="minutesLeft"/> minutes from its cap: tell the followers.</summary>
    [Alias("AnnounceCap"), OneWay]
    Task AnnounceCap(string sessionId, int minutesLeft);
}

/// <summary>
/// One sitting of one meeting (key: "{meetingId}/{sessionId}"): the sitting's clock and cap. It knows when its sitting
/// was booked and started, and watches its cap (warnings 15 and 5 minutes before, the end at the cap). It learns where
/// its sitting stands from the meeting, one-way and by version; the meeting decides the sitting's status and never
/// waits for this grain.
/// </summary>
[Alias("MeetingOps.ISessionGrain")]
public interface ISessionGrain : IGrainWithStringKey
{
    [Alias("GetState")]
    Task<SessionRecord> GetState();

    /// <summary>
    /// Where the sitting stands as of meeting version <see cref="SittingNews.Version"/>. One-way; news older than what
    /// the grain has is ignored, the same news again changes nothing.
    /// </summary>
    [Alias("Hear"), OneWay]
    Task Hear(SittingNews news);

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

    /// <summary>Takes a meeting's line off the list (archived or deleted); idempotent.</summary>
    [Alias("Remove")]
    Task Remove(string meetingId);
}

/// <summary>
/// What the meeting tells a session grain about its sitting, as of meeting version <see cref="Version"/>: its status,
/// when it started, its booked slot, and the cap to watch (null: none, or no longer).
/// </summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.SittingNews")]
public sealed record SittingNews(
    [property: Id(0)] long Version,
    [property: Id(1)] SessionStatus Status,
    [property: Id(2)] DateTimeOffset? StartedAt,
    [property: Id(3)] DateTimeOffset BookedStart,
    [property: Id(4)] DateTimeOffset BookedEnd,
    [property: Id(5)] CapWatch? CapWatch);

/// <summary>A session grain's state as others may read it: the last news it heard (null: none yet).</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.SessionRecord")]
public sealed record SessionRecord(
    [property: Id(0)] SittingNews? News)
{
    public long Version => News?.Version ?? 0;

    public CapWatch? CapWatch => News?.CapWatch;
}

/// <summary>Grain keys in one place, so every caller builds them the same way.</summary>
public static class GrainKeys
{
    public static string Child(string meetingId, string childId) => $"{meetingId}/{childId}";

    public const long Directory = 0;

    public const long CapWatchRegistry = 0;
}
