// AgendaReader, bodies: the body an agenda list or a heading belongs to, found on the cover, in a heading or in the text.

namespace MeetingOps.Domain.Import;

internal sealed partial class AgendaReader
{
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
            _log.Warn(line, $"The agenda list has no body heading but the cover names {CoverBodies.Count} bodies; taken as the agenda of the {CoverBodies[0].Name}.",
                ServerPhrases.ImportCoverBodies.With(("count", CoverBodies.Count), ("body", CoverBodies[0].Name)));
        }
        if (CoverBodies.Count > 0)
        {
            return NewBody(CoverBodies[0].Name, CoverBodies[0].Line);
        }
        var name = NameFromText();
        if (name is null)
        {
            _log.Warn(line, "No body named on the cover or above the agenda; the body is called \"Meeting\".", ServerPhrases.ImportNoBody.With());
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
            var cut = TextTools.Cut(name, 80);
            _log.Warn(line, $"More than {MaxBodies} bodies; \"{cut}\" and its items are left out.", ServerPhrases.ImportTooManyBodies.With(("max", MaxBodies), ("text", cut)));
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
}
