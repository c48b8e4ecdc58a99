namespace MeetingOps.Domain.Import;

/// <summary>
/// Counts the work an import does (characters scanned, lines and items visited) against a budget that is
/// linear in the input size. Two uses: a guard (a document that would take more than the budget is refused
/// as too complex instead of hanging), and a deterministic measure of linearity for the tests, which assert on
/// this count rather than on the clock.
/// </summary>
internal sealed class WorkMeter
{
    /// <summary>Units allowed per input character, plus a fixed allowance for the tables and the checks at the end.</summary>
    public const long UnitsPerChar = 400;
    public const long FixedUnits = 20_000_000;

    private readonly long _budget;

    public WorkMeter(long inputChars) => _budget = FixedUnits + UnitsPerChar * Math.Max(0, inputChars);

    public long Used { get; private set; }

    public long Budget => _budget;

    public void Charge(long units)
    {
        Used += Math.Max(1, units);
        if (Used > _budget)
        {
            throw new WorkBudgetExceededException();
        }
    }
}

internal sealed class WorkBudgetExceededException : Exception
{
    public WorkBudgetExceededException() : base("The import exceeded its work budget.")
    {
    }

    public WorkBudgetExceededException(string message) : base(message)
    {
    }

    public WorkBudgetExceededException(string message, Exception inner) : base(message, inner)
    {
    }
}
