namespace MeetingOps.Domain.Planning;

/// <summary>
/// The fit strategy's compression: one common factor for every item, just enough for the demand to fit the
/// minutes available, never taking an item below its floor (the floor, or its planned minutes if fewer).
/// Items that would fall below their floor stay at it and the factor is recomputed for the rest
/// (water-filling). The compressed minutes are whole and sum exactly to the available minutes.
/// </summary>
internal static class FitFactor
{
    /// <param name="demand">Planned minutes of each item to compress.</param>
    /// <returns>The compressed minutes per item, and the factor the items above their floor were compressed by.</returns>
    public static (int[] Minutes, double Factor) Compress(IReadOnlyList<int> demand, int available, int floorMinutes)
    {
        var n = demand.Count;
        long total = demand.Sum(d => (long)d);
        if (total <= available)
        {
            return (demand.ToArray(), 1.0);
        }
        var floors = demand.Select(d => Math.Min(d, floorMinutes)).ToArray();
        if (floors.Sum(f => (long)f) >= available)
        {
            // Even the floors do not fit: every item at its floor, and the reflow reports what does not fit.
            return (floors, 0.0);
        }

        var atFloor = new bool[n];
        long rest;
        long weight;
        bool changed;
        do
        {
            rest = available;
            weight = 0;
            for (var i = 0; i < n; i++)
            {
                if (atFloor[i])
                {
                    rest -= floors[i];
                }
                else
                {
                    weight += demand[i];
                }
            }
            changed = false;
            for (var i = 0; i < n; i++)
            {
                // demand × rest / weight < floor, in integers: the item would go below its floor.
                if (!atFloor[i] && (long)demand[i] * rest < (long)floors[i] * weight)
                {
                    atFloor[i] = true;
                    changed = true;
                }
            }
        }
        while (changed);

        var result = new int[n];
        var free = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (atFloor[i])
            {
                result[i] = floors[i];
            }
            else
            {
                free.Add(i);
            }
        }
        var split = Apportionment.Split((int)rest, free.Select(i => (long)demand[i]).ToList());
        for (var k = 0; k < free.Count; k++)
        {
            result[free[k]] = split[k];
        }
        return (result, weight == 0 ? 0.0 : (double)rest / weight);
    }
}
