namespace WeakSegPortal.Core.Agreement;

/// <summary>The E- and M-steps of multi-class STAPLE over decision patterns (symbol 0 = missing).</summary>
/// <remarks>
/// Log space keeps many raters from underflowing; confusion entries stay inside [1e-9, 1 − 1e-9] so one
/// confident rater cannot zero a class outright.
/// </remarks>
internal static class ConfusionEm
{
    private const double Floor = 1e-9;

    /// <summary>w[pattern · C + s] = P(true class s | the pattern's decisions).</summary>
    public static void Expect(DecisionPatterns patterns, int classCount, double[] prior, double[][,] theta, double[] w)
    {
        var logs = new double[classCount];
        for (var u = 0; u < patterns.Count; u++)
        {
            for (var s = 0; s < classCount; s++)
            {
                logs[s] = Math.Log(prior[s]);
                for (var r = 0; r < patterns.Raters; r++)
                {
                    var symbol = patterns.Symbols[u * patterns.Raters + r];
                    logs[s] += symbol == 0 ? 0 : Math.Log(theta[r][symbol - 1, s]);
                }
            }

            var max = logs.Max();
            var sum = 0.0;
            for (var s = 0; s < classCount; s++)
            {
                logs[s] = Math.Exp(logs[s] - max);
                sum += logs[s];
            }

            for (var s = 0; s < classCount; s++)
            {
                w[u * classCount + s] = logs[s] / sum;
            }
        }
    }

    /// <summary>θ_r[o, s] = Σ W(s) where rater r said o / Σ W(s) where rater r said anything; returns the largest change.</summary>
    public static double Maximise(DecisionPatterns patterns, int classCount, double[] w, double[][,] theta)
    {
        var change = 0.0;
        var said = new double[classCount, classCount];
        var truth = new double[classCount];
        for (var r = 0; r < patterns.Raters; r++)
        {
            Array.Clear(said);
            Array.Clear(truth);
            for (var u = 0; u < patterns.Count; u++)
            {
                var symbol = patterns.Symbols[u * patterns.Raters + r];
                if (symbol == 0)
                {
                    continue;
                }

                for (var s = 0; s < classCount; s++)
                {
                    var weight = patterns.Counts[u] * w[u * classCount + s];
                    said[symbol - 1, s] += weight;
                    truth[s] += weight;
                }
            }

            for (var s = 0; s < classCount; s++)
            {
                for (var o = 0; o < classCount && truth[s] > 0; o++)
                {
                    var updated = Math.Clamp(said[o, s] / truth[s], Floor, 1 - Floor);
                    change = Math.Max(change, Math.Abs(updated - theta[r][o, s]));
                    theta[r][o, s] = updated;
                }
            }
        }

        return change;
    }
}
