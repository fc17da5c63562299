namespace WeakSegPortal.Core.Agreement;

/// <summary>Krippendorff's α for nominal data with missing ratings, by the coincidence-matrix method.</summary>
/// <remarks>
/// Follows Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): units with fewer than two
/// ratings are not pairable and drop out; each pairable unit u adds its ordered value pairs with
/// weight 1/(m_u − 1). α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k. When only one value occurs
/// the expected disagreement is 0 and α is 0/0: undefined (NaN), like when no unit is pairable;
/// <see cref="AgreementStatistic"/> tells the two apart for people.
/// </remarks>
public static class KrippendorffAlpha
{
    /// <summary>α from ratings[coder, unit]; null means the coder did not rate that unit.</summary>
    public static double Nominal(int?[,] ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var coders = ratings.GetLength(0);
        var units = ratings.GetLength(1);
        var values = new Dictionary<int, int>();
        var observedDisagreement = 0.0;
        var totals = new List<double>();
        var unitCounts = new List<int>();
        for (var u = 0; u < units; u++)
        {
            unitCounts.Clear();
            var m = 0;
            for (var c = 0; c < coders; c++)
            {
                if (ratings[c, u] is not { } value)
                {
                    continue;
                }

                if (!values.TryGetValue(value, out var index))
                {
                    index = values[value] = values.Count;
                    totals.Add(0);
                }

                while (unitCounts.Count <= index)
                {
                    unitCounts.Add(0);
                }

                unitCounts[index]++;
                m++;
            }

            if (m < 2)
            {
                continue;
            }

            // Ordered pairs with different values in this unit: m² − Σ n_uc², weighted by 1/(m − 1).
            var sameSquares = 0.0;
            for (var v = 0; v < unitCounts.Count; v++)
            {
                sameSquares += (double)unitCounts[v] * unitCounts[v];
                totals[v] += unitCounts[v];
            }

            observedDisagreement += ((double)m * m - sameSquares) / (m - 1);
        }

        return FromCoincidences(observedDisagreement, totals);
    }

    private static double FromCoincidences(double observedDisagreement, List<double> totals)
    {
        var n = 0.0;
        var sumSquares = 0.0;
        foreach (var total in totals)
        {
            n += total;
            sumSquares += total * total;
        }

        if (n == 0)
        {
            return double.NaN;
        }

        var expectedDisagreement = n * n - sumSquares;
        return expectedDisagreement == 0 ? double.NaN : 1 - (n - 1) * observedDisagreement / expectedDisagreement;
    }
}
