using MeetingOps.Domain;

namespace MeetingOps.Contracts;

/// <summary>
/// Announcements on one meeting (key: the meeting id; the same grain as <see cref="IMeetingGrain"/>): made and withdrawn
/// with the chair's or the organizer's key, logged, pushed once, and carried by the snapshot while they show.
/// </summary>
[Alias("MeetingOps.IMeetingAnnouncementsGrain")]
public interface IMeetingAnnouncementsGrain : IGrainWithStringKey
{
    [Alias("Announce")]
    Task<CommandOutcome> Announce(AnnounceEnvelope command);

    [Alias("Withdraw")]
    Task<CommandOutcome> WithdrawAnnouncement(WithdrawEnvelope command);
}

/// <summary>An announcement to make: the text, when it stops showing (null: until withdrawn), and the command's headers.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.AnnounceEnvelope")]
public sealed record AnnounceEnvelope(
    [property: Id(0)] string? PresentedKey,
    [property: Id(1)] string? IdempotencyKey,
    [property: Id(2)] long? ExpectedVersion,
    [property: Id(3)] string? ActorName,
    [property: Id(4)] string? Text,
    [property: Id(5)] DateTimeOffset? Until);

/// <summary>An announcement to withdraw, by its id, with the command's headers.</summary>
[GenerateSerializer, Immutable, Alias("MeetingOps.WithdrawEnvelope")]
public sealed record WithdrawEnvelope(
    [property: Id(0)] string? PresentedKey,
    [property: Id(1)] string? IdempotencyKey,
    [property: Id(2)] long? ExpectedVersion,
    [property: Id(3)] string? ActorName,
    [property: Id(4)] string AnnouncementId);
