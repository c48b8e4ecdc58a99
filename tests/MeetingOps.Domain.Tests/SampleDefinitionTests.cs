using MeetingOps.Domain;

namespace MeetingOps.Domain.Tests;

public class SampleDefinitionTests
{
    [Fact]
    public void The_2022_sample_has_two_bodies_with_their_agendas_and_joint_items()
    {
        var meeting = Samples.Meeting(Samples.Vienna2022);

        Assert.Equal(["wg3", "wg2"], meeting.Bodies.Select(b => b.Id));
        Assert.Equal("Europe/Vienna", meeting.TimeZone);
        Assert.Equal(new DateOnly(2022, 5, 23), meeting.StartDate);
        Assert.Equal(new DateOnly(2022, 5, 27), meeting.EndDate);
        Assert.Equal(["1", "1 (a)", "1 (b)", "2", "3", "4", "5"], meeting.AgendaOf("wg3").Select(i => i.Numbers["wg3"]));
        Assert.Equal(["1", "1 (a)", "1 (b)", "2", "3", "4", "5", "6", "7"], meeting.AgendaOf("wg2").Select(i => i.Numbers["wg2"]));

        // Joint pairs: IC 1 = TA 1, IC 3 = TA 2, IC 4 = TA 6, IC 5 = TA 7; each is one item.
        var joint = meeting.Items.Where(i => i.IsJoint).Select(i => (i.Numbers["wg3"], i.Numbers["wg2"])).ToList();
        Assert.Equal([("1", "1"), ("1 (a)", "1 (a)"), ("1 (b)", "1 (b)"), ("3", "2"), ("4", "6"), ("5", "7")], joint);
        Assert.Equal(9 + 1, meeting.Items.Count);
    }

    [Fact]
    public void The_2022_sample_keeps_the_organization_of_work_as_nine_sessions_in_Vienna_time()
    {
        var meeting = Samples.Meeting(Samples.Vienna2022);

        Assert.Equal(9, meeting.Sessions.Count);
        var first = meeting.Sessions[0];
        Assert.Equal(new DateTime(2022, 5, 23, 10, 0, 0), first.LocalStart);
        Assert.Equal(new DateTimeOffset(2022, 5, 23, 8, 0, 0, TimeSpan.Zero), first.Start); // CEST is UTC+2
        Assert.Equal(["opening", "adoption-of-agenda", "transfer-of-sentenced-persons"], first.Planned.Select(p => p.Item));
        var last = meeting.Sessions[^1];
        Assert.Equal(new DateTime(2022, 5, 27, 13, 0, 0), last.LocalEnd);
        Assert.Equal([("joint-report", true)], last.Planned.Select(p => (p.Item, p.Continued)));
        Assert.All(meeting.Sessions, s => Assert.Equal(SessionFormat.InPerson, s.Format));
    }

    [Fact]
    public void The_2022_sample_joins_a_document_with_two_symbols_into_one()
    {
        var meeting = Samples.Meeting(Samples.Vienna2022);
        var environment = meeting.FindItem("application-of-the-organized-crime-convention")!;

        var document = Assert.Single(environment.Documents);
        Assert.Equal(["CTOC/COP/WG.2/2022/3", "CTOC/COP/WG.3/2022/3"], document.Symbols);
    }

    [Fact]
    public void The_2021_sample_has_one_body_seven_leaf_items_and_four_sessions()
    {
        var meeting = Samples.Meeting(Samples.Vienna2021);

        var body = Assert.Single(meeting.Bodies);
        Assert.Equal("CTOC/COP/WG.3", body.Symbol);
        var leaves = meeting.Items.Where(i => meeting.Items.All(c => c.ParentId != i.Id)).Select(i => i.Numbers["wg3"]);
        Assert.Equal(["1 (a)", "1 (b)", "2 (a)", "2 (b)", "3", "4", "5"], leaves);
        Assert.Equal(4, meeting.Sessions.Count);
        Assert.Equal([new DateOnly(2021, 3, 25), new DateOnly(2021, 3, 25), new DateOnly(2021, 3, 26), new DateOnly(2021, 3, 26)],
            meeting.Sessions.Select(s => DateOnly.FromDateTime(s.LocalStart)));
        Assert.Equal(new DateTimeOffset(2021, 3, 25, 9, 0, 0, TimeSpan.Zero), meeting.Sessions[0].Start); // CET, before the spring change
    }
}
