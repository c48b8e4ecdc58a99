namespace MeetingOps.Import.Tests;

/// <summary>
/// The general rules of reading behind the corpus recall, each on a short document written for the test: what
/// trails a title in web agendas and contents tables, indented lists, footnotes, notes, and item headings over
/// numbered paragraphs.
/// </summary>
public sealed class ReadingTests
{
    private static List<(string Number, string Title)> Items(string text)
    {
        var result = AgendaImporter.Import(text);
        Assert.Empty(result.Errors);
        var items = new List<(string, string)>();
        void Walk(IEnumerable<ItemDefinition>? list)
        {
            foreach (var item in list ?? [])
            {
                items.Add((item.Numbers.Values.Single(), item.Title));
                Walk(item.SubItems);
            }
        }
        Walk(result.Definition!.Items);
        return items;
    }

    [Fact]
    public void Document_symbols_in_parentheses_after_a_title_are_not_part_of_it()
    {
        var items = Items("""
            Assembly of the Parties: Ninth Series of Meetings

            Agenda

            1. Opening of the sessions (AP/9/INF/1 Rev.)
            2. Adoption of the agenda (AP/9/1 Prov.2) (AP/9/2)
            3. Report of the Board (AP/9/3 Corr.1)
            4. Matters concerning the Fund (FND) (AP/9/4)
            """);

        Assert.Equal(
            [("1", "Opening of the sessions"), ("2", "Adoption of the agenda"), ("3", "Report of the Board"), ("4", "Matters concerning the Fund (FND)")],
            items);
    }

    [Fact]
    public void A_contents_table_gives_its_titles_without_paragraph_ranges_and_pages()
    {
        var items = Items("""
            Council of Experts
            Annotations to the agenda
                                                                  Paragraphs Page

            1. Organizational matters 1–6 3

            2. Review of the plan of work for 2025-2027 7–19 4

            3. Other business 20 6
            """);

        Assert.Equal(
            [("1", "Organizational matters"), ("2", "Review of the plan of work for 2025-2027"), ("3", "Other business")],
            items);
    }

    [Fact]
    public void A_list_indented_under_an_item_gives_its_sub_items_and_the_agenda_goes_on()
    {
        var items = Items("""
            Standing Body on Water - Agenda

              1. Opening of the meeting.

              2. Reports of the groups:
                1. Group on rivers;
                  1. Upper basins;
                  2. Deltas;
                2. Group on lakes.

              3. Closure of the meeting.
            """);

        Assert.Equal(
            [
                ("1", "Opening of the meeting"), ("2", "Reports of the groups"), ("2.1", "Group on rivers"),
                ("2.1.1", "Upper basins"), ("2.1.2", "Deltas"), ("2.2", "Group on lakes"), ("3", "Closure of the meeting"),
            ],
            items);
    }

    [Fact]
    public void A_run_in_agenda_ends_titles_at_a_footnote_and_at_a_colon_with_a_bullet()
    {
        var items = Items("""
            REGIONAL BOARD Fourth special session Item 1 of the provisional agenda I. Provisional agenda 1. Adoption of the agenda 2. Review of the programme 3. Budgetary and related matters: - Financial implications of the decisions 4. Adoption of the report of the Board ∗ This document was issued late because consultations on the agenda took longer. II. Annotations
            """);

        Assert.Equal(
            [("1", "Adoption of the agenda"), ("2", "Review of the programme"), ("3", "Budgetary and related matters"), ("4", "Adoption of the report of the Board")],
            items);
    }

    [Fact]
    public void A_no_document_note_under_a_title_is_not_part_of_it()
    {
        var items = Items("""
            Twentieth meeting of the Standing Committee
            Agenda and documents
            1. Adoption of the agenda
            2. Credentials
            (no document)
            3. Admission of observers
            3.1. Observers admitted earlier
            (no document)
            3.2. New requests
            """);

        Assert.Equal(
            [("1", "Adoption of the agenda"), ("2", "Credentials"), ("3", "Admission of observers"), ("3.1", "Observers admitted earlier"), ("3.2", "New requests")],
            items);
    }

    [Fact]
    public void Item_headings_in_words_win_over_the_numbered_paragraphs_under_them()
    {
        var items = Items("""
            Executive Council
            Record of decisions

            First item on the agenda

            Approval of the minutes of the previous session

            1. The Council approved the minutes subject to the corrections received.

            Second item on the agenda

            Programme of work for the next biennium

            2. The Council asked for reports on the following subjects:

              1. Skills for young workers.
              2. Safety in small enterprises.

            Third item on the agenda

            Date of the next session

            3. The Council decided to meet again in March.
            """);

        Assert.Equal(
            [("1", "Approval of the minutes of the previous session"), ("2", "Programme of work for the next biennium"), ("3", "Date of the next session")],
            items);
    }
}
