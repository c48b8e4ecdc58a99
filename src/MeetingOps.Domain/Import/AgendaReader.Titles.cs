// AgendaReader, titles: what the layout reading took into a title that is not part of it, taken off once the list is read.

namespace MeetingOps.Domain.Import;

internal sealed partial class AgendaReader
{
    /// <summary>
    /// Takes off the end of each title what follows it in web agendas and contents tables: the document symbols in
    /// parentheses ("Adoption of the Agenda (A/63/1 Prov.4) (A/63/2 Prov.3)") and the paragraph range and page of a
    /// contents table ("Universal periodic review 107–108 18"). Runs after the list is read, when continuation lines
    /// have been joined, and before the annotations match titles.
    /// </summary>
    public void FinishTitles()
    {
        foreach (var item in Bodies.SelectMany(b => b.AllItems()))
        {
            _meter.Charge(item.Title.Length + 1);
            var title = LooseAgenda.StripTitleTail(item.Title);
            if (title.Length > 0 && title != item.Title)
            {
                item.Title = title;
            }
        }
    }
}
