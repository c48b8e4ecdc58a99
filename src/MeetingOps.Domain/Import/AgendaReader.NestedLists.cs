// AgendaReader, nested lists: a web page's numbered list indented under an item is that item's sub-items.

namespace MeetingOps.Domain.Import;

internal sealed partial class AgendaReader
{
    /// <summary>
    /// Web pages nest ordered lists: "9. Reports from WIPO Committees:" followed by an indented list numbered again
    /// from 1. Read flat, the restart at 1 looks like the agenda of another body; by its indentation it is the list of
    /// the item above, numbered "9.1", "9.2", and a deeper list under one of those "9.1.1". A line indented no deeper
    /// than an open list's parent closes that list.
    /// </summary>
    private sealed class NestedLists
    {
        private readonly List<(ItemDraft Parent, int ParentIndent)> _open = [];

        /// <summary>Whether this numbered line is inside an indented list; if so, the sub-item it is (null when left out).</summary>
        public bool TryPlace(AgendaReader reader, BodyDraft body, ItemDraft? last, int lastIndent, Numbering.Lead lead, SourceLine line, out ItemDraft? item)
        {
            item = null;
            if (lead.Top is not { } n || lead.Sub is not null)
            {
                return false;
            }
            while (_open.Count > 0 && (line.Indent <= _open[^1].ParentIndent || _open[^1].Parent.Body != body))
            {
                _open.RemoveAt(_open.Count - 1);
            }
            if (n == 1 && last is not null && last.Body == body && line.Indent > lastIndent && body.Items.Count > 0)
            {
                _open.Add((last, lastIndent));
            }
            if (_open.Count == 0)
            {
                return false;
            }
            var parent = _open[^1].Parent;
            var number = $"{parent.Number}.{n}";
            var title = TextTools.TrimTitle(lead.Title);
            if (title.Length == 0 || number.Length > 16 || Depth(parent) >= Definition.DefinitionValidator.MaxSubItemDepth
                || body.ByNumber.ContainsKey(number) || reader.ItemCount >= Definition.DefinitionValidator.MaxItems)
            {
                var cut = TextTools.Cut(number, 20);
                reader._log.Warn(line.Number, $"Item {cut} of an indented list is left out (no title, too deep, too many or given twice).",
                    ServerPhrases.ImportNestedLeftOut.With(("number", cut)));
                // Still inside the list: the line must not start another body's agenda.
                return true;
            }
            item = new ItemDraft(body, number, TextTools.Cut(title, Definition.DefinitionValidator.MaxTextLength), line.Number, parent);
            parent.Children.Add(item);
            body.ByNumber[number] = item;
            reader.ItemCount++;
            return true;
        }
    }
}
