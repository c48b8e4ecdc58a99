namespace MeetingOps.Domain.Import;

/// <summary>Collects the warnings of one import, in line order at the end, with a cap so hostile input cannot flood them.</summary>
internal sealed class ImportLog
{
    public const int MaxWarnings = 200;

    private readonly List<ImportWarning> _warnings = [];
    private readonly HashSet<(int, string)> _seen = [];
    private int _dropped;

    /// <summary>
    /// A warning in English (for the API, the CLI and the logs) and as a phrase with its arguments (for the pages). Both are
    /// made only where a warning is raised, never per line read; the same sentence on the same line is kept once.
    /// </summary>
    public void Warn(int line, string message, ServerText text)
    {
        if (!_seen.Add((line, message)))
        {
            return;
        }
        if (_warnings.Count >= MaxWarnings)
        {
            _dropped++;
            return;
        }
        _warnings.Add(new ImportWarning(line, message, text));
    }

    public IReadOnlyList<ImportWarning> Warnings()
    {
        var ordered = _warnings.OrderBy(w => w.Line).ToList();
        if (_dropped > 0)
        {
            ordered.Add(new ImportWarning(0, $"{_dropped:N0} further warnings were left out.", ServerPhrases.ImportMoreWarnings.With(("count", _dropped))));
        }
        return ordered;
    }
}
