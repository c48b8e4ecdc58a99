// AgendaReader, agenda list: the numbered agenda items of each body, their nesting and their joint-item marks.

using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

internal sealed partial class AgendaReader
{
    public void ReadAgendaList()
    {
        BodyDraft? body = null;
        ItemDraft? top = null;
        ItemDraft? sub = null;
        ItemDraft? last = null;
        var lastOpen = false;
        var blankSinceLast = false;
        var end = Math.Min(ListEnd, AnnexStart);
        var nested = new NestedLists();
        var lastIndent = 0;
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
                if (body is not null && nested.TryPlace(this, body, last, lastIndent, lead, line, out var child))
                {
                    last = child;
                    lastIndent = line.Indent;
                    lastOpen = child is not null && !EndsTerminal(text);
                    blankSinceLast = false;
                    continue;
                }
                if (lead.Top == 1 && lead.Sub is null && body is not null && body.Items.Count > 0 && Bodies.Count >= MaxBodies)
                {
                    _log.Warn(line.Number, $"The numbering starts again at 1 after {MaxBodies} bodies; the rest of the agenda list is left out.",
                        ServerPhrases.ImportTooManyBodiesRestart.With(("max", MaxBodies)));
                    return;
                }
                if (lead.Top == 1 && lead.Sub is null && body is not null && body.Items.Count > 0)
                {
                    // The numbering starts again without a heading: the agenda of the next body.
                    var next = NextCoverBody();
                    if (next is null)
                    {
                        _log.Warn(line.Number, "The numbering starts again at 1 without a body heading; taken as the agenda of another body.",
                            ServerPhrases.ImportNumberingRestarts.With());
                    }
                    else
                    {
                        _log.Warn(line.Number, $"The numbering starts again at 1 without a body heading; taken as the agenda of the {next}.",
                            ServerPhrases.ImportNumberingRestartsBody.With(("body", next)));
                    }
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
                    lastIndent = line.Indent;
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
            if (last is not null && lastOpen && !blankSinceLast && text.Length < 1000 && last.Title.Length < DefinitionValidator.MaxTextLength
                && !LooseAgenda.IsNoteInParentheses(text))
            {
                last.Title = TextTools.TrimTitle(StripJoint(last.Title + " " + text, out var joint));
                last.JointMark |= joint;
                lastOpen = !EndsTerminal(text);
                continue;
            }
            if (text.Length > 0 && (last is not null || body is not null))
            {
                var cut = TextTools.Cut(text, 80);
                _log.Warn(line.Number, $"Not understood in the agenda list and left out: \"{cut}\".", ServerPhrases.ImportNotUnderstood.With(("text", cut)));
            }
        }
    }

    private static bool EndsTerminal(string text)
    {
        var t = text.TrimEnd();
        return t.Length > 0 && t[^1] is '.' or ';' or ':' or '?' or '!';
    }

    private ItemDraft? Place(BodyDraft body, Numbering.Lead lead, SourceLine line, ref ItemDraft? top, ref ItemDraft? sub)
    {
        if (ItemCount >= DefinitionValidator.MaxItems)
        {
            if (ItemCount == DefinitionValidator.MaxItems)
            {
                _log.Warn(line.Number, $"More than {DefinitionValidator.MaxItems} agenda items; the rest are left out.",
                    ServerPhrases.ImportTooManyItems.With(("max", DefinitionValidator.MaxItems)));
                ItemCount++;
            }
            return null;
        }
        var title = TextTools.TrimTitle(StripJoint(lead.Title, out var joint));
        if (title.Length == 0)
        {
            _log.Warn(line.Number, "An item number without a title; left out.", ServerPhrases.ImportNumberNoTitle.With());
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
                _log.Warn(line.Number, $"Item {number} comes before its parent item; taken as an item of its own.",
                    ServerPhrases.ImportBeforeParent.With(("number", number)));
            }
        }
        else
        {
            if (top is null)
            {
                _log.Warn(line.Number, $"Sub-item ({lead.Sub}) before any numbered item; left out.",
                    ServerPhrases.ImportSubItemFirst.With(("letter", lead.Sub)));
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
            _log.Warn(line.Number, $"Item {number} is nested more than {DefinitionValidator.MaxSubItemDepth} levels deep; left out.",
                ServerPhrases.ImportNestedTooDeep.With(("number", number), ("max", DefinitionValidator.MaxSubItemDepth)));
            return null;
        }
        if (number.Length > 16)
        {
            var cut = TextTools.Cut(number, 20);
            _log.Warn(line.Number, $"Item number \"{cut}\" is too long; left out.", ServerPhrases.ImportNumberTooLong.With(("text", cut)));
            return null;
        }
        if (body.ByNumber.ContainsKey(number))
        {
            _log.Warn(line.Number, $"Item {number} appears twice on the agenda of the {body.Name}; the second is left out.",
                ServerPhrases.ImportItemTwice.With(("number", number), ("body", body.Name)));
            return null;
        }
        if (parent is null && lead.Sub is null && lead.Top is { } t && body.Items.Count > 0 && int.TryParse(body.Items[^1].Number, out var previous) && t != previous + 1)
        {
            _log.Warn(line.Number, $"Item {t} follows item {previous} on the agenda of the {body.Name}.",
                ServerPhrases.ImportItemFollows.With(("number", t), ("previous", previous), ("body", body.Name)));
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
}
