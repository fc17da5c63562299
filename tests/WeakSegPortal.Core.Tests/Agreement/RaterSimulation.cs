using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

/// <summary>Simulated raters with known sensitivity and specificity, from a fixed seed.</summary>
internal static class RaterSimulation
{
    public static bool[] Truth(int voxels, double foreground, Random random) =>
        [.. Enumerable.Range(0, voxels).Select(_ => random.NextDouble() < foreground)];

    /// <param name="labelledShare">Share of voxels the rater labels at all; the rest stay Unknown.</param>
    public static byte[] Rater(bool[] truth, double sensitivity, double specificity, Random random, double labelledShare = 1)
    {
        var states = new byte[truth.Length];
        for (var v = 0; v < truth.Length; v++)
        {
            if (random.NextDouble() >= labelledShare)
            {
                continue;
            }

            var saysPositive = truth[v] ? random.NextDouble() < sensitivity : random.NextDouble() >= specificity;
            states[v] = (byte)(saysPositive ? LabelState.Positive : LabelState.Negative);
        }

        return states;
    }
}
