namespace WeakSegPortal.Core.Agreement;

/// <summary>Fleiss' κ (1971) for a fixed number of ratings per subject: (P̄ − P̄_e) / (1 − P̄_e).</summary>
/// <remarks>When every rating falls in one category P̄_e = 1 and κ is 0/0: undefined (NaN), see <see cref="AgreementStatistic"/>.</remarks>
public static class FleissKappa
{
    /// <summary>κ from counts[subject, category] = how many raters put the subject in the category.</summary>
    public static double Compute(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var subjects = counts.GetLength(0);
        var categories = counts.GetLength(1);
        if (subjects == 0)
        {
            return double.NaN;
        }

        var raters = RowSum(counts, 0);
        if (raters < 2)
        {
            throw new ArgumentException("Each subject needs at least two ratings.", nameof(counts));
        }

        var categoryTotals = new double[categories];
        var meanAgreement = 0.0;
        for (var s = 0; s < subjects; s++)
        {
            if (RowSum(counts, s) != raters)
            {
                throw new ArgumentException($"Subject {s} has a different number of ratings.", nameof(counts));
            }

            var squares = 0.0;
            for (var c = 0; c < categories; c++)
            {
                squares += (double)counts[s, c] * counts[s, c];
                categoryTotals[c] += counts[s, c];
            }

            meanAgreement += (squares - raters) / (raters * (raters - 1.0));
        }

        meanAgreement /= subjects;
        var expected = 0.0;
        foreach (var total in categoryTotals)
        {
            var share = total / (subjects * (double)raters);
            expected += share * share;
        }

        return expected >= 1 ? double.NaN : (meanAgreement - expected) / (1 - expected);
    }

    private static int RowSum(int[,] counts, int row)
    {
        var sum = 0;
        for (var c = 0; c < counts.GetLength(1); c++)
        {
            sum += counts[row, c];
        }

        return sum;
    }
}
