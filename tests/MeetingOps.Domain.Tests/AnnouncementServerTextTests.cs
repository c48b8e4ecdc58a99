namespace MeetingOps.Domain.Tests;

/// <summary>
/// An announcement refused says why as a phrase code with its arguments (the limit, the count, the instants), so the
/// chair's and the secretariat's pages can say it in the viewer's language; the English reason is unchanged.
/// </summary>
public class AnnouncementServerTextTests
{
    private static readonly DateTimeOffset Monday10 = new(2022, 5, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly Actor Chair = new(Role.Chair, "Ms. Chair");

    private readonly List<LogEntry> _log = [];

    private MeetingRules.Context Context(DateTimeOffset? at = null) =>
        new(Chair, at ?? Monday10, $"c{_log.Count + 1}", _log.Count == 0 ? 1 : _log[^1].Version + 1);

    private Refusal Refused(RulesResult result)
    {
        Assert.Empty(result.Changes);
        var refusal = Assert.IsType<Refusal>(result.Refusal);
        Assert.NotNull(refusal.Text);
        var phrase = Assert.Single(ServerPhrases.All, p => p.Code == refusal.Text.Code);
        Assert.Equal(phrase.Parameters.Order(StringComparer.Ordinal), refusal.Text.Args.Keys.Order(StringComparer.Ordinal));
        return refusal;
    }

    private void Made(RulesResult result)
    {
        Assert.Null(result.Refusal);
        _log.AddRange(result.Changes);
    }

    [Fact]
    public void A_text_refused_says_what_is_wrong_with_it()
    {
        Assert.Equal(ServerPhrases.AnnouncementTextEmpty.With(), Refused(Announcements.Announce(_log, "  ", null, Context())).Text);
        var tooLong = Refused(Announcements.Announce(_log, new string('x', 301), null, Context()));
        Assert.Equal(ServerPhrases.AnnouncementTooLong.With(("max", 300), ("count", 301)), tooLong.Text);
        Assert.Equal("An announcement is at most 300 characters ($.text has 301).", tooLong.Reason);
        Assert.Equal(ServerPhrases.AnnouncementOneLine.With(), Refused(Announcements.Announce(_log, "Room M3\nat 13:00", null, Context())).Text);
    }

    [Fact]
    public void An_expiry_refused_names_the_instants_and_the_days_allowed()
    {
        var past = Refused(Announcements.Announce(_log, "Past", Monday10.AddMinutes(-5), Context()));
        Assert.Equal(new Dictionary<string, string> { ["until"] = "2022-05-23T07:55:00.0000000+00:00", ["at"] = "2022-05-23T08:00:00.0000000+00:00" },
            past.Text!.Args);
        Assert.Equal("announcement.untilPast", past.Text.Code);
        var far = Refused(Announcements.Announce(_log, "Far", Monday10.AddDays(40), Context()));
        Assert.Equal(ServerPhrases.AnnouncementTooFar.With(("count", 31)), far.Text);
    }

    [Fact]
    public void Too_many_showing_and_a_withdrawal_refused_name_the_count_and_the_announcement()
    {
        for (var i = 0; i < Announcements.MaxCurrent; i++)
        {
            Made(Announcements.Announce(_log, $"Notice {i}", i == 0 ? Monday10.AddHours(1) : null, Context()));
        }
        Assert.Equal(ServerPhrases.AnnouncementTooManyShowing.With(("count", 20)), Refused(Announcements.Announce(_log, "One more", null, Context())).Text);

        Assert.Equal(ServerPhrases.AnnouncementNotFound.With(("id", "99")), Refused(Announcements.Withdraw(_log, "99", Context())).Text);
        Made(Announcements.Withdraw(_log, "2", Context()));
        Assert.Equal(ServerPhrases.AnnouncementAlreadyWithdrawn.With(("id", "2")), Refused(Announcements.Withdraw(_log, "2", Context())).Text);
        var expired = Refused(Announcements.Withdraw(_log, "1", Context(Monday10.AddHours(2))));
        Assert.Equal(ServerPhrases.AnnouncementExpired.With(("id", "1"), ("until", Monday10.AddHours(1))), expired.Text);
        Assert.StartsWith("Announcement 1 expired at 2022-05-23T09:00:00", expired.Reason, StringComparison.Ordinal);
    }
}
