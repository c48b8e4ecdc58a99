using System.Text;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Tests.Shared;
using Orleans.Core.Internal;

namespace MeetingOps.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class MeetingGrainTests(ClusterFixture fixture)
{
    private static readonly MeetingDefinition Vienna2022 = DefinitionReader.Parse(Encoding.UTF8.GetBytes(RepoFiles.Sample(RepoFiles.Vienna2022))).Definition!;

    private readonly string _id = "m-" + Guid.NewGuid().ToString("N")[..12];

    private IMeetingGrain Meeting => fixture.Grains.GetGrain<IMeetingGrain>(_id);

    private async Task<string> Create()
    {
        var created = await Meeting.Create(new CreateMeeting(Vienna2022, ClusterFixture.OrganizerKey));
        Assert.Null(created.Refusal);
        return created.ChairKey!;
    }

    private static CommandEnvelope Item(string key, string itemId, ItemAction action, string? idempotencyKey = null, long? expected = null) =>
        new(key, idempotencyKey, expected, null, new ItemCommand(itemId, action), null);

    private static CommandEnvelope Session(string key, string sessionId, SessionAction action, string? idempotencyKey = null) =>
        new(key, idempotencyKey, null, null, null, new SessionCommand(sessionId, action));

    private async Task<CommandOutcome> Ok(CommandEnvelope command)
    {
        var outcome = await Meeting.Execute(command);
        Assert.Null(outcome.Refusal);
        return outcome;
    }

    [Fact]
    public async Task A_created_meeting_is_listed_and_starts_at_version_0_with_everything_pending()
    {
        await Create();

        var snapshot = (await Meeting.GetSnapshot())!;
        Assert.Equal(0, snapshot.Version);
        Assert.All(snapshot.Items, i => Assert.Equal(ItemStatus.Pending, i.Status));
        Assert.All(snapshot.Sessions, s => Assert.Equal(SessionStatus.Scheduled, s.Status));
        var listed = await fixture.Grains.GetGrain<IMeetingDirectoryGrain>(GrainKeys.Directory).List();
        Assert.Contains(listed, m => m.Id == _id && m.Venue == "Vienna");
    }

    [Fact]
    public async Task Creating_needs_the_organizer_key_and_an_unused_id()
    {
        var none = await Meeting.Create(new CreateMeeting(Vienna2022, null));
        var wrong = await Meeting.Create(new CreateMeeting(Vienna2022, "not-the-key"));
        Assert.Equal(RefusalKind.Unauthenticated, none.Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, wrong.Refusal!.Kind);
        Assert.Null(await Meeting.GetSnapshot());

        await Create();
        var again = await Meeting.Create(new CreateMeeting(Vienna2022, ClusterFixture.OrganizerKey));
        Assert.Equal(RefusalKind.Conflict, again.Refusal!.Kind);
    }

    [Fact]
    public async Task An_invalid_definition_creates_nothing_and_says_where()
    {
        var broken = Vienna2022 with { TimeZone = "Mars/Olympus_Mons" };

        var created = await Meeting.Create(new CreateMeeting(broken, ClusterFixture.OrganizerKey));

        Assert.Equal(RefusalKind.Invalid, created.Refusal!.Kind);
        Assert.Equal("$.timeZone", Assert.Single(created.Problems).Path);
        Assert.Null(await Meeting.GetSnapshot());
    }

    [Fact]
    public async Task The_chair_check_happens_in_the_grain()
    {
        var chair = await Create();

        var none = await Meeting.Execute(Session(null!, "2022-05-23-am", SessionAction.Start));
        var participant = await Meeting.Execute(Session("a-participant-guess", "2022-05-23-am", SessionAction.Start));

        Assert.Equal(RefusalKind.Unauthenticated, none.Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, participant.Refusal!.Kind);
        Assert.Equal(0, (await Meeting.GetSnapshot())!.Version);
        Assert.Equal(Role.Chair, (await Ok(Session(chair, "2022-05-23-am", SessionAction.Start))).Applied[0].Actor.Role);
        Assert.Equal(Role.Organizer, (await Ok(Session(ClusterFixture.OrganizerKey, "2022-05-23-am", SessionAction.Suspend))).Applied[0].Actor.Role);
    }

