// AgendaReader, cover: the parent body, the bodies, the venue and dates, the issue date and the session ordinals.

namespace MeetingOps.Domain.Import;

internal sealed partial class AgendaReader
{
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
            _log.Warn(line, $"A second venue \"{venue}\"; the meeting is taken to be in {Venue} (line {VenueLine}).",
                ServerPhrases.ImportSecondVenue.With(("venue", venue), ("taken", Venue), ("first", VenueLine)));
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
}
