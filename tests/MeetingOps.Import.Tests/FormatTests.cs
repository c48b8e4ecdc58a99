using MeetingOps.Domain;

namespace MeetingOps.Import.Tests;

/// <summary>Documents as other bodies and other tools write them.</summary>
public sealed class FormatTests
{
    public static TheoryData<string, int, int, bool> PdfLayouts()
    {
        var data = new TheoryData<string, int, int, bool>();
        foreach (var sample in new[] { Samples.Agenda2022, Samples.Agenda2021 })
        {
            foreach (var width in new[] { 45, 50, 55, 60, 65, 70, 75, 80, 90, 100, 120 })
            {
                data.Add(sample, width, 17 + width % 23, width % 2 == 0);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PdfLayouts))]
    public void Pdf_text_with_lines_broken_mid_title_and_page_furniture_imports_as_the_clean_text_does(string sample, int width, int pageLines, bool blankLines)
    {
        var clean = AgendaImporter.Import(Samples.Text(sample));
        var pdf = AgendaImporter.Import(PdfText.Wrap(Samples.Text(sample), width, pageLines, blankLines));

        Assert.Empty(pdf.Errors);
        Assert.Equal(Samples.Canonical(clean.Definition!), Samples.Canonical(pdf.Definition!));
    }
}

public sealed class OtherBodiesTests
{
    [Fact]
    public void An_ece_style_agenda_imports_with_its_table_times_and_continuations()
    {
        var result = AgendaImporter.Import(Documents.Geneva);

        Assert.Empty(result.Errors);
        var d = result.Definition!;
        Assert.True(DefinitionValidator.Validate(d).IsValid);
        var body = Assert.Single(d.Bodies);
        Assert.Equal(("wp1", "Global Forum for Road Traffic Safety", "ECE/TRANS/WP.1", "eighty-sixth"), (body.Id, body.Name, body.Symbol, body.Meeting));
        Assert.Equal("Eighty-sixth session of the Global Forum for Road Traffic Safety", d.Title);
        Assert.Equal(("Geneva", "Europe/Zurich", "ECE/TRANS/WP.1/185", new DateOnly(2023, 3, 3)), (d.Venue, d.TimeZone, d.Symbol, d.Issued));
        Assert.Equal((new DateOnly(2023, 4, 18), new DateOnly(2023, 4, 20)), (d.StartDate, d.EndDate));
        Assert.Equal(["1", "2", "3", "4", "5"], d.Items.Select(i => i.Numbers["wp1"]));
        Assert.Equal(["3 (a)", "3 (b)"], d.Items[2].SubItems!.Select(i => i.Numbers["wp1"]));
        Assert.Equal([ItemKind.Agenda, ItemKind.Substantive, ItemKind.Substantive, ItemKind.OtherMatters, ItemKind.Report], d.Items.Select(i => i.Kind));
        Assert.Equal("Provisional agenda for the eighty-sixth session", Assert.Single(d.Items[0].Documents!).Title);
        Assert.Equal(["ECE/TRANS/WP.1/2023/1"], Assert.Single(d.Items[2].SubItems![1].Documents!).Symbols);
        Assert.Equal("The secretariat will report on road safety activities in the region since the eighty-fifth session.", d.Items[2].SubItems![0].Annotation!["wp1"]);
        Assert.Equal(
            [
                ("2023-04-18-am", "10:00", "13:00", "adoption-of-agenda election-of-officers road-safety-in-the-region", ""),
                ("2023-04-18-pm", "15:00", "18:00", "road-safety-in-the-region automated-driving", "road-safety-in-the-region"),
                ("2023-04-19-am", "10:00", "13:00", "automated-driving", "automated-driving"),
                ("2023-04-20-am", "09:30", "12:30", "other-matters report", ""),
            ],
            d.Sessions.Select(s => (s.Id, s.Start.ToString("HH:mm"), s.End.ToString("HH:mm"), string.Join(' ', s.Items.Select(p => p.Item)), string.Join(' ', s.Items.Where(p => p.Continued).Select(p => p.Item)))));
        Assert.Contains(result.Warnings, w => w.Line == 23 && w.Message.Contains("page furniture", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Line == 56 && w.Message == "Only a start time (10:00); the sitting is assumed to end at 13:00.");
        Assert.Contains(result.Warnings, w => w.Line == 54 && w.Message == "The date has no year; 2023 is assumed from the meeting's dates.");
    }

    [Fact]
    public void A_new_york_style_agenda_of_two_committees_imports_with_its_joint_item_and_numbering_styles()
    {
        var result = AgendaImporter.Import(Documents.NewYork);

        Assert.Empty(result.Errors);
        var d = result.Definition!;
        Assert.True(DefinitionValidator.Validate(d).IsValid, string.Join("\n", DefinitionValidator.Validate(d).Problems));
        Assert.Equal(("New York", "America/New_York", "A/AC.999/2024/1"), (d.Venue, d.TimeZone, d.Symbol));
        Assert.Equal(2, d.Bodies.Count);
        var (pc, sc) = (d.Bodies[0].Id, d.Bodies[1].Id);
        Assert.Equal("Second sessions of the Preparatory Committee for the Review Conference and the Special Committee on Outreach", d.Title);
        var flat = Flatten(d.Items).ToList();
        Assert.Equal(["1", "2", "2 (a)", "2 (b)", "3", "3 (a)", "3 (a) (i)", "3 (b)", "4", "5"], flat.Where(i => i.Numbers.ContainsKey(pc)).Select(i => i.Numbers[pc]));
        Assert.Equal(["1", "2", "3", "3.1", "3.2", "4"], flat.Where(i => i.Numbers.ContainsKey(sc)).Select(i => i.Numbers[sc]));
        var joint = Assert.Single(flat, i => i.Numbers.Count == 2);
        Assert.Equal(("4", "2", "Joint briefing on outreach"), (joint.Numbers[pc], joint.Numbers[sc], joint.Title));
        Assert.Equal(["Note by the Secretariat on draft rules of procedure"], flat.Single(i => i.Numbers.GetValueOrDefault(pc) == "3").Documents!.Select(x => x.Title));
        Assert.Equal(("ac999", "sco"), (pc, sc));
        Assert.Equal(
            [
                "2024-03-04-am 10:00-13:00 opening opening-2 election-of-officers adoption-of-agenda",
                "2024-03-04-pm 15:00-18:00 joint-briefing-on-outreach",
                "2024-03-05-am 10:00-13:00 draft-rules-of-procedure outreach-to-civil-society background-documentation outreach-to-academia",
                "2024-03-05-pm 15:00-18:00 draft-rules-of-procedure(continued) report report-2",
            ],
            d.Sessions.Select(s => $"{s.Id} {s.Start:HH:mm}-{s.End:HH:mm} " + string.Join(' ', s.Items.Select(p => p.Item + (p.Continued ? "(continued)" : "")))));
        Assert.All(d.Sessions, s => Assert.Equal([pc, sc], s.Bodies));
        Assert.Contains(result.Warnings, w => w.Message.Contains("its id \"sco\" is made from its name", StringComparison.Ordinal));
    }

    [Fact]
    public void An_agenda_list_flattened_into_one_line_still_gives_its_items()
    {
        var text = Samples.Text(Samples.Agenda2021);
        var start = text.IndexOf("1. Organizational matters:", StringComparison.Ordinal);
        var end = text.IndexOf("Annotations", StringComparison.Ordinal);
        var flattened = text[..start] + text[start..end].Replace("\n - ", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal) + "\n\n" + text[end..];

        var result = AgendaImporter.Import(flattened);

        Assert.Equal(Samples.Canonical(AgendaImporter.Import(text).Definition!), Samples.Canonical(result.Definition!));
    }

    private static IEnumerable<ItemDefinition> Flatten(IEnumerable<ItemDefinition>? items)
    {
        foreach (var item in items ?? [])
        {
            yield return item;
            foreach (var child in Flatten(item.SubItems))
            {
                yield return child;
            }
        }
    }
}
