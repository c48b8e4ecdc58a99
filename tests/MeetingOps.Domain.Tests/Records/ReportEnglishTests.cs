using MeetingOps.Domain.Records;

namespace MeetingOps.Domain.Tests.Records;

/// <summary>The report's English: ordinals, counts, dates, times and meeting numbers as UN reports write them.</summary>
public class ReportEnglishTests
{
    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    public void Ordinals(int n, string expected) => Assert.Equal(expected, ReportEnglish.Ordinal(n));

    [Theory]
    [InlineData(1, "one meeting")]
    [InlineData(6, "six meetings")]
    [InlineData(12, "12 meetings")]
    public void Counts_below_ten_in_words(int n, string expected) => Assert.Equal(expected, ReportEnglish.Count(n, "meeting", "meetings"));

    [Theory]
    [InlineData(10, 0, "10 a.m.")]
    [InlineData(15, 0, "3 p.m.")]
    [InlineData(15, 30, "3.30 p.m.")]
    [InlineData(10, 5, "10.05 a.m.")]
    [InlineData(12, 0, "noon")]
    [InlineData(12, 15, "12.15 p.m.")]
    [InlineData(0, 0, "midnight")]
    public void Times_of_day(int hour, int minute, string expected) => Assert.Equal(expected, ReportEnglish.TimeOfDay(new TimeOnly(hour, minute)));

    [Fact]
    public void Dates_are_grouped_by_month_and_year()
    {
        Assert.Equal("23 May 2022", ReportEnglish.Dates([new(2022, 5, 23), new(2022, 5, 23)]));
        Assert.Equal("23, 24, 26 and 27 May 2022", ReportEnglish.Dates([new(2022, 5, 27), new(2022, 5, 23), new(2022, 5, 24), new(2022, 5, 26)]));
        Assert.Equal("30 and 31 May and 1 June 2022", ReportEnglish.Dates([new(2022, 5, 30), new(2022, 5, 31), new(2022, 6, 1)]));
        Assert.Equal("31 December 2022 and 2 January 2023", ReportEnglish.Dates([new(2022, 12, 31), new(2023, 1, 2)]));
    }

    [Fact]
    public void Spans_of_days()
    {
        Assert.Equal("on 23 May 2022", ReportEnglish.Span(new(2022, 5, 23), new(2022, 5, 23)));
        Assert.Equal("on 25 and 26 March 2021", ReportEnglish.Span(new(2021, 3, 25), new(2021, 3, 26)));
        Assert.Equal("from 23 to 27 May 2022", ReportEnglish.Span(new(2022, 5, 23), new(2022, 5, 27)));
        Assert.Equal("from 30 May to 3 June 2022", ReportEnglish.Span(new(2022, 5, 30), new(2022, 6, 3)));
        Assert.Equal("from 30 December 2022 to 2 January 2023", ReportEnglish.Span(new(2022, 12, 30), new(2023, 1, 2)));
    }

    [Fact]
    public void Meeting_numbers_with_ranges_of_three_or_more()
    {
        Assert.Equal("1st meeting", ReportEnglish.Meetings([1]));
        Assert.Equal("1st and 2nd meetings", ReportEnglish.Meetings([2, 1]));
        Assert.Equal("1st and 3rd to 6th meetings", ReportEnglish.Meetings([1, 3, 4, 5, 6]));
        Assert.Equal("1st, 3rd to 5th and 21st meetings", ReportEnglish.Meetings([1, 3, 4, 5, 21]));
        Assert.Equal("2nd, 3rd and 5th meetings", ReportEnglish.Meetings([2, 3, 5]));
    }
}
