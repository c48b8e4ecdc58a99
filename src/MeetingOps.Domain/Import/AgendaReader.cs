using System.Text;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

/// <summary>
/// Reads the parts of an annotated provisional agenda from its logical lines: the cover (parent body, bodies,
/// venue, dates, issue date), the agenda list of each body, and the annotations (text, cross-references and
/// documentation per item). The organization of work is read by <see cref="OrganizationOfWork"/>.
/// </summary>
internal sealed class AgendaReader(List<SourceLine> lines, WorkMeter meter, ImportLog log)
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

    // ---------------------------------------------------------------- regions

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
            _log.Warn(_lines[firstItem].Number, "No \"Provisional agenda\" heading; the agenda list is taken to start here.");
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
                _log.Warn(_lines[at].Number, "No \"Annotations\" heading; the annotations are taken to start here.");
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

    // ---------------------------------------------------------------- cover

    public void ReadCover()
    {
        var end = Math.Min(AgendaStart, _lines.Count);
        var consumed = new bool[end];
        var distr = -1;
        for (var k = 0; k < end; k++)
        {
            var line = _lines[k];
            _meter.Charge(line.Text.Length);
            if (line.IsBlank)
            {
                continue;
            }
            var text = line.Text;
            if (text.StartsWith("Distr", StringComparison.OrdinalIgnoreCase))
            {
                consumed[k] = true;
                distr = distr < 0 ? k : distr;
                if (Issued is null)
                {
                    for (var j = k; j < Math.Min(end, k + 4); j++)
                    {
                        if (DateText.TryFindDate(_lines[j].Text, out var issued))
                        {
                            Issued = issued;
                            if (j != k && _lines[j].Text.Length < 40)
                            {
                                consumed[j] = true;
                            }
                            break;
                        }
                    }
                }
                continue;
            }
            if (text.StartsWith("Original:", StringComparison.OrdinalIgnoreCase) || text.Equals("United Nations", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("United Nations ", StringComparison.Ordinal) && DocumentSymbols.IsSymbol(text[15..].Trim())
                || DocumentSymbols.IsSymbol(text) || IsAgendaHeading(TextTools.Norm(text)))
            {
                consumed[k] = true;
                continue;
            }
            if (SourceText.IsVenueLine(text, out var venue, out var start, out var finish))
            {
                consumed[k] = true;
                RecordVenue(venue, start, finish, line.Number);
                // The lines above the venue line name the body (and perhaps its meeting: "Thirteenth meeting").
                var above = PreviousNonBlank(k);
                for (var guard = 0; above >= 0 && !consumed[above] && guard < 2; guard++)
                {
                    var name = _lines[above].Text;
                    consumed[above] = true;
                    if (OrdinalLine(name) is { } ordinal)
                    {
                        CoverOrdinals.Add((ordinal.Word, ordinal.Noun, _lines[above].Number));
                        above = PreviousNonBlank(above);
                        continue;
                    }
                    if (LooksLikeBodyName(name) || name.Length < 150)
                    {
                        CoverBodies.Add((TrimName(name), _lines[above].Number));
                    }
                    break;
                }
            }
        }
        for (var k = 0; k < end; k++)
        {
            var line = _lines[k];
            if (line.IsBlank || consumed[k] || line.Text.Length > 300 || line.HasTabs)
            {
                continue;
            }
            if (OrdinalLine(line.Text) is not null || CoverBodies.Any(b => TextTools.Norm(b.Name) == TextTools.Norm(line.Text)))
            {
                continue;
            }
            if (distr >= 0 && k > distr && ParentBody is null && !LooksLikeParent(line.Text))
            {
                continue;
            }
            ParentBody ??= TrimName(line.Text);
            break;
        }
    }

    private static bool LooksLikeParent(string text) =>
        text.StartsWith("Conference", StringComparison.Ordinal) || text.StartsWith("Commission", StringComparison.Ordinal)
        || text.StartsWith("General Assembly", StringComparison.Ordinal) || text.StartsWith("Economic and Social Council", StringComparison.Ordinal)
        || text.StartsWith("Meeting of the Parties", StringComparison.Ordinal) || text.StartsWith("Assembly", StringComparison.Ordinal);

    private void RecordVenue(string venue, DateOnly start, DateOnly end, int line)
    {
        if (Venue is null)
        {
            Venue = venue;
            VenueLine = line;
        }
        else if (TextTools.Norm(Venue) != TextTools.Norm(venue))
        {
            _log.Warn(line, $"A second venue \"{venue}\"; the meeting is taken to be in {Venue} (line {VenueLine}).");
        }
        Start = Start is { } s && s < start ? s : start;
        End = End is { } e && e > end ? e : end;
    }

    public void FindVenueElsewhere()
    {
        if (Venue is not null)
        {
            return;
        }
        for (var k = 0; k < _lines.Count && k < 400; k++)
        {
            if (!_lines[k].HasTabs && SourceText.IsVenueLine(_lines[k].Text, out var venue, out var start, out var end))
            {
                RecordVenue(venue, start, end, _lines[k].Number);
                return;
            }
        }
    }

    private static string TrimName(string name) => name.Trim().TrimEnd('.', ',', ';', ':').Trim();

    public static (string Word, string Noun)? OrdinalLine(string text)
    {
        var words = text.Trim().TrimEnd('.').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 2 && Ordinals.Value(words[0]) > 0 && words[1].ToLowerInvariant() is "meeting" or "session" or "meetings" or "sessions")
        {
            return (words[0].ToLowerInvariant(), words[1].ToLowerInvariant().TrimEnd('s'));
        }
        return null;
    }

    public static bool LooksLikeBodyName(string text)
    {
        if (text.Length is < 5 or > 200 || text.EndsWith('.') || !char.IsUpper(text[0]))
        {
            return false;
        }
        foreach (var word in new[] { "Working Group", "Committee", "Commission", "Conference", "Council", "Board", "Assembly", "Subsidiary Body", "Forum", "Panel", "Expert Group", "Group of", "Meeting of", "Plenary", "Body", "Parties", "Bureau" })
        {
            if (text.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- agenda list

    public void ReadAgendaList()
    {
        BodyDraft? body = null;
        ItemDraft? top = null;
        ItemDraft? sub = null;
        ItemDraft? last = null;
        var lastOpen = false;
        var blankSinceLast = false;
        var end = Math.Min(ListEnd, AnnexStart);
        for (var k = AgendaStart; k < end; k++)
        {
            var line = _lines[k];
            _meter.Charge(line.Text.Length + 1);
            if (line.IsBlank)
            {
                blankSinceLast = true;
                continue;
            }
            var text = line.Text;
            if (Numbering.TryParse(text, out var lead) && !lead.NumberOnly && !line.HasTabs)
            {
                if (lead.Top == 1 && lead.Sub is null && body is not null && body.Items.Count > 0 && Bodies.Count >= MaxBodies)
                {
                    _log.Warn(line.Number, $"The numbering starts again at 1 after {MaxBodies} bodies; the rest of the agenda list is left out.");
                    return;
                }
                if (lead.Top == 1 && lead.Sub is null && body is not null && body.Items.Count > 0)
                {
                    // The numbering starts again without a heading: the agenda of the next body.
                    var next = NextCoverBody();
                    _log.Warn(line.Number, next is null
                        ? "The numbering starts again at 1 without a body heading; taken as the agenda of another body."
                        : $"The numbering starts again at 1 without a body heading; taken as the agenda of the {next}.");
                    body = NewBody(next ?? $"Body {Bodies.Count + 1}", line.Number);
                    top = sub = null;
                }
                body ??= ImplicitBody(line.Number);
                if (body is null)
                {
                    return;
                }
                var placed = Place(body, lead, line, ref top, ref sub);
                if (placed is not null)
                {
                    last = placed;
                    lastOpen = !EndsTerminal(text);
                    blankSinceLast = false;
                }
                continue;
            }
            var key = text.Length < 220 ? TextTools.Norm(text) : "";
            if (IsAgendaHeading(key))
            {
                var named = NameFromAgendaHeading(text);
                if (named is not null)
                {
                    body = FindOrAddBody(named, line.Number);
                    top = sub = last = null;
                }
                continue;
            }
            var nextLine = NextNonBlank(k, end);
            var beforeItemOne = nextLine >= 0 && Numbering.TryParse(_lines[nextLine].Text, out var nextLead) && nextLead.Top == 1 && nextLead.Sub is null;
            if (!line.HasTabs && text.Length <= 200 && !text.EndsWith('.') && (beforeItemOne && !IsProse(text) || MatchBody(text) is not null && (LooksLikeBodyName(text) || beforeItemOne)))
            {
                body = FindOrAddBody(TrimName(text), line.Number);
                top = sub = last = null;
                continue;
            }
            if (last is not null && lastOpen && !blankSinceLast && text.Length < 1000 && last.Title.Length < DefinitionValidator.MaxTextLength)
            {
                last.Title = TextTools.TrimTitle(StripJoint(last.Title + " " + text, out var joint));
                last.JointMark |= joint;
                lastOpen = !EndsTerminal(text);
                continue;
            }
            if (text.Length > 0 && (last is not null || body is not null))
            {
                _log.Warn(line.Number, $"Not understood in the agenda list and left out: \"{TextTools.Cut(text, 80)}\".");
            }
        }
    }

    private static bool EndsTerminal(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && t[^1] is '.' or ';' or ':' or '?' or '!';
    }

    private string? NextCoverBody()
    {
        foreach (var (name, _) in CoverBodies)
        {
            var key = TextTools.Norm(name);
            if (Bodies.All(b => b.Key != key))
            {
                return name;
            }
        }
        return null;
    }

    private static string? NameFromAgendaHeading(string text)
    {
        foreach (var marker in new[] { " meeting of the ", " meetings of the ", " session of the ", " sessions of the " })
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at > 0)
            {
                var name = TrimName(text[(at + marker.Length)..]);
                return name.Length > 3 ? TextTools.Capitalize(name) : null;
            }
        }
        return null;
    }

    private BodyDraft? ImplicitBody(int line)
    {
        if (CoverBodies.Count > 1)
        {
            _log.Warn(line, $"The agenda list has no body heading but the cover names {CoverBodies.Count} bodies; taken as the agenda of the {CoverBodies[0].Name}.");
        }
        if (CoverBodies.Count > 0)
        {
            return NewBody(CoverBodies[0].Name, CoverBodies[0].Line);
        }
        var name = NameFromText();
        if (name is null)
        {
            _log.Warn(line, "No body named on the cover or above the agenda; the body is called \"Meeting\".");
        }
        return NewBody(name ?? "Meeting", line);
    }

    /// <summary>"The twelfth meeting of the Working Group on X will be opened…": the body's name from the opening annotation.</summary>
    private string? NameFromText()
    {
        foreach (var line in _lines)
        {
            var text = line.Text;
            var opened = text.IndexOf(" will be opened", StringComparison.Ordinal);
            if (opened < 0)
            {
                continue;
            }
            var head = text[..opened];
            foreach (var marker in new[] { " meeting of the ", " session of the " })
            {
                var at = head.LastIndexOf(marker, StringComparison.Ordinal);
                if (at > 0)
                {
                    var name = head[(at + marker.Length)..].Trim();
                    if (name.Length is > 3 and < 200)
                    {
                        return TextTools.Capitalize(name);
                    }
                }
            }
        }
        return null;
    }

    private BodyDraft NewBody(string name, int line)
    {
        var body = new BodyDraft(name, line, Bodies.Count);
        Bodies.Add(body);
        return body;
    }

    private BodyDraft? FindOrAddBody(string name, int line)
    {
        var found = MatchBody(name);
        if (found is not null)
        {
            return found;
        }
        if (Bodies.Count >= MaxBodies)
        {
            _log.Warn(line, $"More than {MaxBodies} bodies; \"{TextTools.Cut(name, 80)}\" and its items are left out.");
            return null;
        }
        // A cover name is often longer or shorter than the heading; prefer the heading's wording.
        return NewBody(name, line);
    }

    /// <summary>The body a heading names: its normalized name equals, or contains, a body's name.</summary>
    public BodyDraft? MatchBody(string text)
    {
        if (text.Length > 300)
        {
            return null;
        }
        var key = TextTools.Norm(text);
        if (key.Length == 0)
        {
            return null;
        }
        BodyDraft? best = null;
        foreach (var body in Bodies)
        {
            if (body.Key == key)
            {
                return body;
            }
            if (body.Key.Length >= 8 && key.Length <= body.Key.Length + 40 && ContainsWords(key, body.Key) && (best is null || body.Key.Length > best.Key.Length)
                && !TextTools.EndsWithFunctionWord(text) && !TextTools.StartsWithLower(text) && !text.TrimEnd().EndsWith('.'))
            {
                best = body;
            }
        }
        return best;
    }

    private static bool ContainsWords(string haystack, string needle)
    {
        var at = haystack.IndexOf(needle, StringComparison.Ordinal);
        return at >= 0 && (at == 0 || haystack[at - 1] == ' ') && (at + needle.Length == haystack.Length || haystack[at + needle.Length] == ' ');
    }

    private ItemDraft? Place(BodyDraft body, Numbering.Lead lead, SourceLine line, ref ItemDraft? top, ref ItemDraft? sub)
    {
        if (ItemCount >= DefinitionValidator.MaxItems)
        {
            if (ItemCount == DefinitionValidator.MaxItems)
            {
                _log.Warn(line.Number, $"More than {DefinitionValidator.MaxItems} agenda items; the rest are left out.");
                ItemCount++;
            }
            return null;
        }
        var title = TextTools.TrimTitle(StripJoint(lead.Title, out var joint));
        if (title.Length == 0)
        {
            _log.Warn(line.Number, "An item number without a title; left out.");
            return null;
        }
        ItemDraft? parent;
        string number;
        string? letter = null;
        if (lead.Top is { } n)
        {
            if (lead.Sub is null)
            {
                parent = null;
                number = Numbering.Canonical(n, null, null, false);
            }
            else if (lead.SubSub is null)
            {
                parent = body.ByNumber.GetValueOrDefault(Numbering.Canonical(n, null, null, false));
                number = Numbering.Canonical(n, lead.Sub, null, lead.Dotted);
                letter = lead.Sub;
            }
            else
            {
                parent = body.ByNumber.GetValueOrDefault(Numbering.Canonical(n, lead.Sub, null, lead.Dotted));
                number = Numbering.Canonical(n, lead.Sub, lead.SubSub, lead.Dotted);
                letter = lead.SubSub;
            }
            if (lead.Sub is not null && parent is null)
            {
                _log.Warn(line.Number, $"Item {number} comes before its parent item; taken as an item of its own.");
            }
        }
        else
        {
            if (top is null)
            {
                _log.Warn(line.Number, $"Sub-item ({lead.Sub}) before any numbered item; left out.");
                return null;
            }
            var topNumber = top.Number;
            if (lead.SubSub is not null)
            {
                var subNumber = $"{topNumber} ({lead.Sub})";
                parent = body.ByNumber.GetValueOrDefault(subNumber) ?? top;
                number = parent == top ? $"{topNumber} ({lead.SubSub})" : $"{subNumber} ({lead.SubSub})";
                letter = lead.SubSub;
            }
            else if (sub is not null && sub.Parent == top && Numbering.IsRoman(lead.Sub!) && sub.Letter is { } l && lead.Sub != Numbering.NextLetter(l) && !Numbering.IsRoman(l) && top.Parent is null && top.Number.IndexOf('(', StringComparison.Ordinal) < 0)
            {
                // "(i)" after "(a)": a sub-item of the sub-item.
                parent = sub;
                number = $"{sub.Number} ({lead.Sub})";
                letter = lead.Sub;
            }
            else if (sub is not null && sub.Parent is { } p && p != top && Numbering.IsRoman(lead.Sub!) && sub.Letter is { } rl && Numbering.IsRoman(rl))
            {
                parent = p;
                number = $"{p.Number} ({lead.Sub})";
                letter = lead.Sub;
            }
            else
            {
                parent = top;
                number = $"{topNumber} ({lead.Sub})";
                letter = lead.Sub;
            }
        }
        if (parent is not null && Depth(parent) >= DefinitionValidator.MaxSubItemDepth)
        {
            _log.Warn(line.Number, $"Item {number} is nested more than {DefinitionValidator.MaxSubItemDepth} levels deep; left out.");
            return null;
        }
        if (number.Length > 16)
        {
            _log.Warn(line.Number, $"Item number \"{TextTools.Cut(number, 20)}\" is too long; left out.");
            return null;
        }
        if (body.ByNumber.ContainsKey(number))
        {
            _log.Warn(line.Number, $"Item {number} appears twice on the agenda of the {body.Name}; the second is left out.");
            return null;
        }
        if (parent is null && lead.Sub is null && lead.Top is { } t && body.Items.Count > 0 && int.TryParse(body.Items[^1].Number, out var previous) && t != previous + 1)
        {
            _log.Warn(line.Number, $"Item {t} follows item {previous} on the agenda of the {body.Name}.");
        }
        var item = new ItemDraft(body, number, TextTools.Cut(title, DefinitionValidator.MaxTextLength), line.Number, parent)
        {
            Letter = letter,
            JointMark = joint,
        };
        if (parent is null)
        {
            body.Items.Add(item);
            top = item;
            sub = null;
        }
        else
        {
            parent.Children.Add(item);
            sub = item;
        }
        body.ByNumber[number] = item;
        ItemCount++;
        return item;
    }

    private static int Depth(ItemDraft item)
    {
        var depth = 1;
        for (var p = item.Parent; p is not null && depth < 10; p = p.Parent)
        {
            depth++;
        }
        return depth;
    }

    /// <summary>Takes a "joint item" mark off a title: "(joint item)", "(joint item of the X and the Y)", "[joint item]", "– joint item".</summary>
    public static string StripJoint(string title, out bool joint)
    {
        joint = false;
        var at = IndexOfJoint(title);
        if (at < 0)
        {
            return title;
        }
        joint = true;
        var open = title.LastIndexOfAny(['(', '['], at);
        if (open >= 0)
        {
            var close = title.IndexOfAny([')', ']'], at);
            var rest = close >= 0 ? title[(close + 1)..] : "";
            return (title[..open].TrimEnd() + rest).Trim();
        }
        var cut = at;
        while (cut > 0 && title[cut - 1] is ' ' or '–' or '-' or '—' or ',' or ';' or ':')
        {
            cut--;
        }
        return title[..cut].Trim();
    }

    private static int IndexOfJoint(string title)
    {
        foreach (var mark in new[] { "joint item", "jointly with", "joint consideration", "joint agenda item" })
        {
            var at = title.IndexOf(mark, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return at;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- annotations

    private sealed class Heading(ItemDraft item, int line, string text)
    {
        public ItemDraft Item { get; } = item;
        public int Line { get; } = line;
        public string Text { get; } = text;
        public bool ContentAfter { get; set; }
    }

    public void ReadAnnotations()
    {
        if (Bodies.Count == 0)
        {
            return;
        }
        var body = Bodies.Count == 1 ? Bodies[0] : null;
        ItemDraft? item = null;
        ItemDraft? top = null;
        var documentation = false;
        var paragraph = new StringBuilder();
        var paragraphLine = 0;
        var pendingDocument = new StringBuilder();
        var pendingDocumentLine = 0;
        var headings = new List<Heading>();
        ItemDraft? titleContinues = null;
        var warnedNoBody = false;

        void FlushParagraph()
        {
            if (paragraph.Length == 0)
            {
                return;
            }
            var text = paragraph.ToString().Trim();
            paragraph.Clear();
            if (text.Length == 0)
            {
                return;
            }
            if (item is null)
            {
                _log.Warn(paragraphLine, $"Text before the first item heading{(body is null ? "" : $" of the {body.Name}")} is left out: \"{TextTools.Cut(text, 60)}…\".");
                return;
            }
            AddParagraph(item, text, paragraphLine);
            if (headings.Count > 0)
            {
                headings[^1].ContentAfter = true;
            }
        }

        void FlushDocument()
        {
            if (pendingDocument.Length == 0)
            {
                return;
            }
            var text = pendingDocument.ToString().Trim();
            pendingDocument.Clear();
            if (text.Length > 0)
            {
                _log.Warn(pendingDocumentLine, $"A documentation entry without a document symbol is left out: \"{TextTools.Cut(text, 60)}\".");
            }
        }

        void Flush()
        {
            FlushParagraph();
            FlushDocument();
        }

        var end = Math.Min(AnnexStart, _lines.Count);
        for (var k = Math.Max(AnnotationsStart, 0); k < end; k++)
        {
            var line = _lines[k];
            _meter.Charge(line.Text.Length + 1);
            if (line.IsBlank)
            {
                FlushParagraph();
                if (documentation)
                {
                    FlushDocument();
                }
                continue;
            }
            var text = line.Text;
            if (titleContinues is not null)
            {
                // A heading broken over lines: take lines while they continue the item's title.
                var joined = (titleContinues.HeadingText ?? "") + " " + text;
                var match = TextTools.Compare(joined, titleContinues.Title);
                if (match is TextTools.Match.Same or TextTools.Match.HeadingShorter or TextTools.Match.Similar)
                {
                    titleContinues.HeadingText = joined;
                    if (match != TextTools.Match.HeadingShorter)
                    {
                        titleContinues = null;
                    }
                    continue;
                }
                titleContinues = null;
            }
            var key = text.Length < 220 ? TextTools.Norm(text) : "";
            if (IsAnnotationsHeading(key) && MatchBody(text) is null)
            {
                Flush();
                continue;
            }
            if (IsDocumentationHeading(key))
            {
                Flush();
                documentation = true;
                pendingDocumentLine = line.Number;
                continue;
            }
            var isNumbered = Numbering.TryParse(text, out var lead) && !lead.NumberOnly;
            if (!isNumbered && text.Length <= 300 && StandsAlone(k) && MatchBody(text) is { } named
                && (key == named.Key || key.StartsWith("annotations", StringComparison.Ordinal) || key.StartsWith("provisional agenda", StringComparison.Ordinal)
                    || (LooksLikeBodyName(text) && BeforeItemOne(k, end))))
            {
                Flush();
                body = named;
                body.Annotated = true;
                item = top = null;
                documentation = false;
                continue;
            }
            if (isNumbered)
            {
                if (body is null)
                {
                    body = Bodies.FirstOrDefault(b => !b.Annotated) ?? Bodies[0];
                    body.Annotated = true;
                    if (!warnedNoBody)
                    {
                        _log.Warn(line.Number, $"Annotations without a body heading; taken as those of the {body.Name}.");
                        warnedNoBody = true;
                    }
                }
                else if (lead.Top == 1 && lead.Sub is null && body.Items.Count > 0 && body.Items[0].HeadingLine > 0)
                {
                    var next = Bodies.FirstOrDefault(b => b != body && !b.Annotated && b.Items.Count > 0 && HeadingMatches(lead, b.Items[0]) is not null);
                    if (next is not null)
                    {
                        _log.Warn(line.Number, $"Item 1 is annotated again without a body heading; taken as the annotations of the {next.Name}.");
                        Flush();
                        body = next;
                        body.Annotated = true;
                        item = top = null;
                    }
                }
                var target = Resolve(body, lead, top);
                var match = target is null ? null : HeadingMatches(lead, target);
                if (target is not null && match is { } m)
                {
                    Flush();
                    documentation = false;
                    item = target;
                    if (target.Parent is null)
                    {
                        top = target;
                    }
                    if (target.HeadingLine > 0)
                    {
                        _log.Warn(line.Number, $"Item {target.Number} of the {body.Name} is annotated a second time (first at line {target.HeadingLine}); the text is added to it.");
                    }
                    target.HeadingLine = target.HeadingLine > 0 ? target.HeadingLine : line.Number;
                    target.HeadingText = lead.Title;
                    headings.Add(new Heading(target, line.Number, lead.Title));
                    if (m == TextTools.Match.HeadingLonger)
                    {
                        var rest = RestAfterTitle(lead.Title, target.Title);
                        if (rest.Length > 0 && (char.IsUpper(rest[0]) || rest[0] is '“' or '"'))
                        {
                            target.HeadingText = lead.Title[..^rest.Length].TrimEnd();
                            paragraph.Append(rest);
                            paragraphLine = line.Number;
                        }
                    }
                    else if (m == TextTools.Match.HeadingShorter)
                    {
                        titleContinues = target;
                    }
                    continue;
                }
                if (documentation)
                {
                    // "1. Report of …" in a numbered documentation list is a document, not a heading.
                    text = lead.Title;
                }
                else if (lead.Top is not null && lead.Sub is null && lead.Separator && !lead.ItemWord && IsProse(lead.Title))
                {
                    // A numbered paragraph ("1. The Conference will be opened …"): keep the text, not the paragraph number.
                    text = lead.Title;
                }
            }
            if (documentation)
            {
                ReadDocumentLine(item, text, line.Number, pendingDocument, ref pendingDocumentLine, headings);
                continue;
            }
            if (paragraph.Length == 0)
            {
                paragraphLine = line.Number;
            }
            else
            {
                paragraph.Append(' ');
            }
            if (paragraph.Length < MaxParagraphLength)
            {
                paragraph.Append(text);
            }
        }
        Flush();
        GroupRestatedSubItems(headings);
    }

    private bool BeforeItemOne(int k, int end)
    {
        var next = NextNonBlank(k, end);
        return next >= 0 && Numbering.TryParse(_lines[next].Text, out var lead) && lead.Top == 1 && lead.Sub is null;
    }

    /// <summary>A line after a blank line or after the end of a sentence: it can be a heading, not the middle of a paragraph.</summary>
    private bool StandsAlone(int k)
    {
        if (k == 0 || _lines[k - 1].IsBlank)
        {
            return true;
        }
        var previous = _lines[k - 1].Text.TrimEnd();
        return previous.Length > 0 && previous[^1] is '.' or ':' or ';' or '!' or '?' or ')' or '”';
    }

    private static TextTools.Match? HeadingMatches(Numbering.Lead lead, ItemDraft target)
    {
        var m = TextTools.Compare(lead.Title, target.Title);
        return m == TextTools.Match.None ? null : m;
    }

    private static ItemDraft? Resolve(BodyDraft body, Numbering.Lead lead, ItemDraft? top)
    {
        if (lead.Top is { } n)
        {
            var number = Numbering.Canonical(n, lead.Sub, lead.SubSub, lead.Dotted);
            return body.ByNumber.GetValueOrDefault(number);
        }
        if (top is null)
        {
            return null;
        }
        if (lead.SubSub is not null)
        {
            return body.ByNumber.GetValueOrDefault($"{top.Number} ({lead.Sub}) ({lead.SubSub})");
        }
        var direct = body.ByNumber.GetValueOrDefault($"{top.Number} ({lead.Sub})");
        if (direct is not null)
        {
            return direct;
        }
        // "(i)" under the last lettered sub-item.
        foreach (var child in top.Children)
        {
            if (body.ByNumber.GetValueOrDefault($"{child.Number} ({lead.Sub})") is { } grandchild)
            {
                return grandchild;
            }
        }
        return null;
    }

    private static string RestAfterTitle(string heading, string title)
    {
        // Walk the heading word by word until its normalized form covers the title.
        var target = TextTools.Norm(title);
        var i = 0;
        while (i < heading.Length)
        {
            var next = heading.IndexOf(' ', i + 1);
            if (next < 0)
            {
                return "";
            }
            if (TextTools.Norm(heading[..next]).Length >= target.Length)
            {
                return heading[next..].Trim();
            }
            i = next;
        }
        return "";
    }

    private void AddParagraph(ItemDraft item, string text, int line)
    {
        var paragraphs = item.Paragraphs;
        if (item.AnnotationLength > DefinitionValidator.MaxAnnotationLength)
        {
            return;
        }
        item.AnnotationLength += text.Length + 2;
        if (item.AnnotationLength > DefinitionValidator.MaxAnnotationLength)
        {
            _log.Warn(line, $"The annotation of item {item.Number} of the {item.Body.Name} is longer than {DefinitionValidator.MaxAnnotationLength:N0} characters; the rest is left out.");
        }
        if (paragraphs.Count > 0 && paragraphs[^1].Length < MaxParagraphLength && (TextTools.StartsWithLower(text) || TextTools.EndsWithFunctionWord(paragraphs[^1])))
        {
            // A paragraph broken by a page break: "… (articles 13 and 14)," + "and, in 2017, …".
            paragraphs[^1] = paragraphs[^1] + " " + text;
        }
        else
        {
            paragraphs.Add(text);
        }
        if (item.CrossReference is null && text.StartsWith("For annotations on this item, see", StringComparison.OrdinalIgnoreCase))
        {
            item.CrossReference = CrossReference(text, line);
        }
    }

    /// <summary>"For annotations on this item, see (also) agenda item 3 of the provisional agenda for … the Working Group on International Cooperation, above."</summary>
    private (string, BodyDraft, int)? CrossReference(string text, int line)
    {
        var at = text.IndexOf("item ", "For annotations on this item, see".Length, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }
        var rest = text[(at + 5)..];
        var of = rest.IndexOf(" of ", StringComparison.Ordinal);
        if (of <= 0)
        {
            return null;
        }
        var number = Numbering.CanonicalOf(rest[..of]);
        if (number is null)
        {
            return null;
        }
        var tail = TextTools.Norm(rest[of..]);
        BodyDraft? body = null;
        foreach (var b in Bodies)
        {
            if (b.Key.Length > 0 && tail.Contains(b.Key, StringComparison.Ordinal) && (body is null || b.Key.Length > body.Key.Length))
            {
                body = b;
            }
        }
        return body is null ? null : (number, body, line);
    }

    private void ReadDocumentLine(ItemDraft? item, string text, int line, StringBuilder pending, ref int pendingLine, List<Heading> headings)
    {
        var found = DocumentSymbols.Find(text);
        if (found.Count == 0)
        {
            if (pending.Length == 0)
            {
                pendingLine = line;
            }
            if (pending.Length < 2000)
            {
                pending.Append(' ').Append(text);
            }
            return;
        }
        if (item is null)
        {
            _log.Warn(line, "Documentation before any item heading; left out.");
            pending.Clear();
            return;
        }
        var full = pending.Length > 0 ? pending.ToString().Trim() + " " + text : text;
        var offset = pending.Length > 0 ? full.Length - text.Length : 0;
        pending.Clear();
        var before = full[..(found[0].Start + offset)];
        var symbolFirst = CleanDocumentTitle(before).Length == 0;
        string? previousTitle = null;
        for (var g = 0; g < found.Count; g++)
        {
            var group = found[g];
            var start = group.Start + offset;
            var finish = group.End + offset;
            string title;
            if (symbolFirst)
            {
                var nextStart = g + 1 < found.Count ? found[g + 1].Start + offset : full.Length;
                title = CleanDocumentTitle(full[finish..nextStart]);
            }
            else
            {
                var previousEnd = g == 0 ? 0 : found[g - 1].End + offset;
                title = CleanDocumentTitle(full[previousEnd..start]);
            }
            if (title.Length == 0 || title is "and" or "or" or "," || title.Length <= 4 && !title.Any(char.IsLetter))
            {
                title = previousTitle ?? "";
            }
            previousTitle = title;
            AddDocument(item, new DocumentReference(group.Symbols.ToList(), title.Length == 0 ? null : TextTools.Cut(title, 2000)));
        }
        if (headings.Count > 0)
        {
            headings[^1].ContentAfter = true;
        }
    }

    private static void AddDocument(ItemDraft item, DocumentReference document)
    {
        if (item.Documents.Count >= 200)
        {
            return;
        }
        foreach (var existing in item.Documents)
        {
            if (existing.Symbols.SequenceEqual(document.Symbols, StringComparer.Ordinal))
            {
                return;
            }
        }
        item.Documents.Add(document);
    }

    private static string CleanDocumentTitle(string text)
    {
        var t = text.Trim();
        for (var guard = 0; guard < 6; guard++)
        {
            var before = t;
            t = t.Trim().TrimStart(')', ']', '.', ';', ',', ':', '–', '-', '—').TrimEnd('(', '[', ',', ';', ':', '–', '-', '—').Trim();
            if (t.EndsWith(" and", StringComparison.Ordinal))
            {
                t = t[..^4];
            }
            if (t == before)
            {
                break;
            }
        }
        if (t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal))
        {
            t = t[..^1].TrimEnd();
        }
        return t;
    }

    /// <summary>
    /// "2. Finalization … on the following issues:" followed at once by "(a) …;" and "(b) …" and then the text:
    /// the sub-items restate the agenda list, and the text after them is the annotation of the item as a whole.
    /// </summary>
    private void GroupRestatedSubItems(List<Heading> headings)
    {
        for (var h = 0; h < headings.Count; h++)
        {
            var parent = headings[h];
            if (parent.Item.Children.Count < 2 || parent.ContentAfter)
            {
                continue;
            }
            var run = new List<Heading>();
            for (var j = h + 1; j < headings.Count && headings[j].Item.Parent == parent.Item; j++)
            {
                run.Add(headings[j]);
                if (headings[j].ContentAfter)
                {
                    break;
                }
            }
            if (run.Count < 2 || run.Take(run.Count - 1).Any(r => r.ContentAfter))
            {
                continue;
            }
            var listStyle = parent.Text.TrimEnd().EndsWith(':') || run.Take(run.Count - 1).All(r => r.Text.TrimEnd().EndsWith(';'));
            if (!listStyle)
            {
                continue;
            }
            var last = run[^1].Item;
            if (!last.HasContent)
            {
                continue;
            }
            parent.Item.Paragraphs.AddRange(last.Paragraphs);
            foreach (var document in last.Documents)
            {
                AddDocument(parent.Item, document);
            }
            last.Paragraphs.Clear();
            last.Documents.Clear();
            _log.Warn(run[^1].Line, $"Sub-items {run[0].Item.Number} to {last.Number} are listed together with no text between them; the text that follows is taken as the annotation of item {parent.Item.Number} as a whole.");
        }
    }
}
