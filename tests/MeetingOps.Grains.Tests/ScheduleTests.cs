using System.Text;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Domain.Planning;
using MeetingOps.Domain.Schedule;
using MeetingOps.Tests.Shared;
using Orleans.Core.Internal;

namespace MeetingOps.Grains.Tests;

/// <summary>Switching sittings to hybrid re-plans the meeting, versions and logs the change, and caps the sittings it concerns.</summary>
[Collection(ClusterCollection.Name)]
public class ScheduleTests(ClusterFixture fixture)
{
    private static readonly MeetingDefinition Vienna2022 = DefinitionReader.Parse(Encoding.UTF8.GetBytes(RepoFiles.Sample(RepoFiles.Vienna2022))).Definition!;
    private static readonly string[] AllSessions = Vienna2022.Sessions.Select(s => s.Id).ToArray();

    private readonly string _id = "plan-" + Guid.NewGuid().ToString("N")[..12];

    private IMeetingGrain Meeting => fixture.Grains.GetGrain<IMeetingGrain>(_id);

    private async Task<string> Create() => (await Meeting.Create(new CreateMeeting(Vienna2022, ClusterFixture.OrganizerKey))).ChairKey!;

    private static string Json(Plan plan) => System.Text.Json.JsonSerializer.Serialize(plan, MeetingOpsJson.Options);

    private Task<CommandOutcome> Change(string key, FormatChange change, string? idempotencyKey = null) =>
        Meeting.ChangeFormat(new FormatEnvelope(key, idempotencyKey, null, null, change));

    [Fact]
    public async Task Going_hybrid_everywhere_re_plans_versions_and_logs_each_sitting()
    {
        await Create();

        var outcome = await Change(ClusterFixture.OrganizerKey, new FormatChange(AllSessions, PlanStrategy.Fit, SessionFormat.Hybrid), "hybrid-1");

        Assert.Null(outcome.Refusal);
        Assert.Equal(9, outcome.Snapshot!.Version);
        Assert.All(outcome.Snapshot.Sessions, s => Assert.Equal((SessionFormat.Hybrid, (int?)120), (s.Format, s.CapMinutes)));
        Assert.All(outcome.Applied, e => Assert.Equal((ChangeSubject.Schedule, "format", "inPerson", "hybrid", Role.Organizer), (e.Subject, e.Action, e.From, e.To, e.Actor.Role)));
        var schedule = (await Meeting.GetSchedule())!;
        Assert.Equal((PlanStrategy.Fit, 9L, "Europe/Vienna"), (schedule.Plan.Strategy, schedule.Version, schedule.TimeZone));
        Assert.All(schedule.Plan.Sessions, s => Assert.True(s.AllocatedMinutes <= 120));
        // The sittings' planned items are the plan's: what the room sees follows the re-plan.
        Assert.Equal(schedule.Plan.Sessions[0].Allocations.Select(a => a.ItemId), outcome.Snapshot.Sessions[0].Planned.Select(p => p.Item));

        await Meeting.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        Assert.Equal(Json(schedule.Plan), Json((await Meeting.GetSchedule())!.Plan));
    }

    [Fact]
    public async Task A_sitting_that_has_ended_keeps_its_format_and_nothing_changes()
    {
        var chair = await Create();
        await Meeting.Execute(new CommandEnvelope(chair, null, null, null, null, new SessionCommand("2022-05-23-am", SessionAction.Start)));
        await Meeting.Execute(new CommandEnvelope(chair, null, null, null, null, new SessionCommand("2022-05-23-am", SessionAction.End)));

        var outcome = await Change(chair, new FormatChange(["2022-05-23-am", "2022-05-23-pm"], PlanStrategy.Reflow, SessionFormat.Hybrid));

        Assert.Equal(RefusalKind.IllegalTransition, outcome.Refusal!.Kind);
        Assert.Equal("Session 2022-05-23-am has ended; its format can no longer change.", outcome.Refusal.Reason);
        Assert.Equal(2, (await Meeting.GetSnapshot())!.Version);
        Assert.Equal(PlanStrategy.Compress, (await Meeting.GetSchedule())!.Plan.Strategy);
    }

    [Fact]
    public async Task A_participant_cannot_change_the_schedule()
    {
        await Create();

        var outcome = await Change("guess", new FormatChange(AllSessions, PlanStrategy.Fit, SessionFormat.Hybrid));

        Assert.Equal(RefusalKind.Forbidden, outcome.Refusal!.Kind);
        Assert.Equal(0, (await Meeting.GetSnapshot())!.Version);
    }

    [Fact]
    public async Task A_sitting_in_progress_switched_to_hybrid_ends_at_its_new_cap()
    {
        var chair = await Create();
        await Meeting.Execute(new CommandEnvelope(chair, null, null, null, null, new SessionCommand("2022-05-23-am", SessionAction.Start)));
        var started = ClusterFixture.Clock.GetUtcNow();

        var outcome = await Change(chair, new FormatChange(["2022-05-23-am"], PlanStrategy.Compress, SessionFormat.Hybrid, CapMinutes: 90));
        Assert.Null(outcome.Refusal);
        var watch = (await fixture.SessionAt(_id, "2022-05-23-am", outcome.Snapshot!.Version)).CapWatch;
        // From the booked slot (10:00 at the venue), unless the shared clock has already passed it: then from the start.
        var booked = outcome.Snapshot.Sessions[0].StartUtc;
        var capAt = started >= booked.AddMinutes(90) ? started.AddMinutes(90) : booked.AddMinutes(90);
        Assert.Equal(capAt, watch!.CapAt);

        ClusterFixture.Clock.Advance(capAt - ClusterFixture.Clock.GetUtcNow());
        await ClusterFixture.Published.WhenPublished(_id, 3);

        var end = Assert.Single((await Meeting.GetLog(2))!);
        Assert.Equal(("end", "the 90-minute cap was reached"), (end.Action, end.Note));
    }

    [Fact]
    public async Task An_extra_sitting_is_added_and_can_be_held()
    {
        var chair = await Create();
        var friday = new ExtraSession("2022-05-27-pm", new DateTime(2022, 5, 27, 15, 0, 0), new DateTime(2022, 5, 27, 17, 0, 0), ["wg3", "wg2"], SessionFormat.Hybrid);

        var outcome = await Change(chair, new FormatChange(AllSessions, PlanStrategy.Reflow, SessionFormat.Hybrid, ExtraSessions: [friday]));

        Assert.Null(outcome.Refusal);
        Assert.Equal(10, outcome.Snapshot!.Version);
        Assert.Contains(outcome.Snapshot.Sessions, s => s.Id == "2022-05-27-pm" && s.CapMinutes == 120);
        var started = await Meeting.Execute(new CommandEnvelope(chair, null, null, null, null, new SessionCommand("2022-05-27-pm", SessionAction.Start)));
        // The clock says Monday: the extra Friday sitting starts only when the chair confirms the day.
        Assert.Equal((RefusalKind.ConfirmationNeeded, "offDay"), (started.Refusal!.Kind, started.Refusal.Code));
        started = await Meeting.Execute(new CommandEnvelope(chair, null, null, null, null, new SessionCommand("2022-05-27-pm", SessionAction.Start, ConfirmOffDay: true)));
        Assert.Null(started.Refusal);
    }
}
