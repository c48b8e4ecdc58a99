namespace MeetingOps.Domain.Planning;

/// <summary>
/// Shares a whole number of minutes in proportion to weights, in whole minutes that sum exactly to the total
/// (largest remainder: everyone gets the floor of their share, the minutes left go to the largest fractions,
/// earlier entries first on ties, so the result is the same on every run).
/// </summary>
internal static class Apportionment
{
    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>; all-zero weights split equally.</summary>
    public static int[] Split(int total, IReadOnlyList<long> weights)
    {
        var n = weights.Count;
        var result = new int[n];
        if (n == 0 || total <= 0)
        {
            return result;
        }
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += weights[i];
        }
        var equal = sum == 0;
        if (equal)
        {
            sum = n;
        }
        var remainders = new long[n];
        long given = 0;
        for (var i = 0; i < n; i++)
        {
            var exact = (long)total * (equal ? 1 : weights[i]);
            result[i] = (int)(exact / sum);
            remainders[i] = exact % sum;
            given += result[i];
        }
        var left = (int)(total - given);
        if (left > 0)
        {
            var order = new int[n];
            for (var i = 0; i < n; i++)
            {
                order[i] = i;
            }
            // Stable by index on equal remainders: Array.Sort is not stable, so the index is part of the key.
            Array.Sort(order, (a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
            for (var k = 0; k < left; k++)
            {
                result[order[k]]++;
            }
        }
        return result;
    }

    /// <summary>Shares <paramref name="total"/> equally among <paramref name="count"/>: the first ones get the minute left over.</summary>
    public static int[] Equal(int total, int count)
    {
        var result = new int[count];
        if (count == 0 || total <= 0)
        {
            return result;
        }
        var each = total / count;
        var left = total % count;
        for (var i = 0; i < count; i++)
        {
            result[i] = each + (i < left ? 1 : 0);
        }
        return result;
    }
}
