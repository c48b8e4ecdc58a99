// SourceLine: one logical line of the document, with its line number, raw text (tabs kept) and plain text.

namespace MeetingOps.Domain.Import;

/// <summary>One logical line of the document: where it starts in the source, its text with tabs kept (for tables) and its plain text.</summary>
internal sealed class SourceLine(int number, string raw, string text)
{
    /// <summary>1-based line number in the document as given.</summary>
    public int Number { get; } = number;

    /// <summary>Cleaned text with tabs kept: table cells.</summary>
    public string Raw { get; set; } = raw;

    /// <summary>Cleaned text, tabs as spaces, white space collapsed and trimmed.</summary>
    public string Text { get; set; } = text;

    /// <summary>Leading white space of the physical line (a tab counts 4): the nesting of a web page's indented lists.</summary>
    public int Indent { get; init; }

    public bool IsBlank => Text.Length == 0;

    public bool HasTabs => Raw.Contains('\t');

    public override string ToString() => $"{Number}: {Text}";
}
