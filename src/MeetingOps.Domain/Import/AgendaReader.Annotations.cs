// AgendaReader, annotations: the item headings, their paragraphs and cross-references, and sub-items that restate the agenda list.

using System.Text;
using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

internal sealed partial class AgendaReader
{
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
                var cut = TextTools.Cut(text, 60);
                _log.Warn(paragraphLine, $"Text before the first item heading{(body is null ? "" : $" of the {body.Name}")} is left out: \"{cut}…\".",
                    body is null ? ServerPhrases.ImportTextBeforeHeading.With(("text", cut)) : ServerPhrases.ImportTextBeforeHeadingOf.With(("body", body.Name), ("text", cut)));
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
                var cut = TextTools.Cut(text, 60);
                _log.Warn(pendingDocumentLine, $"A documentation entry without a document symbol is left out: \"{cut}\".", ServerPhrases.ImportDocumentNoSymbol.With(("text", cut)));
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
                        _log.Warn(line.Number, $"Annotations without a body heading; taken as those of the {body.Name}.",
                            ServerPhrases.ImportAnnotationsNoBody.With(("body", body.Name)));
                        warnedNoBody = true;
                    }
                }
                else if (lead.Top == 1 && lead.Sub is null && body.Items.Count > 0 && body.Items[0].HeadingLine > 0)
                {
                    var next = Bodies.FirstOrDefault(b => b != body && !b.Annotated && b.Items.Count > 0 && HeadingMatches(lead, b.Items[0]) is not null);
                    if (next is not null)
                    {
                        _log.Warn(line.Number, $"Item 1 is annotated again without a body heading; taken as the annotations of the {next.Name}.",
                            ServerPhrases.ImportAnnotatedAgainNoBody.With(("body", next.Name)));
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
                        _log.Warn(line.Number, $"Item {target.Number} of the {body.Name} is annotated a second time (first at line {target.HeadingLine}); the text is added to it.",
                            ServerPhrases.ImportAnnotatedTwice.With(("number", target.Number), ("body", body.Name), ("first", target.HeadingLine)));
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
            _log.Warn(line, $"The annotation of item {item.Number} of the {item.Body.Name} is longer than {DefinitionValidator.MaxAnnotationLength:N0} characters; the rest is left out.",
                ServerPhrases.ImportAnnotationTooLong.With(("number", item.Number), ("body", item.Body.Name), ("max", DefinitionValidator.MaxAnnotationLength)));
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
            _log.Warn(run[^1].Line, $"Sub-items {run[0].Item.Number} to {last.Number} are listed together with no text between them; the text that follows is taken as the annotation of item {parent.Item.Number} as a whole.",
                ServerPhrases.ImportSubItemsTogether.With(("number", run[0].Item.Number), ("last", last.Number), ("parent", parent.Item.Number)));
        }
    }
}
