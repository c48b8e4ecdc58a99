namespace MeetingOps.Domain.Import;

/// <summary>Collects the warnings of one import, in line order at the end, with a cap so hostile input cannot flood them.</summary>
internal sealed class ImportLog
{
    public const int MaxWarnings = 200;

    private readonly List<ImportWarning> _warnings = [];
    private readonly HashSet<(int, string)> _seen = [];
    private int _dropped;

    public void Warn(int line, string message)
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
        _warnings.Add(new ImportWarning(line, message));
    }

    public IReadOnlyList<ImportWarning> Warnings()
    {
        var ordered = _warnings.OrderBy(w => w.Line).ToList();
        if (_dropped > 0)
        {
            ordered.Add(new ImportWarning(0, $"{_dropped:N0} further warnings were left out."));
        }
        return ordered;
    }
}
