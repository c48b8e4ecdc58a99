// AgendaReader, regions: where the agenda list, the annotations and the annex begin and end; table headers and cells.

using System.Text;

namespace MeetingOps.Domain.Import;

internal sealed partial class AgendaReader
{
    public void FindRegions()
    {
        var count = _lines.Count;
        var agendaHeading = -1;
        var firstItem = -1;
        for (var k = 0; k < count; k++)
        {
            var line = _lines[k];
            _meter.Charge(line.Text.Length);
            if (line.IsBlank || line.HasTabs)
            {
                continue;
            }
            if (agendaHeading < 0 && line.Text.Length < 220 && IsAgendaHeading(TextTools.Norm(line.Text)))
            {
                agendaHeading = k;
            }
            if (firstItem < 0 && Numbering.TryParse(line.Text, out var lead) && lead.Top == 1 && lead.Sub is null && !lead.NumberOnly)
            {
                firstItem = k;
            }
            if (agendaHeading >= 0 && firstItem >= 0)
            {
                break;
            }
        }
        if (agendaHeading >= 0 && (firstItem < 0 || agendaHeading < firstItem))
        {
            AgendaStart = agendaHeading + 1;
        }
        else if (firstItem >= 0)
        {
            // No heading: the agenda starts at its first item, or at the body heading just above it.
            var start = firstItem;
            var above = PreviousNonBlank(firstItem);
            if (above >= 0 && LooksLikeBodyName(_lines[above].Text))
            {
                start = above;
            }
            AgendaStart = start;
            _log.Warn(_lines[firstItem].Number, "No \"Provisional agenda\" heading; the agenda list is taken to start here.", ServerPhrases.ImportNoAgendaHeading.With());
        }
        else
        {
            AgendaStart = count;
        }

        AnnotationsStart = -1;
        AnnexStart = count;
        for (var k = AgendaStart; k < count; k++)
        {
            var line = _lines[k];
            if (line.IsBlank)
            {
                continue;
            }
            var key = line.Text.Length < 220 ? TextTools.Norm(line.Text) : "";
            if (AnnotationsStart < 0 && !line.HasTabs && IsAnnotationsHeading(key))
            {
                AnnotationsStart = k + 1;
                ListEnd = k;
                continue;
            }
            if (!line.HasTabs && IsAnnexHeading(key) || IsTableHeader(line))
            {
                AnnexStart = k;
                break;
            }
        }
        if (AnnotationsStart < 0)
        {
            AnnotationsStart = FindAnnotationsWithoutHeading();
            ListEnd = AnnotationsStart;
        }
    }

    private int PreviousNonBlank(int k)
    {
        for (var j = k - 1; j >= 0; j--)
        {
            if (!_lines[j].IsBlank)
            {
                return j;
            }
        }
        return -1;
    }

    private int NextNonBlank(int k, int limit)
    {
        for (var j = k + 1; j < limit; j++)
        {
            if (!_lines[j].IsBlank)
            {
                return j;
            }
        }
        return -1;
    }

    /// <summary>Without an "Annotations" heading: the annotations begin where the numbering starts again before the first paragraph of prose.</summary>
    private int FindAnnotationsWithoutHeading()
    {
        var sawItem = false;
        var lastRestart = -1;
        for (var k = AgendaStart; k < AnnexStart; k++)
        {
            var line = _lines[k];
            if (line.IsBlank)
            {
                continue;
            }
            if (Numbering.TryParse(line.Text, out var lead) && !lead.NumberOnly)
            {
                if (lead.Top == 1 && lead.Sub is null && sawItem)
                {
                    lastRestart = k;
                }
                sawItem = true;
                continue;
            }
            if (sawItem && IsProse(line.Text))
            {
                var at = lastRestart >= 0 ? lastRestart : k;
                _log.Warn(_lines[at].Number, "No \"Annotations\" heading; the annotations are taken to start here.", ServerPhrases.ImportNoAnnotationsHeading.With());
                return at;
            }
        }
        return AnnexStart;
    }

    private static bool IsProse(string text) => text.Length > 160 || (text.Length > 60 && text.EndsWith('.') && text.Count(c => c == ' ') >= 10);

    public bool IsTableHeader(SourceLine line)
    {
        if (line.Text.Length > 600)
        {
            return false;
        }
        var cells = Cells(line);
        var keys = cells.Select(c => TextTools.Norm(c)).ToList();
        var hasDate = keys.Any(k => k is "date and time" or "date" or "date time" or "time and date");
        var hasItem = keys.Any(k => k is "agenda item" or "item" or "agenda items" or "items");
        return hasDate && (hasItem || cells.Count >= 2) && cells.Count >= 2;
    }

    public static List<string> Cells(SourceLine line)
    {
        if (line.HasTabs)
        {
            return line.Raw.Split('\t').Select(c => SourceText.Collapse(c)).ToList();
        }
        var raw = line.Raw;
        if (raw.Contains("  ", StringComparison.Ordinal))
        {
            var parts = new List<string>();
            var sb = new StringBuilder();
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] == ' ' && i + 1 < raw.Length && raw[i + 1] == ' ')
                {
                    if (sb.Length > 0)
                    {
                        parts.Add(sb.ToString().Trim());
                        sb.Clear();
                    }
                    while (i + 1 < raw.Length && raw[i + 1] == ' ')
                    {
                        i++;
                    }
                    continue;
                }
                sb.Append(raw[i]);
            }
            if (sb.Length > 0)
            {
                parts.Add(sb.ToString().Trim());
            }
            return parts;
        }
        return [line.Text];
    }
}
