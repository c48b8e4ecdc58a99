using MeetingOps.Domain;

namespace MeetingOps.Import.Tests;

/// <summary>
/// The two sample agendas import to the hand-made definitions in <c>samples/</c>, every field compared.
/// Item ids are the one thing not in the documents (the hand-made ones are an editor's short names such as
/// "application-of-the-organized-crime-convention"), so the importer's ids are pinned on their own and the comparison maps them
/// one-to-one, in document order, onto the hand-made ones.
/// </summary>
public sealed class SampleImportTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        { Samples.Agenda2022, Samples.Definition2022 },
        { Samples.Agenda2021, Samples.Definition2021 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_sample_imports_to_the_hand_made_definition_field_for_field(string agenda, string expectedFile)
    {
        var result = AgendaImporter.Import(Samples.Text(agenda));

        Assert.Empty(result.Errors);
        var imported = Assert.IsType<MeetingDefinition>(result.Definition);
        var expected = Samples.Definition(expectedFile);

        // Equal as written: the samples use the item ids the importer makes (fixed ids for standard items, title slugs otherwise).
        Assert.Equal(Samples.Canonical(expected), Samples.Canonical(imported));
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_imported_sample_passes_the_definition_validator(string agenda, string _)
    {
        var definition = AgendaImporter.Import(Samples.Text(agenda)).Definition!;

        var check = DefinitionValidator.Validate(definition);

        Assert.True(check.IsValid, string.Join("\n", check.Problems));
    }

    [Fact]
    public void The_2022_item_ids_are_pinned()
    {
        var definition = AgendaImporter.Import(Samples.Text(Samples.Agenda2022)).Definition!;

        Assert.Equal(
            ["organizational-matters", "opening", "adoption-of-agenda", "transfer-of-sentenced-persons", "application-of-the-organized-crime-convention",
             "effective-strategies-to-prevent-and-combat", "finalization-and-adoption-of-the-draft", "matters-pertaining-to-the-mechanism", "other-matters", "joint-report"],
            Samples.ItemIds(definition));
    }

    [Fact]
    public void The_2021_item_ids_are_pinned()
    {
        var definition = AgendaImporter.Import(Samples.Text(Samples.Agenda2021)).Definition!;

        Assert.Equal(
            ["organizational-matters", "opening", "adoption-of-agenda", "finalization-and-adoption-of-the-recommendations", "use-and-role-of-joint-investigative",
             "international-cooperation-involving-special", "impact-of-the-coronavirus-disease", "other-matters", "report"],
            Samples.ItemIds(definition));
    }

    [Fact]
    public void The_2022_warnings_are_pinned_and_explain_the_misaligned_monday_rows()
    {
        var result = AgendaImporter.Import(Samples.Text(Samples.Agenda2022));

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(196, warning.Line);
        Assert.Equal(
            "Item 2 of the Working Group on International Cooperation is listed at 15:00–18:00 and again as continued (line 197) in the same sitting; "
            + "the time is taken to belong to the \"(continued)\" row, and the row(s) above it to the sitting of 10:00–13:00.",
            warning.Message);
    }

    [Fact]
    public void The_2021_warnings_are_pinned()
    {
        var result = AgendaImporter.Import(Samples.Text(Samples.Agenda2021));

        Assert.Equal(
            [
                new ImportWarning(50, "Sub-items 2 (a) to 2 (b) are listed together with no text between them; the text that follows is taken as the annotation of item 2 as a whole.",
                    ServerPhrases.ImportSubItemsTogether.With(("number", "2 (a)"), ("last", "2 (b)"), ("parent", "2"))),
                new ImportWarning(99, "The date has no year; 2021 is assumed from the meeting's dates.", ServerPhrases.ImportNoYear.With(("year", 2021))),
                new ImportWarning(104, "The date has no year; 2021 is assumed from the meeting's dates.", ServerPhrases.ImportNoYear.With(("year", 2021))),
            ],
            result.Warnings);
    }

    [Fact]
    public void The_2022_document_gives_two_bodies_with_their_joint_items_as_one_item_each()
    {
        var d = AgendaImporter.Import(Samples.Text(Samples.Agenda2022)).Definition!;

        Assert.Equal(["wg3", "wg2"], d.Bodies.Select(b => b.Id));
        Assert.Equal(["Working Group on International Cooperation", "Working Group of Government Experts on Technical Assistance"], d.Bodies.Select(b => b.Name));
        Assert.Equal("Europe/Vienna", d.TimeZone);
        Assert.Equal((new DateOnly(2022, 5, 23), new DateOnly(2022, 5, 27)), (d.StartDate, d.EndDate));
        var flat = Flatten(d.Items).ToList();
        Assert.Equal(["1", "1 (a)", "1 (b)", "2", "3", "4", "5"], flat.Where(i => i.Numbers.ContainsKey("wg3")).Select(i => i.Numbers["wg3"]));
        Assert.Equal(["1", "1 (a)", "1 (b)", "2", "3", "4", "5", "6", "7"], flat.Where(i => i.Numbers.ContainsKey("wg2")).Select(i => i.Numbers["wg2"]).Order(StringComparer.Ordinal));
        var joint = flat.Where(i => i.Numbers.Count == 2).Select(i => (i.Numbers["wg3"], i.Numbers["wg2"])).ToList();
        Assert.Equal([("1", "1"), ("1 (a)", "1 (a)"), ("1 (b)", "1 (b)"), ("3", "2"), ("4", "6"), ("5", "7")], joint);
        Assert.Equal(new DateTime(2022, 5, 23, 10, 0, 0), d.Sessions[0].Start);
        Assert.Equal(new DateTime(2022, 5, 27, 13, 0, 0), d.Sessions[^1].End);
    }

    [Fact]
    public void The_2021_document_gives_one_body_and_four_sessions()
    {
        var d = AgendaImporter.Import(Samples.Text(Samples.Agenda2021)).Definition!;

        var body = Assert.Single(d.Bodies);
        Assert.Equal(("wg3", "CTOC/COP/WG.3", "twelfth"), (body.Id, body.Symbol, body.Meeting));
        Assert.Equal(["1", "1 (a)", "1 (b)", "2", "2 (a)", "2 (b)", "3", "4", "5"], Flatten(d.Items).Select(i => i.Numbers["wg3"]));
        Assert.Equal(4, d.Sessions.Count);
        Assert.All(d.Sessions, s => Assert.Contains(s.Start.Day, new[] { 25, 26 }));
    }

    [Fact]
    public void Bytes_crlf_line_endings_and_a_byte_order_mark_change_nothing()
    {
        var text = Samples.Text(Samples.Agenda2022);
        var expected = Samples.Canonical(AgendaImporter.Import(text).Definition!);
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();

        var result = AgendaImporter.Import(bytes);

        Assert.Equal(expected, Samples.Canonical(result.Definition!));
    }

    [Fact]
    public void The_hand_made_definitions_themselves_are_valid()
    {
        foreach (var file in new[] { Samples.Definition2022, Samples.Definition2021 })
        {
            var check = DefinitionValidator.Validate(Samples.Definition(file));
            Assert.True(check.IsValid, string.Join("\n", check.Problems));
        }
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