    [Fact]
    public async Task A_chairs_command_is_one_storage_write_and_waits_on_no_other_grain()
    {
        var chair = await Create();
        var at = ClusterFixture.Clock.GetUtcNow();
        await Ok(Session(chair, "2022-05-23-am", SessionAction.Start));
        // A sitting grain whose storage fails cannot hold up the chair: nothing on the command path waits for it.
        FaultInjectingStorage.FailNextWrites(GrainKeys.Child(_id, "2022-05-23-am"), 10);
        var before = FaultInjectingStorage.WritesOf(_id);

        var opened = await Ok(Item(chair, "opening", ItemAction.Open));
        await Ok(Item(chair, "opening", ItemAction.Conclude));
        await Ok(Session(chair, "2022-05-23-am", SessionAction.Suspend));

        Assert.Equal(3, FaultInjectingStorage.WritesOf(_id) - before); // one write per command, of the meeting only
        Assert.Equal(0, FaultInjectingStorage.WritesOf(GrainKeys.Child(_id, "opening"))); // no copy of the item anywhere
        Assert.Equal(("2022-05-23-am", "opening"), (opened.Snapshot!.CurrentSessionId, opened.Snapshot.CurrentItemId));

        // The session grain learns of its sitting after the answer, one-way: when it started and its booked slot.
        FaultInjectingStorage.FailNextWrites(GrainKeys.Child(_id, "2022-05-23-am"), 0);
        await Ok(Session(chair, "2022-05-23-am", SessionAction.Resume));
        var sitting = (await fixture.SessionAt(_id, "2022-05-23-am", 5)).News!;
        Assert.Equal((SessionStatus.InProgress, (DateTimeOffset?)at, 5L), (sitting.Status, sitting.StartedAt, sitting.Version));
        Assert.Equal(new DateTimeOffset(Vienna2022.Sessions[0].Start, TimeSpan.FromHours(2)), sitting.BookedStart); // 10:00 in Vienna in May
    }

    [Fact]
    public async Task Versions_increase_strictly_by_one_per_change_and_the_log_holds_them_all()
    {
        var chair = await Create();

        await Ok(Session(chair, "2022-05-23-am", SessionAction.Start));
        await Ok(Item(chair, "transfer-of-sentenced-persons", ItemAction.Open));
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var ended = await Ok(Session(chair, "2022-05-23-am", SessionAction.End));

        Assert.Equal(4, ended.Snapshot!.Version);
        var log = (await Meeting.GetLog(0))!;
        Assert.Equal([1L, 2, 3, 4], log.Select(e => e.Version));
        Assert.Equal(("continue", "the sitting ended"), (log[2].Action, log[2].Note));
        Assert.Equal([3L, 4], (await Meeting.GetLog(2))!.Select(e => e.Version));
    }

