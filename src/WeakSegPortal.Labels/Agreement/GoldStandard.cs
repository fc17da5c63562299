using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Scores an annotator's three-state map of one class against a gold mask.</summary>
/// <remarks>Unknown voxels are left out: a weak label is judged only on what it claims.</remarks>
public static class GoldStandard
{
    public static GoldAccuracy Compare(byte[] states, bool[] gold)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(gold);
        if (states.Length != gold.Length)
        {
            throw new ArgumentException("Maps must have the same length.", nameof(gold));
        }

        long tp = 0, fp = 0, tn = 0, fn = 0;
        for (var v = 0; v < states.Length; v++)
        {
            switch ((LabelState)states[v])
            {
                case LabelState.Positive when gold[v]: tp++; break;
                case LabelState.Positive: fp++; break;
                case LabelState.Negative when gold[v]: fn++; break;
                case LabelState.Negative: tn++; break;
            }
        }

        var diceDenominator = 2 * tp + fp + fn;
        return new GoldAccuracy(
            tp + fn == 0 ? double.NaN : (double)tp / (tp + fn),
            tn + fp == 0 ? double.NaN : (double)tn / (tn + fp),
            diceDenominator == 0 ? 1 : 2.0 * tp / diceDenominator,
            tp + fp + tn + fn);
    }

    /// <summary>A binary mask labels every voxel.</summary>
    public static GoldAccuracy Compare(bool[] mask, bool[] gold) => Compare(LabelMasks.ToStates(mask), gold);
}
