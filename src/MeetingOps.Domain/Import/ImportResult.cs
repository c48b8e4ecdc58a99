using MeetingOps.Domain.Definition;

namespace MeetingOps.Domain.Import;

/// <summary>
/// What the importer made of an agenda document: the meeting definition (when anything usable was found),
/// what it assumed on the way (each with its line), and why it could not go on (each with its line).
/// <see cref="Definition"/> is non-null exactly when <see cref="Errors"/> is empty, and a non-null definition
/// always passes <see cref="DefinitionValidator"/>.
/// </summary>
public sealed record ImportResult(
    MeetingDefinition? Definition,
    IReadOnlyList<ImportWarning> Warnings,
    IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Definition is not null;

    /// <summary>
    /// What the document did not say and the definition therefore only assumes (dates, venue, time zone, sittings),
    /// each with the warning that names it. A definition with gaps is a draft: the officer fills them in before it runs.
    /// </summary>
    public IReadOnlyList<ImportGap> Gaps { get; init; } = [];

    /// <summary>Whether the definition is complete, i.e. nothing in it is only assumed.</summary>
    public bool Complete => Definition is not null && Gaps.Count == 0;

    internal static ImportResult Failed(ImportError error, IReadOnlyList<ImportWarning>? warnings = null) =>
        new(null, warnings ?? [], [error]);
}

/// <summary>
/// Something the meeting needs that the document does not give: <see cref="Field"/> is one of <see cref="ImportGapFields"/>.
/// <see cref="Line"/> is 1-based where a line was read (an unknown venue's line); 0 means the document as a whole.
/// <see cref="Text"/> says the same as a phrase code and its arguments, for a page in another language.
/// </summary>
public sealed record ImportGap(string Field, int Line, string Message, ServerText? Text = null)
{
    public override string ToString() => Line > 0 ? $"{Field} (line {Line}): {Message}" : $"{Field}: {Message}";
}

/// <summary>Stable names of the fields an import can leave as gaps.</summary>
public static class ImportGapFields
{
    public const string Dates = "dates";
    public const string Venue = "venue";
    public const string TimeZone = "timeZone";
    public const string Sittings = "sittings";
}

/// <summary>
/// Something the importer was unsure of and what it assumed. <see cref="Line"/> is 1-based; 0 means the document as a whole.
/// <see cref="Text"/> is the same as a phrase code and its arguments (<see cref="ServerPhrases"/>), for a page in another
/// language; null only in warnings stored before the importer gave codes.
/// </summary>
public sealed record ImportWarning(int Line, string Message, ServerText? Text = null)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}

/// <summary>
/// Why the document could not be imported. <see cref="Line"/> is 1-based; 0 means the document as a whole.
/// <see cref="Code"/> is one of the <see cref="ImportErrorCodes"/>; <see cref="Text"/> says it as a phrase code and its arguments.
/// </summary>
public sealed record ImportError(int Line, string Code, string Message, ServerText? Text = null)
{
    public override string ToString() => Line > 0 ? $"line {Line}: {Message}" : Message;
}

/// <summary>Stable names for the kinds of <see cref="ImportError"/>, for callers that switch on them (the API maps them to status codes).</summary>
public static class ImportErrorCodes
{
    /// <summary>The document is larger than <see cref="AgendaImporter.MaxInputBytes"/>.</summary>
    public const string TooLarge = "too-large";
    /// <summary>The document is empty or only white space.</summary>
    public const string Empty = "empty";
    /// <summary>The document is not text (binary, or mostly undecodable).</summary>
    public const string NotText = "not-text";
    /// <summary>No numbered agenda items were found.</summary>
    public const string NoAgenda = "no-agenda";
    /// <summary>No meeting dates were found. No longer an error: missing dates are a gap (<see cref="ImportGapFields.Dates"/>); kept for callers that switch on it.</summary>
    public const string NoDates = "no-dates";
    /// <summary>The document has more structure than the importer will look at (a guard against hostile input).</summary>
    public const string TooComplex = "too-complex";
    /// <summary>What was found does not make a valid meeting definition; the message says why.</summary>
    public const string Invalid = "invalid-definition";
    /// <summary>A fault in the importer itself. Never expected; reported rather than thrown.</summary>
    public const string Internal = "internal";
}
