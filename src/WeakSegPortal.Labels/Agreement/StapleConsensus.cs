using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Binary STAPLE (Warfield, Zou and Wells, IEEE TMI 2004) over three-state maps, missing-aware.</summary>
/// <remarks>
/// A rater's Unknown voxels are missing data: they contribute no factor to that voxel's posterior
/// and no term to that rater's p and q, so sparse weak labels are not read as background.
/// EM runs over distinct decision patterns (see <see cref="DecisionPatterns"/>), in log space so
/// many raters cannot underflow. Rater parameters are kept inside [1e-9, 1 − 1e-9] so a perfect
/// rater cannot veto a voxel with log 0.
/// </remarks>
public static class StapleConsensus
{
    private const double Floor = 1e-9;

    public static StapleResult Estimate(IReadOnlyList<byte[]> states, StapleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0)
        {
            throw new ArgumentException("Need at least one rater.", nameof(states));
        }

        options ??= StapleOptions.Default;
        var patterns = DecisionPatterns.Build(states, 3);
        var prior = Math.Clamp(options.Prior ?? PositiveShare(patterns), 1e-6, 1 - 1e-6);
        var raters = states.Count;
        var p = Enumerable.Repeat(options.InitialSensitivity, raters).ToArray();
        var q = Enumerable.Repeat(options.InitialSpecificity, raters).ToArray();
        var w = new double[patterns.Count];
        var iterations = 0;
        var converged = false;
        while (!converged && iterations < options.MaxIterations)
        {
            iterations++;
            ExpectPosterior(patterns, prior, p, q, w);
            converged = MaximiseRaters(patterns, w, p, q) < options.Tolerance;
        }

        ExpectPosterior(patterns, prior, p, q, w);
        var posterior = new float[states[0].Length];
        var consensus = new bool[posterior.Length];
        for (var v = 0; v < posterior.Length; v++)
        {
            var value = w[patterns.PatternOfVoxel[v]];
            posterior[v] = (float)value;
            consensus[v] = value >= 0.5;
        }

        return new StapleResult(p, q, posterior, consensus, prior, iterations, converged);
    }

    private static void ExpectPosterior(DecisionPatterns patterns, double prior, double[] p, double[] q, double[] w)
    {
        var raters = patterns.Raters;
        for (var u = 0; u < patterns.Count; u++)
        {
            double logA = Math.Log(prior), logB = Math.Log(1 - prior);
            for (var r = 0; r < raters; r++)
            {
                var symbol = patterns.Symbols[u * raters + r];
                if (symbol == (byte)LabelState.Positive)
                {
                    logA += Math.Log(p[r]);
                    logB += Math.Log(1 - q[r]);
                }
                else if (symbol == (byte)LabelState.Negative)
                {
                    logA += Math.Log(1 - p[r]);
                    logB += Math.Log(q[r]);
                }
            }

            w[u] = 1 / (1 + Math.Exp(logB - logA));
        }
    }

    /// <summary>Updates p and q in place; returns the largest change.</summary>
    private static double MaximiseRaters(DecisionPatterns patterns, double[] w, double[] p, double[] q)
    {
        var change = 0.0;
        for (var r = 0; r < patterns.Raters; r++)
        {
            double saidPositive = 0, foreground = 0, saidNegative = 0, background = 0;
            for (var u = 0; u < patterns.Count; u++)
            {
                var symbol = patterns.Symbols[u * patterns.Raters + r];
                if (symbol == (byte)LabelState.Unknown)
                {
                    continue;
                }

                var (fg, bg) = (patterns.Counts[u] * w[u], patterns.Counts[u] * (1 - w[u]));
                foreground += fg;
                background += bg;
                saidPositive += symbol == (byte)LabelState.Positive ? fg : 0;
                saidNegative += symbol == (byte)LabelState.Negative ? bg : 0;
            }

            var newP = foreground > 0 ? Math.Clamp(saidPositive / foreground, Floor, 1 - Floor) : p[r];
            var newQ = background > 0 ? Math.Clamp(saidNegative / background, Floor, 1 - Floor) : q[r];
            change = Math.Max(change, Math.Max(Math.Abs(newP - p[r]), Math.Abs(newQ - q[r])));
            (p[r], q[r]) = (newP, newQ);
        }

        return change;
    }

    private static double PositiveShare(DecisionPatterns patterns)
    {
        double positive = 0, labelled = 0;
        for (var i = 0; i < patterns.Symbols.Length; i++)
        {
            var count = patterns.Counts[i / patterns.Raters];
            positive += patterns.Symbols[i] == (byte)LabelState.Positive ? count : 0;
            labelled += patterns.Symbols[i] != (byte)LabelState.Unknown ? count : 0;
        }

        return labelled == 0 ? 0.5 : positive / labelled;
    }
}
