namespace WeakSegPortal.Core.Agreement;

/// <summary>Cohen's κ for two raters on nominal categories: (p_o − p_e) / (1 − p_e).</summary>
/// <remarks>
/// When both raters use one and the same category throughout, p_e = 1 and κ is 0/0 (the kappa
/// paradox): undefined, NaN, not 1 and not 0. <see cref="AgreementStatistic"/> says why to people.
/// </remarks>
public static class CohenKappa
{
    /// <summary>κ from paired ratings; a negative rating means "not rated" and drops the pair.</summary>
    public static double Compute(int[] a, int[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Both raters must rate the same units.", nameof(b));
        }

        var categories = 0;
        for (var u = 0; u < a.Length; u++)
        {
            categories = Math.Max(categories, Math.Max(a[u], b[u]) + 1);
        }

        var table = new int[categories, categories];
        for (var u = 0; u < a.Length; u++)
        {
            if (a[u] >= 0 && b[u] >= 0)
            {
                table[a[u], b[u]]++;
            }
        }

        return FromTable(table);
    }

    /// <summary>κ from a contingency table: rows rater A's category, columns rater B's.</summary>
    public static double FromTable(int[,] table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var k = table.GetLength(0);
        if (table.GetLength(1) != k)
        {
            throw new ArgumentException("The table must be square.", nameof(table));
        }

        double total = 0, agreed = 0;
        var rows = new double[k];
        var columns = new double[k];
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < k; c++)
            {
                total += table[r, c];
                rows[r] += table[r, c];
                columns[c] += table[r, c];
            }

            agreed += table[r, r];
        }

        if (total == 0)
        {
            return double.NaN;
        }

        var expected = 0.0;
        for (var c = 0; c < k; c++)
        {
            expected += rows[c] / total * (columns[c] / total);
        }

        var observed = agreed / total;
        return expected >= 1 ? double.NaN : (observed - expected) / (1 - expected);
    }
}
