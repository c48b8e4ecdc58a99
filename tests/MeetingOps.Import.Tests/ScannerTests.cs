namespace MeetingOps.Import.Tests;

/// <summary>The small scanners under the importer: numbering, times, dates, document symbols, venues.</summary>
public sealed class ScannerTests
{
    [Theory]
    [InlineData("1. Organizational matters", "1", "Organizational matters")]
    [InlineData("1 (a) Opening of the meeting", "1 (a)", "Opening of the meeting")]
    [InlineData("1(a) Opening of the meeting", "1 (a)", "Opening of the meeting")]
    [InlineData("Item 1 (a). Opening of the meeting", "1 (a)", "Opening of the meeting")]
    [InlineData("Agenda item 2: Transfer of sentenced persons", "2", "Transfer of sentenced persons")]
    [InlineData("2.1 Outreach to civil society", "2.1", "Outreach to civil society")]
    [InlineData("2.1.3 Outreach to academia", "2.1.3", "Outreach to academia")]
    [InlineData("3 (a) (i) Rules on participation", "3 (a) (i)", "Rules on participation")]
    [InlineData("12. Other matters.", "12", "Other matters.")]
    public void Absolute_numbers_are_read_in_their_canonical_form(string line, string number, string title)
    {
        Assert.True(Numbering.TryParse(line, out var lead));
        Assert.Equal(number, Numbering.Canonical(lead.Top!.Value, lead.Sub, lead.SubSub, lead.Dotted));
        Assert.Equal(title, lead.Title);
    }

    [Theory]
    [InlineData("(a) Opening of the meeting;", "a", null)]
    [InlineData("(a)(i) Rules on participation", "a", "i")]
    [InlineData("a) Election of officers;", "a", null)]
    [InlineData("(iv) Fourth point", "iv", null)]
    public void Relative_numbers_are_read_as_sub_items(string line, string sub, string? subSub)
    {
        Assert.True(Numbering.TryParse(line, out var lead));
        Assert.True(lead.IsRelative);
        Assert.Equal((sub, subSub), (lead.Sub, lead.SubSub));
    }

    [Theory]
    [InlineData("2022 was a year of change.")]
    [InlineData("23 May 2022")]
    [InlineData("10 a.m.–1 p.m.")]
    [InlineData("10.00 - 13.00")]
    [InlineData("item 2 will continue until 6 p.m.")]
    [InlineData("(continued)")]
    [InlineData("3–6 p.m.")]
    [InlineData("15 per cent of the States")]
    [InlineData("")]
    public void Text_that_only_starts_with_a_number_is_not_an_item(string line) => Assert.False(Numbering.TryParse(line, out _));

    [Theory]
    [InlineData("10 a.m.–1 p.m.", "10:00", "13:00")]
    [InlineData("3–6 p.m.", "15:00", "18:00")]
    [InlineData("10 a.m. - 1 p.m.", "10:00", "13:00")]
    [InlineData("10.00 - 13.00", "10:00", "13:00")]
    [InlineData("10.00–13.00 hrs", "10:00", "13:00")]
    [InlineData("9.30 a.m.–12.30 p.m.", "09:30", "12:30")]
    [InlineData("11 a.m.–noon", "11:00", "12:00")]
    [InlineData("11–1 p.m.", "11:00", "13:00")]
    [InlineData("15h00–18h00", "15:00", "18:00")]
    [InlineData("10:00 to 13:00", "10:00", "13:00")]
    public void Time_ranges_are_read_in_their_many_styles(string text, string start, string end)
    {
        Assert.True(TimeText.TryParse(text, out var range));
        Assert.Equal((start, end), (range.Start.ToString("HH:mm"), range.End!.Value.ToString("HH:mm")));
    }

    [Theory]
    [InlineData("10.00 hrs", "10:00")]
    [InlineData("9.30 a.m.", "09:30")]
    [InlineData("3 p.m.", "15:00")]
    public void A_single_time_is_a_start_without_an_end(string text, string start)
    {
        Assert.True(TimeText.TryParse(text, out var range));
        Assert.Equal(start, range.Start.ToString("HH:mm"));
        Assert.Null(range.End);
    }

    [Theory]
    [InlineData("Opening of the meeting")]
    [InlineData("25 p.m.")]
    [InlineData("10 a.m.–1 p.m. and more")]
    [InlineData("13 a.m.")]
    public void Text_that_is_not_a_time_is_refused(string text) => Assert.False(TimeText.TryParse(text, out _));

    [Theory]
    [InlineData("23–27 May 2022", "2022-05-23", "2022-05-27")]
    [InlineData("25 and 26 March 2021", "2021-03-25", "2021-03-26")]
    [InlineData("30 May–3 June 2022", "2022-05-30", "2022-06-03")]
    [InlineData("May 23–27, 2022", "2022-05-23", "2022-05-27")]
    [InlineData("28 December 2022–6 January 2023", "2022-12-28", "2023-01-06")]
    [InlineData("14 February 2022", "2022-02-14", "2022-02-14")]
    public void Meeting_date_spans_are_read(string text, string start, string end)
    {
        Assert.True(DateText.TryParseRange(text, out var s, out var e));
        Assert.Equal((start, end), (s.ToString("yyyy-MM-dd"), e.ToString("yyyy-MM-dd")));
    }

