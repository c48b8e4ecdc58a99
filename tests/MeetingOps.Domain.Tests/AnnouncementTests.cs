using MeetingOps.Domain;

namespace MeetingOps.Domain.Tests;

/// <summary>Announcements as log entries: made, bounded, withdrawn, expired — all read back from the log.</summary>
public class AnnouncementTests
{
    private static readonly DateTimeOffset Monday10 = new(2022, 5, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Actor Chair = new(Role.Chair, "Ms. Chair");

    private readonly List<LogEntry> _log = [];

    private MeetingRules.Context Context(DateTimeOffset? at = null) =>
        new(Chair, at ?? Monday10, $"c{_log.Count + 1}", _log.Count == 0 ? 1 : _log[^1].Version + 1);

    private Announcement Announce(string text, DateTimeOffset? until = null)
    {
        var result = Announcements.Announce(_log, text, until, Context());
        Assert.Null(result.Refusal);
        _log.AddRange(result.Changes);
        return Assert.Single(result.Changes).Announcement!;
    }

    [Fact]
    public void An_announcement_is_one_log_entry_that_carries_the_notice_and_shows_until_it_expires()
    {
        var made = Announce("  Informal consultations at 13:00 in Room M3 ", Monday10.AddHours(3));

        var entry = Assert.Single(_log);
        Assert.Equal(ChangeSubject.Announcement, entry.Subject);
        Assert.Equal("announce", entry.Action);
        Assert.Equal("Informal consultations at 13:00 in Room M3", entry.Note);
        Assert.Equal(new Announcement("1", "Informal consultations at 13:00 in Room M3", Monday10, Monday10.AddHours(3), Role.Chair), made);
        Assert.Equal([made], Announcements.Current(_log, Monday10.AddHours(3).AddTicks(-1)));
        Assert.Empty(Announcements.Current(_log, Monday10.AddHours(3)));
    }

    [Fact]
    public void One_without_an_expiry_shows_until_withdrawn_and_the_withdrawal_is_logged()
    {
        var first = Announce("The list of speakers for item 3 closes at noon.");
        var second = Announce("Room M3 is now Room M7.", Monday10.AddDays(1));

        var withdrawn = Announcements.Withdraw(_log, first.Id, Context(Monday10.AddMinutes(5)));
        Assert.Null(withdrawn.Refusal);
        _log.AddRange(withdrawn.Changes);

        var entry = Assert.Single(withdrawn.Changes);
        Assert.Equal(("withdraw", "showing", "withdrawn", 3L), (entry.Action, entry.From, entry.To, entry.Version));
        Assert.Equal(first, entry.Announcement);
        Assert.Equal([second], Announcements.Current(_log, Monday10.AddHours(1)));
        Assert.Equal([first, second], Announcements.Made(_log));
        // Not twice, and never one that is not there.
        Assert.Equal(RefusalKind.Conflict, Announcements.Withdraw(_log, first.Id, Context()).Refusal!.Kind);
        Assert.Equal(RefusalKind.NotFound, Announcements.Withdraw(_log, "99", Context()).Refusal!.Kind);
        Assert.Equal(RefusalKind.Conflict, Announcements.Withdraw(_log, second.Id, Context(Monday10.AddDays(2))).Refusal!.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("two\nlines")]
    [InlineData("bell\u0007")]
    public void Empty_or_control_character_text_is_refused(string? text)
    {
        var result = Announcements.Announce(_log, text, null, Context());
        Assert.Equal(RefusalKind.Invalid, result.Refusal!.Kind);
        Assert.Contains("$.text", result.Refusal.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public void Text_over_the_limit_an_expiry_not_in_the_future_or_too_far_ahead_is_refused()
    {
        Assert.Null(Announcements.Announce(_log, new string('x', Announcements.MaxTextLength), null, Context()).Refusal);
        Assert.Equal(RefusalKind.Invalid, Announcements.Announce(_log, new string('x', Announcements.MaxTextLength + 1), null, Context()).Refusal!.Kind);
        var now = Announcements.Announce(_log, "Now", Monday10, Context()).Refusal!;
        Assert.Contains("$.until", now.Reason, StringComparison.Ordinal);
        Assert.Equal(RefusalKind.Invalid, Announcements.Announce(_log, "Past", Monday10.AddMinutes(-1), Context()).Refusal!.Kind);
        Assert.Equal(RefusalKind.Invalid, Announcements.Announce(_log, "Far", Monday10 + Announcements.MaxLifetime + TimeSpan.FromMinutes(1), Context()).Refusal!.Kind);
    }

    [Fact]
    public void No_more_than_the_limit_show_at_once()
    {
        for (var i = 0; i < Announcements.MaxCurrent; i++)
        {
            Announce($"Notice {i}", Monday10.AddHours(1));
        }
        Assert.Equal(RefusalKind.Conflict, Announcements.Announce(_log, "One more", null, Context()).Refusal!.Kind);
        // Once they expire there is room again.
        Assert.Null(Announcements.Announce(_log, "One more", null, Context(Monday10.AddHours(2))).Refusal);
    }

    [Fact]
    public void Announcements_change_no_item_or_sitting_and_are_not_undone()
    {
        var vienna = Samples.Meeting(Samples.Vienna2022);
        Announce("Coffee is served in the Rotunda.");
        var live = LiveState.Initial(vienna).Apply(_log);

        Assert.Equal(LiveState.Initial(vienna).Items, live.Items);
        Assert.Empty(Corrections.Latest(_log));
    }
}
