// SourceText, mark-up: HTML tags and entities, Markdown emphasis, links and bullets stripped from a line; white space collapsed.

using System.Globalization;
using System.Text;

namespace MeetingOps.Domain.Import;

internal static partial class SourceText
{
    /// <summary>Strips mark-up from one line, keeping tabs.</summary>
    internal static string Clean(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        var i = 0;
        // Leading Markdown heading marks and list bullets.
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }
        var hashes = i;
        while (hashes < s.Length && s[hashes] == '#' && hashes - i < 6)
        {
            hashes++;
        }
        if (hashes > i && hashes < s.Length && s[hashes] == ' ')
        {
            i = hashes + 1;
        }
        if (i + 1 < s.Length && s[i] is '-' or '•' or '·' or '▪' or '◦' or '●' or '*' or '>' && s[i + 1] == ' ')
        {
            i += 2;
        }
        var linkClose = -1;
        var linkEnd = -1;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (i == linkClose)
            {
                i = linkEnd;
                linkClose = linkEnd = -1;
                continue;
            }
            switch (c)
            {
                case '<' when TryTag(s, i, out var tagEnd):
                    i = tagEnd;
                    continue;
                case '&' when TryEntity(s, i, out var entityEnd, out var decoded):
                    sb.Append(decoded);
                    i = entityEnd;
                    continue;
                case '[' when linkClose < 0 && TryLink(s, i, out var close, out var end):
                    linkClose = close;
                    linkEnd = end;
                    continue;
                case '*':
                    {
                        var prev = sb.Length > 0 ? sb[^1] : ' ';
                        var next = i + 1 < s.Length ? s[i + 1] : ' ';
                        if (prev is not (' ' or '\t') || next is not (' ' or '\t'))
                        {
                            continue; // emphasis or a footnote mark
                        }
                        sb.Append(c);
                        continue;
                    }
                case '\u00A0' or '\u2007' or '\u202F' or '\u2009' or '\u2002' or '\u2003' or '\u2004' or '\u2005' or '\u2006' or '\u2008' or '\u200A' or '\u3000':
                    sb.Append(' ');
                    continue;
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    continue;
                case '\u2011':
                    sb.Append('-');
                    continue;
            }
            if (char.IsControl(c) && c != '\t')
            {
                sb.Append(' ');
                continue;
            }
            if (char.IsSurrogate(c))
            {
                // Keep a well-formed pair; drop a lone half.
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    sb.Append(c).Append(s[i + 1]);
                    i++;
                }
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool TryTag(ReadOnlySpan<char> s, int at, out int end)
    {
        end = at;
        var j = at + 1;
        if (j < s.Length && s[j] == '/')
        {
            j++;
        }
        if (j >= s.Length || !char.IsAsciiLetter(s[j]))
        {
            return false;
        }
        // The scan stops at the next '<', so the scans of successive tags never overlap: linear overall.
        for (var k = j; k < s.Length && k - at < 200; k++)
        {
            if (s[k] == '>')
            {
                end = k;
                return true;
            }
            if (s[k] is '<' or '\n')
            {
                return false;
            }
        }
        return false;
    }

    private static bool TryEntity(ReadOnlySpan<char> s, int at, out int end, out string decoded)
    {
        end = at;
        decoded = "";
        for (var k = at + 1; k < s.Length && k - at <= 9; k++)
        {
            if (s[k] == ';')
            {
                var name = s[(at + 1)..k].ToString();
                decoded = name switch
                {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" or "#39" => "'",
                    "nbsp" => " ",
                    "ndash" => "–",
                    "mdash" => "—",
                    "rsquo" => "’",
                    "lsquo" => "‘",
                    "ldquo" => "“",
                    "rdquo" => "”",
                    _ => Numeric(name),
                };
                end = k;
                return decoded.Length > 0;
            }
            if (!char.IsAsciiLetterOrDigit(s[k]) && s[k] != '#')
            {
                return false;
            }
        }
        return false;

        static string Numeric(string name)
        {
            if (name.Length < 2 || name[0] != '#')
            {
                return "";
            }
            var hex = name[1] is 'x' or 'X';
            var digits = hex ? name[2..] : name[1..];
            if (!int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code)
                || code is < 32 or > 0x10FFFF || (code is >= 0xD800 and <= 0xDFFF))
            {
                return "";
            }
            return char.ConvertFromUtf32(code);
        }
    }

    /// <summary>[text](target) → text: returns where the ']' is and where the ')' is.</summary>
    private static bool TryLink(ReadOnlySpan<char> s, int at, out int close, out int end)
    {
        close = end = -1;
        for (var k = at + 1; k < s.Length && k - at < 500; k++)
        {
            if (s[k] == '[')
            {
                return false;
            }
            if (s[k] == ']')
            {
                close = k;
                break;
            }
        }
        if (close < 0 || close + 1 >= s.Length || s[close + 1] != '(')
        {
            return false;
        }
        for (var k = close + 2; k < s.Length && k - close < 300; k++)
        {
            if (s[k] == ')')
            {
                end = k;
                return true;
            }
            if (s[k] is ' ' or '(' or '[' or '\t')
            {
                return false;
            }
        }
        return false;
    }

    public static string Collapse(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        var space = false;
        foreach (var c in raw)
        {
            if (c is ' ' or '\t')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
