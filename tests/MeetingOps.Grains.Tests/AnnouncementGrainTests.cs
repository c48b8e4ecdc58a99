using System.Text;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Grains.Tests;

/// <summary>Announcements on the meeting grain: who may, one version and one push each, and expiry by the grain's clock.</summary>
[Collection(ClusterCollection.Name)]
public class AnnouncementGrainTests(ClusterFixture fixture)
{
    private static readonly MeetingDefinition Vienna2022 = DefinitionReader.Parse(Encoding.UTF8.GetBytes(RepoFiles.Sample(RepoFiles.Vienna2022))).Definition!;

    private readonly string _id = "m-" + Guid.NewGuid().ToString("N")[..12];

    private IMeetingGrain Meeting => fixture.Grains.GetGrain<IMeetingGrain>(_id);

    private IMeetingAnnouncementsGrain Notices => fixture.Grains.GetGrain<IMeetingAnnouncementsGrain>(_id);

    private async Task<string> Create()
    {
        var created = await Meeting.Create(new CreateMeeting(Vienna2022, ClusterFixture.OrganizerKey));
        Assert.Null(created.Refusal);
        return created.ChairKey!;
    }

    private static AnnounceEnvelope Announce(string? key, string text, DateTimeOffset? until = null, string? idempotencyKey = null) =>
        new(key, idempotencyKey, null, null, text, until);

    [Fact]
    public async Task The_chair_announces_with_one_version_and_one_push_and_the_snapshot_carries_it_until_it_expires()
    {
        var chairKey = await Create();
        var now = ClusterFixture.Clock.GetUtcNow();

        var outcome = await Notices.Announce(Announce(chairKey, "Informal consultations at 13:00 in Room M3", now.AddMinutes(30)));

        Assert.Null(outcome.Refusal);
        var entry = Assert.Single(outcome.Applied);
        Assert.Equal((1L, ChangeSubject.Announcement, Role.Chair), (entry.Version, entry.Subject, entry.Actor.Role));
        var shown = Assert.Single(outcome.Snapshot!.Announcements!);
        Assert.Equal(("1", "Informal consultations at 13:00 in Room M3"), (shown.Id, shown.Text));
        var pushes = ClusterFixture.Published.Of(_id);
        var push = Assert.Single(pushes);
        Assert.Equal(1, push.Snapshot.Version);
        Assert.Single(push.Snapshot.Announcements!);

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Single((await Meeting.GetSnapshot())!.Announcements!);
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = (await Meeting.GetSnapshot())!;
        Assert.Empty(after.Announcements!);
        Assert.Equal(1, after.Version); // expiry is not a change: no new version, nothing written
        Assert.Single((await Meeting.GetLog(0))!);
    }

    [Fact]
    public async Task The_organizer_may_announce_and_withdraw_and_the_log_keeps_both()
    {
        await Create();
        var made = await Notices.Announce(Announce(ClusterFixture.OrganizerKey, "The Rotunda is closed today."));
        var id = Assert.Single(made.Snapshot!.Announcements!).Id;

        var withdrawn = await Notices.WithdrawAnnouncement(new WithdrawEnvelope(ClusterFixture.OrganizerKey, null, null, null, id));

        Assert.Null(withdrawn.Refusal);
        Assert.Empty(withdrawn.Snapshot!.Announcements!);
        Assert.Equal(["announce", "withdraw"], (await Meeting.GetLog(0))!.Select(e => e.Action));
        var again = await Notices.WithdrawAnnouncement(new WithdrawEnvelope(ClusterFixture.OrganizerKey, null, null, null, id));
        Assert.Equal(RefusalKind.Conflict, again.Refusal!.Kind);
        var unknown = await Notices.WithdrawAnnouncement(new WithdrawEnvelope(ClusterFixture.OrganizerKey, null, null, null, "42"));
        Assert.Equal(RefusalKind.NotFound, unknown.Refusal!.Kind);
    }

    [Fact]
    public async Task A_wrong_key_bad_text_or_a_past_expiry_changes_nothing()
    {
        await Create();
        var now = ClusterFixture.Clock.GetUtcNow();

        Assert.Equal(RefusalKind.Unauthenticated, (await Notices.Announce(Announce(null, "Hello"))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await Notices.Announce(Announce("not-a-key", "Hello"))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Invalid, (await Notices.Announce(Announce(ClusterFixture.OrganizerKey, "a\u0000b"))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Invalid, (await Notices.Announce(Announce(ClusterFixture.OrganizerKey, "Late", now.AddSeconds(-1)))).Refusal!.Kind);

        var snapshot = (await Meeting.GetSnapshot())!;
        Assert.Equal(0, snapshot.Version);
        Assert.Empty(snapshot.Announcements!);
        Assert.Empty((await Meeting.GetLog(0))!);
        Assert.Empty(ClusterFixture.Published.Of(_id));
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_announces_once()
    {
        var chairKey = await Create();
        var first = await Notices.Announce(Announce(chairKey, "Photo at 13:00", idempotencyKey: "photo"));
        var retry = await Notices.Announce(Announce(chairKey, "Photo at 13:00", idempotencyKey: "photo"));
        var other = await Notices.Announce(Announce(chairKey, "Another text", idempotencyKey: "photo"));

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(RefusalKind.Conflict, other.Refusal!.Kind);
        Assert.Single((await Meeting.GetSnapshot())!.Announcements!);
    }
}
