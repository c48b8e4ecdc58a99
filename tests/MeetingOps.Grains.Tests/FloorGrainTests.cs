using System.Text;
using System.Text.Json;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Floor;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Grains.Tests;

/// <summary>The floor grains on the test cluster: keys checked in the grain, idempotency, the flood limit, restarts.</summary>
[Collection(ClusterCollection.Name)]
public class FloorGrainTests(ClusterFixture fixture)
{
    private static readonly MeetingDefinition Vienna2022 = DefinitionReader.Parse(Encoding.UTF8.GetBytes(RepoFiles.Sample(RepoFiles.Vienna2022))).Definition!;

    public static DelegationList Twenty { get; } =
        JsonSerializer.Deserialize<DelegationList>(RepoFiles.Sample(RepoFiles.Vienna2022Delegations), MeetingOpsJson.Options)!;

    private const string Item = "transfer-of-sentenced-persons";

    private readonly string _id = "f-" + Guid.NewGuid().ToString("N")[..12];

    private IDelegationsGrain Delegations => fixture.Grains.GetGrain<IDelegationsGrain>(_id);

    private IFloorGrain Floor => fixture.Grains.GetGrain<IFloorGrain>(GrainKeys.Child(_id, Item));

    private async Task<string> Create(MeetingDefinition? definition = null, string? id = null)
    {
        var created = await fixture.Grains.GetGrain<IMeetingGrain>(id ?? _id).Create(new CreateMeeting(definition ?? Vienna2022, ClusterFixture.OrganizerKey));
        Assert.Null(created.Refusal);
        return created.ChairKey!;
    }

    private async Task<string> KeyOf(string delegationId, string? idempotencyKey = null)
    {
        var issued = await Delegations.IssueKey(ClusterFixture.OrganizerKey, delegationId, idempotencyKey);
        Assert.Null(issued.Refusal);
        return issued.Key!;
    }

    private Task<FloorOutcome> Send(string? key, FloorCommand command, string? idempotencyKey = null) =>
        Floor.Execute(new FloorEnvelope(key, idempotencyKey, null, null, command));

    private async Task<FloorView> Ok(string? key, FloorCommand command, string? idempotencyKey = null)
    {
        var outcome = await Send(key, command, idempotencyKey);
        Assert.Null(outcome.Refusal);
        return outcome.View!;
    }

    [Fact]
    public async Task Delegations_come_from_the_definition_until_the_secretariat_sends_a_list()
    {
        await Create(Vienna2022 with { Delegations = Twenty.Delegations.Take(3).ToList() });
        Assert.Equal(["austria", "brazil", "canada"], (await Delegations.Get())!.Delegations.Select(d => d.Id));

        var wrong = await Delegations.Set("not-the-key", Twenty);
        Assert.Equal(RefusalKind.Forbidden, wrong.Refusal!.Kind);
        Assert.Equal(ServerPhrases.DelegationsNotOrganizer.With(), wrong.Refusal.Text);
        var bad = await Delegations.Set(ClusterFixture.OrganizerKey, new DelegationList([new("x", "X", DelegationKind.Ngo), new("x", "Y", DelegationKind.Ngo)], 5));
        Assert.Equal(["delegations[1].id: \"x\" is used twice.", "statementLimitSeconds: from 10 to 3600, or null for no limit."], bad.Problems.Select(p => p.ToString()));
        Assert.Equal([ServerPhrases.DelegationsIdTwice.With(("id", "x")), ServerPhrases.DelegationsLimitRange.With(("minSeconds", 10), ("maxSeconds", 3600))],
            bad.Problems.Select(p => p.Text));
        Assert.Equal(ServerPhrases.DelegationsProblems.With(), bad.Refusal!.Text);
        Assert.Equal(3, (await Delegations.Get())!.Delegations.Count);

        Assert.Null((await Delegations.Set(ClusterFixture.OrganizerKey, Twenty)).Refusal);
        Assert.Equal(20, (await Delegations.Get())!.Delegations.Count);
        Assert.Equal(180, (await Delegations.Get())!.StatementLimitSeconds);
    }

