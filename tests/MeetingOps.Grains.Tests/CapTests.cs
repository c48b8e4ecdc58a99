using System.Text;
using MeetingOps.Contracts;
using MeetingOps.Domain;
using MeetingOps.Domain.Definition;
using MeetingOps.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

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
        // These tests watch the cap's mechanics from the moment the sitting starts (the shared clock is wherever earlier
        // tests left it): counted from the actual start, as the secretariat may say per sitting.
        sessions[0] = sessions[0] with { Format = SessionFormat.Hybrid, CapFrom = MeetingOps.Domain.Planning.CapFrom.ActualStart };
        return definition with { Sessions = sessions };
    }

    /// <summary>
    /// The 2022 sample moved in time so that its Monday morning (hybrid, its cap counted from the booked slot, the default)
    /// was booked to start <paramref name="minutesAgo"/> minutes before the shared clock's now.
    /// </summary>
    private static MeetingDefinition BookedBefore(int minutesAgo)
    {
        var definition = DefinitionReader.Parse(Encoding.UTF8.GetBytes(RepoFiles.Sample(RepoFiles.Vienna2022))).Definition!;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(definition.TimeZone);
        var now = TimeZoneInfo.ConvertTime(ClusterFixture.Clock.GetUtcNow(), zone).DateTime;
        var booked = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified).AddMinutes(-minutesAgo);
        var shift = booked - definition.Sessions[0].Start;
        var sessions = definition.Sessions.Select(s => s with { Start = s.Start + shift, End = s.End + shift }).ToList();
        sessions[0] = sessions[0] with { Format = SessionFormat.Hybrid };
        return definition with
        {
            Sessions = sessions,
            StartDate = DateOnly.FromDateTime(sessions.Min(s => s.Start)),
            EndDate = DateOnly.FromDateTime(sessions.Max(s => s.End)),
        };
    }

    [Fact]
    public async Task A_sitting_opened_late_ends_at_its_booked_slot_and_an_extension_moves_the_cap_and_re_arms_the_warnings()
    {
        var definition = BookedBefore(20); // opened 20 minutes late
        var created = await Meeting.Create(new CreateMeeting(definition, ClusterFixture.OrganizerKey));
        var (bookedStart, chair) = (created.Snapshot!.Sessions[0].StartUtc, created.ChairKey!);
        await Meeting.Execute(new CommandEnvelope(chair, null, null, null, null, new SessionCommand("2022-05-23-am", SessionAction.Start)));
        await Meeting.Execute(new CommandEnvelope(chair, null, null, null, new ItemCommand("opening", ItemAction.Open), null));
        var watched = await fixture.SessionAt(_id, "2022-05-23-am", 2);
        Assert.Equal(bookedStart.AddMinutes(120), watched.CapWatch?.CapAt); // not 20 minutes past the interpreters' slot

        // 14 minutes left: the 15-minute warning is given; then the interpreters agree to ten more minutes.
        ClusterFixture.Clock.Advance(bookedStart.AddMinutes(106) - ClusterFixture.Clock.GetUtcNow());
        await ClusterFixture.Published.WhenAnnounced(_id, 15);
        var extended = await Meeting.ExtendCap(new ExtendEnvelope(chair, "ten-more", null, null, "2022-05-23-am", 10));
        Assert.Null(extended.Refusal);
        Assert.Equal(bookedStart.AddMinutes(130), extended.Snapshot!.Sessions[0].InterpretationEnd);
        Assert.Equal(bookedStart.AddMinutes(130), (await fixture.SessionAt(_id, "2022-05-23-am", 3)).CapWatch?.CapAt);
        var resent = await Meeting.ExtendCap(new ExtendEnvelope(chair, "ten-more", null, null, "2022-05-23-am", 10));
        Assert.Equal(3, resent.Snapshot!.Version); // a resend replays: extended once

        // The warnings count from the new end: 15 minutes before it (12:15 booked time), then 5, then the end at 12:10 + 10.
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(9));
        await WhenAnnouncedTwice(15);
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await ClusterFixture.Published.WhenAnnounced(_id, 5);
        Assert.Equal(3, (await Meeting.GetSnapshot())!.Version); // not ended at the old cap
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await ClusterFixture.Published.WhenPublished(_id, 5);

        var log = (await Meeting.GetLog(3))!;
        Assert.Equal(("end", bookedStart.AddMinutes(130), Role.System), (log[1].Action, log[1].At, log[1].Actor.Role));
        var announcements = ClusterFixture.Published.AnnouncementsOf(_id);
        Assert.Equal([(15, bookedStart.AddMinutes(120)), (15, bookedStart.AddMinutes(130)), (5, bookedStart.AddMinutes(130))],
            announcements.Select(a => (a.MinutesLeft, a.CapAt)));
        var snapshot = (await Meeting.GetSnapshot())!;
        Assert.Equal(new MeetingOps.Domain.Planning.CapEndedView("2022-05-23-am", bookedStart.AddMinutes(130), "opening", "2022-05-24-am"), snapshot.CapEnded); // a joint item: the next joint sitting
    }

    [Fact]
    public async Task An_extension_is_refused_in_words_for_a_bad_length_or_another_key_and_changes_nothing()
    {
        var chair = await StartCappedSittingWithItemOpen();

        var zero = await Meeting.ExtendCap(new ExtendEnvelope(chair, null, null, null, "2022-05-23-am", 0));
        Assert.Equal((RefusalKind.Invalid, "An extension is 1 to 60 minutes."), (zero.Refusal?.Kind, zero.Refusal?.Reason));
        var stranger = await Meeting.ExtendCap(new ExtendEnvelope("a-guessed-key", null, null, null, "2022-05-23-am", 10));
        Assert.NotNull(stranger.Refusal);
        Assert.Equal(RefusalKind.Forbidden, stranger.Refusal!.Kind);
        var uncapped = await Meeting.ExtendCap(new ExtendEnvelope(chair, null, null, null, "2022-05-23-pm", 10));
        Assert.Equal(RefusalKind.Invalid, uncapped.Refusal?.Kind);

        Assert.Equal(2, (await Meeting.GetSnapshot())!.Version);
        Assert.Empty(ClusterFixture.Published.AnnouncementsOf(_id));
    }

    private async Task WhenAnnouncedTwice(int minutesLeft)
    {
        for (var attempt = 0; attempt < 500 && ClusterFixture.Published.AnnouncementsOf(_id).Count(a => a.MinutesLeft == minutesLeft) < 2; attempt++)
        {
            await Task.Delay(10);
        }
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
    public async Task A_watched_sitting_keeps_one_reminder_in_the_store_and_ending_it_removes_the_reminder()
    {
        var chair = await StartCappedSittingWithItemOpen();
        var sitting = fixture.Grains.GetGrain<ISessionGrain>(GrainKeys.Child(_id, "2022-05-23-am"));
        var reminders = ((InProcessSiloHandle)fixture.Cluster.GetActiveSilos().First()).SiloHost.Services.GetRequiredService<IReminderTable>();
        async Task<IReadOnlyList<string>> Names() => (await reminders.ReadRows(sitting.GetGrainId())).Reminders.Select(r => r.ReminderName).ToList();
        Assert.IsType<MeetingOps.Storage.Sqlite.SqliteReminderTable>(reminders);
        Assert.Equal([SessionGrain.CapReminder], await Names());

        await Meeting.Execute(new CommandEnvelope(chair, null, null, null, null, new SessionCommand("2022-05-23-am", SessionAction.End)));
        await fixture.SessionAt(_id, "2022-05-23-am", 4);

        Assert.Empty(await Names());
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
