namespace WeakSegPortal.Core.Agreement;

/// <summary>Multi-class STAPLE: one confusion matrix per rater, unlabelled voxels treated as missing.</summary>
/// <remarks>
/// Warfield et al. 2004, section on multiple labels: E-step W(s) ∝ prior(s) Π_j θ_j[d_j, s] over the
/// raters that decided; M-step θ_j[o, s] = Σ W(s)[d_j = o] / Σ W(s) over voxels rater j decided.
/// Starts with θ diagonal = InitialSensitivity and the rest spread evenly. Runs over decision
/// patterns in log space, like the binary case.
/// </remarks>
public static class MultiClassStaple
{
    /// <param name="labels">labels[rater][voxel]: class index in [0, classCount) or -1 for unlabelled.</param>
    public static MultiClassStapleResult Estimate(IReadOnlyList<int[]> labels, int classCount, StapleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 254);
        options ??= StapleOptions.Default;
        var patterns = DecisionPatterns.Build(ToSymbols(labels, classCount), classCount + 1);
        var prior = ClassPrior(patterns, classCount);
        var theta = new double[labels.Count][,];
        var off = (1 - options.InitialSensitivity) / (classCount - 1);
        for (var r = 0; r < theta.Length; r++)
        {
            theta[r] = new double[classCount, classCount];
            for (var o = 0; o < classCount; o++)
            {
                for (var s = 0; s < classCount; s++)
                {
                    theta[r][o, s] = o == s ? options.InitialSensitivity : off;
                }
            }
        }

        var w = new double[patterns.Count * classCount];
        var (iterations, converged) = (0, false);
        while (!converged && iterations < options.MaxIterations)
        {
            iterations++;
            ConfusionEm.Expect(patterns, classCount, prior, theta, w);
            converged = ConfusionEm.Maximise(patterns, classCount, w, theta) < options.Tolerance;
        }

        ConfusionEm.Expect(patterns, classCount, prior, theta, w);
        return Assemble(patterns, classCount, w, theta, prior, iterations, converged);
    }

    private static byte[][] ToSymbols(IReadOnlyList<int[]> labels, int classCount)
    {
        var symbols = new byte[labels.Count][];
        for (var r = 0; r < labels.Count; r++)
        {
            symbols[r] = new byte[labels[r].Length];
            for (var v = 0; v < symbols[r].Length; v++)
            {
                var label = labels[r][v];
                if (label >= classCount)
                {
                    throw new ArgumentOutOfRangeException(nameof(labels), $"Class {label} is not below {classCount}.");
                }

                symbols[r][v] = label >= 0 ? (byte)(label + 1) : (byte)0;
            }
        }

        return symbols;
    }

    private static double[] ClassPrior(DecisionPatterns patterns, int classCount)
    {
        var prior = new double[classCount];
        var total = 0.0;
        for (var i = 0; i < patterns.Symbols.Length; i++)
        {
            var symbol = patterns.Symbols[i];
            if (symbol > 0)
            {
                prior[symbol - 1] += patterns.Counts[i / patterns.Raters];
                total += patterns.Counts[i / patterns.Raters];
            }
        }

        for (var c = 0; c < classCount; c++)
        {
            prior[c] = total == 0 ? 1.0 / classCount : Math.Max(prior[c] / total, 1e-6);
        }

        return prior;
    }

    private static MultiClassStapleResult Assemble(
        DecisionPatterns patterns, int classCount, double[] w, double[][,] theta, double[] prior, int iterations, bool converged)
    {
        var length = patterns.PatternOfVoxel.Length;
        var posterior = new float[classCount][];
        for (var s = 0; s < classCount; s++)
        {
            posterior[s] = new float[length];
        }

        var consensus = new int[length];
        for (var v = 0; v < length; v++)
        {
            var u = patterns.PatternOfVoxel[v];
            var best = 0;
            for (var s = 0; s < classCount; s++)
            {
                posterior[s][v] = (float)w[u * classCount + s];
                best = w[u * classCount + s] > w[u * classCount + best] ? s : best;
            }

            consensus[v] = best;
        }

        return new MultiClassStapleResult(theta, posterior, consensus, prior, iterations, converged);
    }
}
