// AgendaReader: the reader's state (the bodies, cover facts and region bounds it finds) and the headings that mark the regions.

namespace MeetingOps.Domain.Import;

/// <summary>
/// Reads the parts of an annotated provisional agenda from its logical lines: the cover (parent body, bodies,
/// venue, dates, issue date), the agenda list of each body, and the annotations (text, cross-references and
/// documentation per item). The organization of work is read by <see cref="OrganizationOfWork"/>.
/// </summary>
internal sealed partial class AgendaReader(List<SourceLine> lines, WorkMeter meter, ImportLog log)
{
    public const int MaxBodies = 20;
    public const int MaxParagraphLength = 20_000;

    private static readonly string[] AgendaHeadings =
    [
        "provisional agenda", "provisional agendas", "annotated provisional agenda", "annotated provisional agendas", "agenda",
        "annotated agenda", "draft agenda", "provisional agenda and annotations", "provisional agendas and annotations",
        "revised provisional agenda", "revised annotated provisional agenda", "adopted agenda", "annotated provisional agenda and proposed organization of work",
    ];

    private static readonly string[] AnnexHeadings =
    [
        "proposed organization of work", "organization of work", "proposed programme of work", "provisional programme of work",
        "programme of work", "proposed timetable", "provisional timetable", "tentative schedule", "tentative organization of work",
        "proposed schedule of work", "schedule of work", "indicative organization of work", "proposed organization of work and timetable",
    ];

    private readonly List<SourceLine> _lines = lines;
    private readonly WorkMeter _meter = meter;
    private readonly ImportLog _log = log;

    public List<BodyDraft> Bodies { get; } = [];
    public List<(string Name, int Line)> CoverBodies { get; } = [];
    public string? ParentBody { get; private set; }
    public string? Venue { get; private set; }
    public int VenueLine { get; private set; }
    public DateOnly? Start { get; private set; }
    public DateOnly? End { get; private set; }
    public DateOnly? Issued { get; private set; }
    public List<(string Ordinal, string Noun, int Line)> CoverOrdinals { get; } = [];

    public int AgendaStart { get; private set; }
    public int AnnotationsStart { get; private set; }

    /// <summary>Where the agenda list ends: the "Annotations" heading, or where the annotations start.</summary>
    public int ListEnd { get; private set; }
    public int AnnexStart { get; private set; }
    public int ItemCount { get; private set; }

    public static bool IsAnnexHeading(string key) =>
        key == "annex" || (key.StartsWith("annex ", StringComparison.Ordinal) && key.Length <= 10) || AnnexHeadings.Contains(key)
        || (key.StartsWith("annex ", StringComparison.Ordinal) && AnnexHeadings.Any(h => key.EndsWith(h, StringComparison.Ordinal)) && key.Length < 60);

    public static bool IsAgendaHeading(string key) =>
        AgendaHeadings.Contains(key)
        || (key.Length < 200 && (key.StartsWith("provisional agenda for ", StringComparison.Ordinal) || key.StartsWith("provisional agenda of ", StringComparison.Ordinal)
            || key.StartsWith("annotated provisional agenda for ", StringComparison.Ordinal) || key.StartsWith("annotated provisional agenda of ", StringComparison.Ordinal)));

    public static bool IsAnnotationsHeading(string key) =>
        key.Length < 120 && (key == "annotations" || key.StartsWith("annotations to ", StringComparison.Ordinal) || key.StartsWith("annotations for ", StringComparison.Ordinal)
            || key == "annotations to the provisional agenda" || key == "annotated agenda items");

    public static bool IsDocumentationHeading(string key) =>
        key is "documentation" or "documents" or "documentation for the item" or "documentation before the working group" or "documentation available"
        || (key.StartsWith("documentation", StringComparison.Ordinal) && key.Length < 40);

    private static bool IsTableHeaderCell(string key) => key is "date and time" or "date" or "time" or "date time" or "agenda item" or "title or description" or "item" or "title";
}
