// SourceText, broken lines: the wrap width of the text and the joining of lines broken mid-title or mid-sentence.

using System.Text;

namespace MeetingOps.Domain.Import;

internal static partial class SourceText
{
    /// <summary>
    /// The width at which the text was wrapped, if it was: most lines of a PDF extraction end near it. Lines of
    /// unwrapped text are paragraphs, so the width comes out large and the rule that uses it never fires.
    /// </summary>
    private static int WrapWidth(List<SourceLine> lines)
    {
        var lengths = lines.Where(l => !l.IsBlank && !l.HasTabs).Select(l => l.Text.Length).OrderBy(n => n).ToList();
        if (lengths.Count < 20)
        {
            return int.MaxValue;
        }
        var p90 = lengths[(int)(lengths.Count * 0.9)];
        return Math.Max(30, p90 * 7 / 10);
    }

    private static List<SourceLine> Join(List<SourceLine> lines, int wrapWidth, WorkMeter meter)
    {
        var result = new List<SourceLine>(lines.Count);
        Group? group = null;
        var lastBlank = false;
        foreach (var line in lines)
        {
            meter.Charge(line.Text.Length + 1);
            if (line.IsBlank)
            {
                group?.Flush();
                group = null;
                if (!lastBlank && result.Count > 0)
                {
                    result.Add(line);
                }
                lastBlank = true;
                continue;
            }
            lastBlank = false;
            if (group is not null && group.Continues(line))
            {
                group.Add(line);
                continue;
            }
            group?.Flush();
            group = new Group(line, wrapWidth);
            result.Add(group.Line);
        }
        group?.Flush();
        return result;
    }

    /// <summary>Lines being joined into one; kept incrementally so that joining stays linear.</summary>
    private sealed class Group
    {
        private const int MaxJoined = 4000;
        private readonly StringBuilder _text = new();
        private readonly int _wrapWidth;
        private readonly bool _numberOnly;
        private readonly bool _numbered;
        private OpenBrackets _open;
        private string _last;
        private bool _joined;

        public Group(SourceLine first, int wrapWidth)
        {
            _wrapWidth = wrapWidth;
            Line = new SourceLine(first.Number, first.Raw, first.Text) { Indent = first.Indent };
            var lead = default(Numbering.Lead);
            _numbered = !first.HasTabs && Numbering.TryParse(first.Text, out lead);
            _numberOnly = _numbered && lead.NumberOnly;
            _last = first.Text;
            _text.Append(first.Text);
            _open.Add(first.Text);
        }

        public SourceLine Line { get; }

        public bool Continues(SourceLine next)
        {
            if (Line.HasTabs || next.HasTabs || _text.Length > MaxJoined || StartsStructure(next.Text))
            {
                return false;
            }
            if (_numberOnly && !_joined)
            {
                return true;
            }
            if (_open.IsOpen || TextTools.EndsWithFunctionWord(_last) || TextTools.StartsWithLower(next.Text))
            {
                return true;
            }
            // A long line that stops without punctuation, followed by a shorter one: a title wrapped at the page width
            // ("… Convention against Transnational" + "Organized Crime"). Numbered lines and tables are left alone.
            return !_numbered && _last.Length >= _wrapWidth && !EndsTerminal(_last) && char.IsUpper(next.Text[0]);
        }

        public void Add(SourceLine next)
        {
            _text.Append(' ').Append(next.Text);
            _last = next.Text;
            _joined = true;
            _open.Add(next.Text);
        }

        public void Flush()
        {
            if (_joined)
            {
                Line.Text = _text.ToString();
                Line.Raw = Line.Text;
            }
        }

        private static bool EndsTerminal(string text)
        {
            var t = text.TrimEnd();
            return t.Length > 0 && t[^1] is '.' or ';' or ':' or '?' or '!' or ')' or '”' or '"';
        }
    }
}