    [Fact]
    public async Task Keys_are_shown_once_a_resend_with_the_same_idempotency_key_answers_the_same_and_reissuing_revokes()
    {
        await Create();
        await Delegations.Set(ClusterFixture.OrganizerKey, Twenty);
        var first = await KeyOf("brazil", "issue-1");
        var again = await Delegations.IssueKey(ClusterFixture.OrganizerKey, "brazil", "issue-1");
        Assert.Equal(first, again.Key);
        Assert.True(again.Replayed);

        Assert.Null((await Send(first, new FloorCommand(FloorAction.Request))).Refusal);
        var second = await KeyOf("brazil", "issue-2");
        Assert.NotEqual(first, second);
        Assert.Equal(RefusalKind.Forbidden, (await Send(first, new FloorCommand(FloorAction.Withdraw))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, (await Delegations.IssueKey(ClusterFixture.OrganizerKey, "brazil", "issue-1")).Refusal!.Kind);
        Assert.Null((await Send(second, new FloorCommand(FloorAction.Withdraw))).Refusal);
        Assert.Equal(RefusalKind.Forbidden, (await Delegations.IssueKey("nope", "brazil", null)).Refusal!.Kind);
    }

    [Fact]
    public async Task A_delegation_key_cannot_give_the_floor_and_another_meetings_key_is_refused()
    {
        var chair = await Create();
        await Delegations.Set(ClusterFixture.OrganizerKey, Twenty);
        var brazil = await KeyOf("brazil");
        await Ok(brazil, new FloorCommand(FloorAction.Request));

        Assert.Equal(RefusalKind.Forbidden, (await Send(brazil, new FloorCommand(FloorAction.Next))).Refusal!.Kind);

        var otherId = "f-" + Guid.NewGuid().ToString("N")[..12];
        var otherChair = await Create(id: otherId);
        await fixture.Grains.GetGrain<IDelegationsGrain>(otherId).Set(ClusterFixture.OrganizerKey, Twenty);
        var otherBrazil = (await fixture.Grains.GetGrain<IDelegationsGrain>(otherId).IssueKey(ClusterFixture.OrganizerKey, "brazil", null)).Key;
        Assert.Equal(RefusalKind.Forbidden, (await Send(otherChair, new FloorCommand(FloorAction.Next))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await Send(otherBrazil, new FloorCommand(FloorAction.Request))).Refusal!.Kind);
        Assert.Equal(RefusalKind.Unauthenticated, (await Send(null, new FloorCommand(FloorAction.Request))).Refusal!.Kind);

        var given = await Ok(chair, new FloorCommand(FloorAction.Next));
        Assert.Equal("brazil", given.Speaking!.Delegation);
        Assert.Equal(180, given.Speaking.LimitSeconds);
    }

    [Fact]
    public async Task A_flood_from_one_key_changes_nothing_beyond_its_one_request()
    {
        await Create();
        await Delegations.Set(ClusterFixture.OrganizerKey, Twenty);
        var chile = await KeyOf("chile");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2000).Select(_ => Send(chile, new FloorCommand(FloorAction.Request))));

        Assert.Single(outcomes, o => o.Refusal is null);
        Assert.True(outcomes.Count(o => o.Throttled) >= 2000 - FloorGrain.Burst);
        var floor = (await Floor.Get())!;
        Assert.Equal(1, floor.Version);
        Assert.Equal("chile", Assert.Single(floor.Queue).Delegation);
    }

    [Fact]
    public async Task Commands_are_idempotent_and_versioned()
    {
        var chair = await Create();
        await Delegations.Set(ClusterFixture.OrganizerKey, Twenty);
        await Ok(chair, new FloorCommand(FloorAction.Request, "austria"), "a");
        var replay = await Send(chair, new FloorCommand(FloorAction.Request, "austria"), "a");
        Assert.True(replay.Replayed);
        Assert.Equal(RefusalKind.Conflict, (await Send(chair, new FloorCommand(FloorAction.Close), "a")).Refusal!.Kind);
        var stale = await Floor.Execute(new FloorEnvelope(chair, null, 0, null, new FloorCommand(FloorAction.Close)));
        Assert.Equal(RefusalKind.VersionConflict, stale.Refusal!.Kind);
        Assert.Equal(ServerPhrases.FloorVersionConflict.With(("version", 1), ("expected", 0)), stale.Refusal.Text);
        Assert.Equal(1, (await Floor.Get())!.Version);
        Assert.Single((await Floor.GetRecord()).Log);
    }

    [Theory]
    [InlineData("\u0007", null, "command.keyMalformed")]
    [InlineData(null, "Ms. Lind\u001b[2J", "command.actorNameTooLong")]
    public async Task A_malformed_key_or_actor_name_is_refused_in_the_meeting_commands_words_and_nothing_changes(string? idempotencyKey, string? actorName, string code)
    {
        var chair = await Create();

        var refused = await Floor.Execute(new FloorEnvelope(chair, idempotencyKey, null, actorName, new FloorCommand(FloorAction.Close)));

        Assert.Equal(RefusalKind.Invalid, refused.Refusal!.Kind);
        Assert.Equal(code, refused.Refusal.Text!.Code);
        Assert.Equal(0, (await Floor.Get())!.Version);
    }

    [Fact]
    public async Task The_floor_reads_exactly_the_same_after_a_restart()
    {
        var chair = await Create();
        await Delegations.Set(ClusterFixture.OrganizerKey, Twenty);
        await Ok(chair, new FloorCommand(FloorAction.Request, "austria"));
        await Ok(chair, new FloorCommand(FloorAction.Request, "brazil"));
        await Ok(chair, new FloorCommand(FloorAction.Next));
        var brazil = await KeyOf("brazil");
        var before = (await Floor.Get())!;

        await fixture.RestartSilo();

        var after = (await fixture.Grains.GetGrain<IFloorGrain>(GrainKeys.Child(_id, Item)).Get())!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Speaking, after.Speaking); // the fake clock has not moved: the timer reads the same too
        Assert.Equal(before.Queue, after.Queue);
        Assert.Null((await fixture.Grains.GetGrain<IFloorGrain>(GrainKeys.Child(_id, Item))
            .Execute(new FloorEnvelope(brazil, null, null, null, new FloorCommand(FloorAction.Withdraw)))).Refusal);
    }
}
