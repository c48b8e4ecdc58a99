// AgendaReader, loose agenda: replaces what the structured reading found by the loose reading's items, when those are more.

namespace MeetingOps.Domain.Import;

internal sealed partial class AgendaReader
{
    /// <summary>All items the structured reading found, on every body.</summary>
    public int StructuredItemCount => Bodies.Sum(b => b.AllItems().Count());

    /// <summary>
    /// Titles of the structured reading that still carry what is not part of a title (document symbols after it,
    /// table-cell marks, a section heading run into it): what the loose reading's cleaning would change.
    /// </summary>
    public int StructuredUncleanTitles => Bodies.Sum(b => b.AllItems().Count(i => LooseAgenda.Clean(i.Title) != i.Title.Trim()));

    /// <summary>
    /// Whether the loose reading should replace the structured one: it found more items, or as many on a
    /// one-body agenda with fewer titles that needed cleaning (a tie on layout-free pages such as web agendas with
    /// symbols after each title; a multi-body agenda keeps its bodies).
    /// </summary>
    public bool PrefersLoose(IReadOnlyList<LooseItem> loose)
    {
        var structured = StructuredItemCount;
        if (HeadingsOverParagraphs(loose))
        {
            return true;
        }
        if (loose.Count != structured)
        {
            return loose.Count > structured;
        }
        if (structured == 0 || Bodies.Count(b => b.Items.Count > 0) > 1)
        {
            return false;
        }
        var looseUnclean = loose.Count(i => i.Title.Length == 0 || i.Title.Contains('|', StringComparison.Ordinal));
        return looseUnclean < StructuredUncleanTitles;
    }

    /// <summary>
    /// A record of decisions or an order of the day heads each item ("First item on the agenda", "Agenda item 2") and
    /// numbers the paragraphs under it "1.", "2.": when the loose reading found at least two items by such headings
    /// and every item of the layout reading stands below the first heading, those numbered lines are the text under
    /// the headings, not items.
    /// </summary>
    private bool HeadingsOverParagraphs(IReadOnlyList<LooseItem> loose)
    {
        if (loose.Count == 0 || !loose[0].Headed || loose.Count(i => i.Parent < 0) < 2)
        {
            return false;
        }
        var firstHeading = loose[0].Line;
        var items = Bodies.SelectMany(b => b.AllItems()).ToList();
        return items.Count > 0 && items.All(i => i.Line > firstHeading);
    }

    /// <summary>
    /// Takes the loose reading's items as the agenda of one body (the cover's first body, or the one named in the
    /// text): the document's layout defeated the structured reading, but its numbering did not.
    /// </summary>
    public void UseLooseAgenda(IReadOnlyList<LooseItem> loose)
    {
        var firstLine = loose.Count > 0 ? loose[0].Line : 0;
        Bodies.Clear();
        var body = ImplicitBody(firstLine);
        if (body is null)
        {
            return;
        }
        var drafts = new ItemDraft?[loose.Count];
        for (var i = 0; i < loose.Count; i++)
        {
            var item = loose[i];
            var parent = item.Parent >= 0 ? drafts[item.Parent] : null;
            if (item.Parent >= 0 && parent is null)
            {
                continue;
            }
            var draft = new ItemDraft(body, item.Number, item.Title, item.Line, parent) { Letter = item.Letter };
            drafts[i] = draft;
            if (parent is null)
            {
                body.Items.Add(draft);
            }
            else
            {
                parent.Children.Add(draft);
            }
            body.ByNumber[item.Number] = draft;
        }
        ItemCount = loose.Count;
    }
}
