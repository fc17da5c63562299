using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>Compares two annotators' scribble class maps (see <see cref="ScribbleClassMap"/>).</summary>
public static class ScribbleConflicts
{
    public static ScribbleConflict Compare(int[] classMapA, int[] classMapB, int backgroundClassId)
    {
        ArgumentNullException.ThrowIfNull(classMapA);
        ArgumentNullException.ThrowIfNull(classMapB);
        if (classMapA.Length != classMapB.Length)
        {
            throw new ArgumentException("Class maps must have the same length.", nameof(classMapB));
        }

        int overlap = 0, conflicts = 0, foregroundBackground = 0;
        for (var v = 0; v < classMapA.Length; v++)
        {
            var (a, b) = (classMapA[v], classMapB[v]);
            if (a == ScribbleClassMap.Unlabelled || b == ScribbleClassMap.Unlabelled)
            {
                continue;
            }

            overlap++;
            if (a != b)
            {
                conflicts++;
                foregroundBackground += (a == backgroundClassId) != (b == backgroundClassId) ? 1 : 0;
            }
        }

        return new ScribbleConflict(overlap, conflicts, foregroundBackground);
    }
}
