using System.Text;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Grains.Tests;

/// <summary>Lookups of ids nobody created leave no activation behind (a stream of random ids must not fill memory).</summary>
[Collection(ClusterCollection.Name)]
public class UnknownMeetingTests(ClusterFixture fixture)
{
    private static readonly MeetingDefinition Vienna2022 = DefinitionReader.Parse(Encoding.UTF8.GetBytes(RepoFiles.Sample(RepoFiles.Vienna2022))).Definition!;

    private async Task<int> MeetingActivations()
    {
        var statistics = await fixture.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains(".MeetingGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    [Fact]
    public async Task Lookups_and_commands_on_unknown_ids_leave_no_activation_and_a_later_creation_still_works()
    {
        var before = await MeetingActivations();
        var ids = Enumerable.Range(0, 300).Select(i => $"unknown-{Guid.NewGuid():N}").ToList();

        foreach (var id in ids)
        {
            var meeting = fixture.Grains.GetGrain<IMeetingGrain>(id);
            Assert.Null(await meeting.GetSnapshot());
            Assert.Null(await meeting.GetLog(0));
        }
        var command = await fixture.Grains.GetGrain<IMeetingGrain>(ids[0])
            .Execute(new CommandEnvelope("any-key", null, null, null, new ItemCommand("opening", ItemAction.Open), null));
        Assert.Equal(RefusalKind.NotFound, command.Refusal!.Kind);

        // Deactivation follows each answer; allow the silo a moment to finish it, bounded.
        var after = await MeetingActivations();
        for (var attempt = 0; attempt < 100 && after > before; attempt++)
        {
            await Task.Delay(100);
            after = await MeetingActivations();
        }
        Assert.True(after <= before, $"{after - before} of 300 unknown meetings are still activated");

        // The id stays free to create: a later creation activates it again and is kept.
        var created = await fixture.Grains.GetGrain<IMeetingGrain>(ids[1]).Create(new CreateMeeting(Vienna2022, ClusterFixture.OrganizerKey));
        Assert.Null(created.Refusal);
        Assert.NotNull(await fixture.Grains.GetGrain<IMeetingGrain>(ids[1]).GetSnapshot());
    }
}