    [Fact]
    public async Task The_same_idempotency_key_applies_once_and_replays_after()
    {
        var chair = await Create();
        await Ok(Session(chair, "2022-05-23-am", SessionAction.Start));

        var first = await Ok(Item(chair, "opening", ItemAction.Open, "k-1"));
        var second = await Ok(Item(chair, "opening", ItemAction.Open, "k-1"));

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.Applied, second.Applied);
        Assert.Equal(2, second.Snapshot!.Version);
        Assert.Single((await Meeting.GetLog(0))!, e => e.CommandId == "k-1");
        var reused = await Meeting.Execute(Item(chair, "opening", ItemAction.Conclude, "k-1"));
        Assert.Equal(RefusalKind.Conflict, reused.Refusal!.Kind);
    }

    [Fact]
    public async Task A_stale_expected_version_changes_nothing()
    {
        var chair = await Create();
        await Ok(Session(chair, "2022-05-23-am", SessionAction.Start));

        var stale = await Meeting.Execute(Item(chair, "opening", ItemAction.Open, expected: 0));

        Assert.Equal(RefusalKind.VersionConflict, stale.Refusal!.Kind);
        Assert.Equal(1, (await Meeting.GetSnapshot())!.Version);
        Assert.Equal(ItemStatus.Open, (await Ok(Item(chair, "opening", ItemAction.Open, expected: 1))).Snapshot!.Items.Single(i => i.Id == "opening").Status);
    }

    [Fact]
    public async Task A_failed_write_of_the_meeting_leaves_nothing_half_done_and_the_retry_applies_once()
    {
        var chair = await Create();
        await Ok(Session(chair, "2022-05-23-am", SessionAction.Start));
        var before = (await Meeting.GetSnapshot())!;

        FaultInjectingStorage.FailNextWrites(_id);
        await Assert.ThrowsAnyAsync<Exception>(() => Meeting.Execute(Item(chair, "opening", ItemAction.Open, "retry-me")));

        var after = (await Meeting.GetSnapshot())!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(ItemStatus.Pending, after.Items.Single(i => i.Id == "opening").Status);
        Assert.Single((await Meeting.GetLog(0))!);

        var retried = await Ok(Item(chair, "opening", ItemAction.Open, "retry-me"));
        Assert.False(retried.Replayed);
        Assert.Equal(2, retried.Snapshot!.Version);
        Assert.Single((await Meeting.GetLog(0))!, e => e.CommandId == "retry-me");
    }

    [Fact]
    public async Task Creating_again_with_the_chair_key_chosen_the_first_time_answers_as_the_first_time()
    {
        var first = await Meeting.Create(new CreateMeeting(Vienna2022, ClusterFixture.OrganizerKey, "chosen-chair-key-1234567890"));
        Assert.Null(first.Refusal);
        Assert.Equal("chosen-chair-key-1234567890", first.ChairKey);

        var again = await Meeting.Create(new CreateMeeting(Vienna2022, ClusterFixture.OrganizerKey, "chosen-chair-key-1234567890"));
        Assert.Null(again.Refusal);
        Assert.Equal(first.ChairKey, again.ChairKey);
        Assert.Equal(first.Snapshot!.Version, again.Snapshot!.Version);

        var other = await Meeting.Create(new CreateMeeting(Vienna2022, ClusterFixture.OrganizerKey, "another-chair-key-1234567890"));
        Assert.Equal(RefusalKind.Conflict, other.Refusal!.Kind);
        Assert.Null(other.ChairKey);
        await Ok(Session("chosen-chair-key-1234567890", "2022-05-23-am", SessionAction.Start));
    }

    [Fact]
    public async Task A_write_that_landed_though_it_failed_is_neither_lost_nor_applied_twice_and_refusals_follow_storage()
    {
        var chair = await Create();
        await Ok(Session(chair, "2022-05-23-am", SessionAction.Start));

        FaultInjectingStorage.LandNextWriteButFail(_id);
        await Assert.ThrowsAnyAsync<Exception>(() => Meeting.Execute(Item(chair, "opening", ItemAction.Open, "landed")));

        // Storage has the item open. Continuing it is legal there, though the failed call's memory had it pending:
        // the answer must follow storage, not the memory of the activation that lost track.
        var continued = await Ok(Item(chair, "opening", ItemAction.Continue, "after-landed"));
        Assert.Equal(ItemStatus.Continued, continued.Snapshot!.Items.Single(i => i.Id == "opening").Status);
        Assert.Equal(3, continued.Snapshot.Version);

        // The chair's retry of the command whose answer was lost is a replay, not a second take-up.
        var retried = await Ok(Item(chair, "opening", ItemAction.Open, "landed"));
        Assert.True(retried.Replayed);
        var log = (await Meeting.GetLog(0))!;
        Assert.Single(log, e => e.CommandId == "landed");
        Assert.Equal([1L, 2L, 3L], log.Select(e => e.Version));
    }

    [Fact]
    public async Task A_reactivated_meeting_has_the_same_snapshot_and_log()
    {
        var chair = await Create();
        await Ok(Session(chair, "2022-05-23-am", SessionAction.Start));
        await Ok(Item(chair, "opening", ItemAction.Open));
        await Ok(Item(chair, "opening", ItemAction.Conclude));
        var snapshot = System.Text.Json.JsonSerializer.Serialize(await Meeting.GetSnapshot(), MeetingOpsJson.Options);
        var log = System.Text.Json.JsonSerializer.Serialize(await Meeting.GetLog(0), MeetingOpsJson.Options);

        await Meeting.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        Assert.Equal(snapshot, System.Text.Json.JsonSerializer.Serialize(await Meeting.GetSnapshot(), MeetingOpsJson.Options));
        Assert.Equal(log, System.Text.Json.JsonSerializer.Serialize(await Meeting.GetLog(0), MeetingOpsJson.Options));
    }

    [Fact]
    public async Task An_unknown_meeting_is_not_found_and_not_created_by_asking()
    {
        var outcome = await Meeting.Execute(Session("any", "s", SessionAction.Start));

        Assert.Equal(RefusalKind.NotFound, outcome.Refusal!.Kind);
        Assert.Null(await Meeting.GetSnapshot());
        Assert.Null(await Meeting.GetLog(0));
    }

    [Fact]
    public async Task Every_committed_change_is_published_once_with_its_version_and_refusals_are_not()
    {
        var chair = await Create();

        await Ok(Session(chair, "2022-05-23-am", SessionAction.Start, "p-1"));
        await Ok(Session(chair, "2022-05-23-am", SessionAction.Start, "p-1"));
        await Meeting.Execute(Item(chair, "opening", ItemAction.Conclude));
        await Ok(Item(chair, "opening", ItemAction.Open));

        var published = ClusterFixture.Published.Of(_id);
        Assert.Equal([1L, 2], published.Select(p => p.Snapshot.Version));
        Assert.Equal(["start", "open"], published.Select(p => Assert.Single(p.Changes).Action));
    }
}
