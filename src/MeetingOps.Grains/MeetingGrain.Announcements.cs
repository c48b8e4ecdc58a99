using System.Security.Cryptography;
using System.Text;
using MeetingOps.Contracts;
using MeetingOps.Domain;

namespace MeetingOps.Grains;

/// <summary>
/// Announcements: a command like any other (who, idempotency, expected version, one log entry, one push). What shows is
/// read back from the log at the grain's clock, so an expired notice leaves the snapshot without a write.
/// </summary>
public sealed partial class MeetingGrain : IMeetingAnnouncementsGrain
{
    /// <summary>When the cached snapshot's announcements change by themselves (the earliest expiry among them).</summary>
    private DateTimeOffset _snapshotStaleAt = DateTimeOffset.MaxValue;

    public Task<CommandOutcome> Announce(AnnounceEnvelope command)
    {
        ArgumentNullException.ThrowIfNull(command);
        // The text itself is not kept in the idempotency record: a digest tells "the same announcement" apart.
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(command.Text ?? "")))[..16];
        var fingerprint = $"announce {digest} until {command.Until?.ToString("O") ?? "withdrawn"}";
        return Act(command.PresentedKey, command.IdempotencyKey, command.ExpectedVersion, command.ActorName, fingerprint, (actor, context) =>
        {
            var decided = Announcements.Announce(state.State.Log, command.Text, command.Until, context with { Actor = actor });
            return new Decided(decided.Changes, null, decided.Refusal);
        });
    }

    public Task<CommandOutcome> WithdrawAnnouncement(WithdrawEnvelope command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Act(command.PresentedKey, command.IdempotencyKey, command.ExpectedVersion, command.ActorName, $"withdraw announcement {command.AnnouncementId}",
            (actor, context) =>
            {
                var decided = Announcements.Withdraw(state.State.Log, command.AnnouncementId, context with { Actor = actor });
                return new Decided(decided.Changes, null, decided.Refusal);
            });
    }

    /// <summary>The announcements showing now, and when that list next changes by itself.</summary>
    private IReadOnlyList<Announcement> CurrentAnnouncements(DateTimeOffset now)
    {
        var current = Announcements.Current(state.State.Log, now);
        _snapshotStaleAt = current.Select(a => a.Until ?? DateTimeOffset.MaxValue).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        return current;
    }
}
