using System.Text;

namespace MeetingOps.Domain.Records;

/// <summary>
/// Everything the meeting's own people typed (title, venue, body names, item titles and numbers, actor names) reaches
/// the Markdown as text: characters Markdown or HTML would act on are backslash-escaped, and line breaks become spaces
/// so no typed text can start a heading, list or HTML block. The report's own structure is written after escaping.
/// </summary>
public static partial class ReportMarkdown
{
    /// <summary>The characters CommonMark lets a backslash escape that could change what a line means mid-paragraph.</summary>
    private const string Active = "\\`*_[]<>#|~!&{}";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n' or '\u2028' or '\u2029')
            {
                result.Append(' ');
            }
            else
            {
                if (Active.Contains(c, StringComparison.Ordinal))
                {
                    result.Append('\\');
                }
                result.Append(c);
            }
        }
        return result.ToString();
    }

    /// <summary>The report with every typed text escaped; ids, dates and counts are the system's own and stay as they are.</summary>
    private static MeetingReport Escaped(MeetingReport report) => report with
    {
        Title = Escape(report.Title),
        Venue = Escape(report.Venue),
        Bodies = report.Bodies.Select(b => b with
        {
            Name = Escape(b.Name),
            // "held its <meeting> meeting": typed by the secretariat like the name (the security suite found it unescaped).
            Meeting = b.Meeting is null ? null : Escape(b.Meeting),
            Opening = b.Opening is { } o ? o with { OpenedBy = o.OpenedBy with { Name = o.OpenedBy.Name is null ? null : Escape(o.OpenedBy.Name) } } : null,
            Items = b.Items.Select(EscapedItem).ToList(),
            Officers = b.Officers is { } officers
                ? new Definition.BodyOfficers(officers.Chair is null ? null : Escape(officers.Chair), officers.ViceChairs?.Select(Escape).ToList(),
                    officers.Rapporteur is null ? null : Escape(officers.Rapporteur))
                : null,
        }).ToList(),
        JointItems = report.JointItems.Select(EscapedItem).ToList(),
    };

    private static ItemRecord EscapedItem(ItemRecord item) => item with
    {
        Title = Escape(item.Title),
        Numbers = item.Numbers.ToDictionary(n => n.Key, n => Escape(n.Value), StringComparer.Ordinal),
    };
}
