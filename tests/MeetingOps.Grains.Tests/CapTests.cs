using System.Text;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Tests.Shared;

namespace MeetingOps.Grains.Tests;

/// <summary>A hybrid sitting capped at two hours ends on time by itself, with warnings, even across a restart. The clock is fake.</summary>
[Collection(ClusterCollection.Name)]
public class CapTests(ClusterFixture fixture)
{
    private static readonly MeetingDefinition HybridMonday = HybridFirstSession();

    private readonly string _id = "cap-" + Guid.NewGuid().ToString("N")[..12];

    private IMeetingGrain Meeting => fixture.Grains.GetGrain<IMeetingGrain>(_id);

    private static MeetingDefinition HybridFirstSession()
    {
        var definition = DefinitionReader.Parse(Encoding.UTF8.GetBytes(RepoFiles.Sample(RepoFiles.Vienna2022))).Definition!;
        var sessions = definition.Sessions.ToList();
        sessions[0] = sessions[0] with { Format = SessionFormat.Hybrid };
        return definition with { Sessions = sessions };
    }

    private async Task<string> StartCappedSittingWithItemOpen()
    {
        var chair = (await Meeting.Create(new CreateMeeting(HybridMonday, ClusterFixture.OrganizerKey))).ChairKey!;
        await Meeting.Execute(new CommandEnvelope(chair, null, null, null, null, new SessionCommand("2022-05-23-am", SessionAction.Start)));
        var opened = await Meeting.Execute(new CommandEnvelope(chair, null, null, null, new ItemCommand("opening", ItemAction.Open), null));
        Assert.Null(opened.Refusal);
        await fixture.SessionAt(_id, "2022-05-23-am", 1); // the sitting watches its cap before the clock moves
        return chair;
    }

    [Fact]
    public async Task A_capped_sitting_warns_15_and_5_minutes_before_and_ends_at_the_cap_continuing_its_item()
    {
        await StartCappedSittingWithItemOpen();
        var started = ClusterFixture.Clock.GetUtcNow();
        var watched = await fixture.SessionAt(_id, "2022-05-23-am", 1);
        Assert.Equal(started + TimeSpan.FromMinutes(120), watched.CapWatch?.CapAt);

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(105));
        await ClusterFixture.Published.WhenAnnounced(_id, 15);
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await ClusterFixture.Published.WhenAnnounced(_id, 5);
        Assert.Equal(2, (await Meeting.GetSnapshot())!.Version); // nothing ended before the cap

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await ClusterFixture.Published.WhenPublished(_id, 4);

        var log = (await Meeting.GetLog(2))!;
        Assert.Equal(2, log.Count);
        Assert.Equal(("opening", "continue", "continued", "the two-hour cap was reached", Role.System), (log[0].ItemId, log[0].Action, log[0].To, log[0].Note, log[0].Actor.Role));
        Assert.Equal(("end", "ended", started + TimeSpan.FromMinutes(120)), (log[1].Action, log[1].To, log[1].At));
        var announcements = ClusterFixture.Published.AnnouncementsOf(_id);
        Assert.Equal([15, 5], announcements.Select(a => a.MinutesLeft));
        var capInVienna = TimeZoneInfo.ConvertTime(started + TimeSpan.FromMinutes(120), TimeZoneInfo.FindSystemTimeZoneById("Europe/Vienna"));
        Assert.StartsWith("15 minutes of interpretation left in this sitting (until ", announcements[0].Message, StringComparison.Ordinal);
        Assert.Contains($"{capInVienna:HH:mm}", announcements[0].Message, StringComparison.Ordinal);
        var session = (await fixture.SessionAt(_id, "2022-05-23-am", 4)).News!;
        Assert.Equal((SessionStatus.Ended, (CapWatch?)null, 4L), (session.Status, session.CapWatch, session.Version));
    }

    [Fact]
    public async Task A_sitting_the_chair_ends_before_the_cap_is_not_ended_again()
    {
        var chair = await StartCappedSittingWithItemOpen();
        await Meeting.Execute(new CommandEnvelope(chair, null, null, null, null, new SessionCommand("2022-05-23-am", SessionAction.End)));

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(121));
        await fixture.Grains.GetGrain<ISessionGrain>(GrainKeys.Child(_id, "2022-05-23-am")).CapDue(0); // as a late tick would

        Assert.Equal(4, (await Meeting.GetSnapshot())!.Version);
        Assert.DoesNotContain((await Meeting.GetLog(0))!, e => e.Actor.Role == Role.System);
    }

    [Fact]
    public async Task The_cap_is_kept_across_a_restart_of_the_silo()
    {
        await StartCappedSittingWithItemOpen();
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(60));

        await fixture.RestartSilo();
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(60));
        await ClusterFixture.Published.WhenPublished(_id, 4);

        var snapshot = (await Meeting.GetSnapshot())!;
        Assert.Equal(SessionStatus.Ended, snapshot.Sessions[0].Status);
        Assert.Equal(ItemStatus.Continued, snapshot.Items.Single(i => i.Id == "opening").Status);
    }
}
