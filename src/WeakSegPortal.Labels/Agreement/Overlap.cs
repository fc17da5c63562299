using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Dice and IoU of two binary masks of the same grid.</summary>
/// <remarks>Two empty masks agree fully (1.0): both annotators said "nothing here", which is agreement.</remarks>
public static class Overlap
{
    public static double Dice(bool[] a, bool[] b)
    {
        var (both, onlyA, onlyB) = Count(a, b);
        var denominator = 2 * both + onlyA + onlyB;
        return denominator == 0 ? 1.0 : 2.0 * both / denominator;
    }

    public static double IoU(bool[] a, bool[] b)
    {
        var (both, onlyA, onlyB) = Count(a, b);
        var union = both + onlyA + onlyB;
        return union == 0 ? 1.0 : (double)both / union;
    }

    /// <summary>
    /// Dice of the Positive voxels of two three-state maps, counted only where both said something.
    /// Weak labels cover little of the image, so plain Dice would punish two correct but different
    /// scribbles; restricted to co-labelled voxels it measures whether they agree where they overlap.
    /// NaN when no voxel is labelled by both (nothing to compare); 1 when both say Negative throughout.
    /// </summary>
    public static double LabelledDice(byte[] a, byte[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Maps must have the same length.", nameof(b));
        }

        long both = 0, either = 0, shared = 0;
        for (var v = 0; v < a.Length; v++)
        {
            var (x, y) = (a[v], b[v]);
            if (x == (byte)LabelState.Unknown || y == (byte)LabelState.Unknown)
            {
                continue;
            }

            shared++;
            const byte positive = (byte)LabelState.Positive;
            both += x == positive && y == positive ? 1 : 0;
            either += (x == positive ? 1 : 0) + (y == positive ? 1 : 0);
        }

        return shared == 0 ? double.NaN : either == 0 ? 1.0 : 2.0 * both / either;
    }

    private static (long Both, long OnlyA, long OnlyB) Count(bool[] a, bool[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Masks must have the same length.", nameof(b));
        }

        long both = 0, onlyA = 0, onlyB = 0;
        for (var v = 0; v < a.Length; v++)
        {
            var (x, y) = (a[v], b[v]);
            both += x & y ? 1 : 0;
            onlyA += x & !y ? 1 : 0;
            onlyB += !x & y ? 1 : 0;
        }

        return (both, onlyA, onlyB);
    }
}