    [Theory]
    [InlineData("Monday, 23 May 2022", null, "2022-05-23", true)]
    [InlineData("Thursday, 25 March", 2021, "2021-03-25", false)]
    [InlineData("23 May", 2022, "2022-05-23", false)]
    [InlineData("Mon., May 23, 2022", null, "2022-05-23", true)]
    [InlineData("2022-05-23", null, "2022-05-23", true)]
    public void Annex_dates_are_read_with_or_without_a_year(string text, int? defaultYear, string date, bool yearGiven)
    {
        Assert.True(DateText.TryParseDay(text, defaultYear, out var d, out var given, out _, out _));
        Assert.Equal((date, yearGiven), (d.ToString("yyyy-MM-dd"), given));
    }

    [Fact]
    public void Two_symbols_joined_by_a_dash_are_one_document()
    {
        var found = DocumentSymbols.Find("Background paper (CTOC/COP/WG.2/2022/3–CTOC/COP/WG.3/2022/3) and (A/77/1-S/2022/1)");

        Assert.Equal(2, found.Count);
        Assert.Equal(["CTOC/COP/WG.2/2022/3", "CTOC/COP/WG.3/2022/3"], found[0].Symbols);
        Assert.Equal(["A/77/1", "S/2022/1"], found[1].Symbols);
    }

    [Fact]
    public void Words_that_look_like_symbols_are_not_symbols()
    {
        Assert.Empty(DocumentSymbols.Find("COVID-19, resolution 10/6, and/or UNODC, CTOC/COP"));
        Assert.Equal(["CTOC/COP/2020/CRP.5"], Assert.Single(DocumentSymbols.Find("in a conference room paper (CTOC/COP/2020/CRP.5).")).Symbols);
    }

    [Theory]
    [InlineData("Vienna", "Europe/Vienna")]
    [InlineData("Geneva", "Europe/Zurich")]
    [InlineData("New York", "America/New_York")]
    [InlineData("Nairobi", "Africa/Nairobi")]
    [InlineData("Bonn", "Europe/Berlin")]
    [InlineData("Rome", "Europe/Rome")]
    [InlineData("Paris", "Europe/Paris")]
    [InlineData("Bangkok", "Asia/Bangkok")]
    [InlineData("Santiago", "America/Santiago")]
    [InlineData("Addis Ababa", "Africa/Addis_Ababa")]
    [InlineData("Beirut", "Asia/Beirut")]
    [InlineData("The Hague", "Europe/Amsterdam")]
    [InlineData("Montreal", "America/Toronto")]
    [InlineData("Washington, D.C.", "America/New_York")]
    [InlineData("Vienna International Centre", "Europe/Vienna")]
    [InlineData("Palais des Nations, Geneva", "Europe/Zurich")]
    public void Venues_resolve_to_iana_time_zones_known_here(string venue, string zone)
    {
        Assert.Equal(zone, Venues.TimeZoneOf(venue));
        Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var info) && info.HasIanaId);
    }

    [Fact]
    public void Every_time_zone_in_the_venue_table_exists_here()
    {
        Assert.All(Venues.TimeZones.Values.Distinct(), zone => Assert.True(TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), zone));
    }

    [Theory]
    [InlineData("Transfer of sentenced persons (article 17 of the Organized Crime Convention)", "transfer-of-sentenced-persons")]
    [InlineData("The application of the Organized Crime Convention", "application-of-the-organized-crime-convention")]
    [InlineData("Impact of COVID-19: a one-year overview", "impact-of-covid-19-a-one")]
    public void Item_ids_are_slugs_of_their_titles(string title, string slug) => Assert.Equal(slug, TextTools.Slug(title));

    [Theory]
    [InlineData("Organizational matters (joint item)", "Organizational matters", true)]
    [InlineData("Other matters (joint item of the Working Group on X and the Working Group on Y).", "Other matters.", true)]
    [InlineData("Joint briefing [joint item]", "Joint briefing", true)]
    [InlineData("Transfer of sentenced persons", "Transfer of sentenced persons", false)]
    public void Joint_item_marks_come_off_the_title(string title, string stripped, bool joint)
    {
        Assert.Equal(stripped, AgendaReader.StripJoint(title, out var isJoint));
        Assert.Equal(joint, isJoint);
    }

    [Theory]
    [InlineData("Other matters (continued)", "Other matters", true)]
    [InlineData("Other matters (cont'd)", "Other matters", true)]
    [InlineData("Other matters, cont’d", "Other matters", true)]
    [InlineData("Other matters continued", "Other matters", true)]
    [InlineData("Other matters", "Other matters", false)]
    public void Continuation_marks_are_recognized(string text, string stripped, bool continued)
    {
        Assert.Equal(stripped, TextTools.StripContinued(text, out var isContinued));
        Assert.Equal(continued, isContinued);
    }
}
