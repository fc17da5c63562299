using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>The voxels an annotator scribbled, ascending, with the class each ended up with.</summary>
/// <remarks>
/// Scribbles touch a small share of an image, so comparing annotators through these sparse lists
/// (a merge) is cheaper than comparing whole class maps, and keeps only one map alive at a time.
/// </remarks>
internal sealed record ScribbleCoverage(int[] Voxels, int[] Classes)
{
    /// <param name="scratch">A grid-sized buffer filled with <see cref="ScribbleClassMap.Unlabelled"/>; left that way.</param>
    public static ScribbleCoverage Of(IReadOnlyList<Scribble> scribbles, Grid grid, int[] scratch)
    {
        var touched = new List<int>();
        foreach (var scribble in scribbles)
        {
            var classId = scribble.ClassId;
            ScribbleRasterizer.Visit(scribble, grid, index =>
            {
                if (scratch[index] == ScribbleClassMap.Unlabelled)
                {
                    touched.Add(index);
                }

                scratch[index] = classId;
            });
        }

        touched.Sort();
        var classes = new int[touched.Count];
        for (var t = 0; t < touched.Count; t++)
        {
            classes[t] = scratch[touched[t]];
            scratch[touched[t]] = ScribbleClassMap.Unlabelled;
        }

        return new ScribbleCoverage([.. touched], classes);
    }

    public ScribbleConflict ConflictsWith(ScribbleCoverage other, int backgroundClassId)
    {
        int overlap = 0, conflicts = 0, foregroundBackground = 0;
        for (int a = 0, b = 0; a < Voxels.Length && b < other.Voxels.Length;)
        {
            if (Voxels[a] < other.Voxels[b])
            {
                a++;
                continue;
            }

            if (Voxels[a] > other.Voxels[b])
            {
                b++;
                continue;
            }

            var (x, y) = (Classes[a++], other.Classes[b++]);
            overlap++;
            conflicts += x != y ? 1 : 0;
            foregroundBackground += x != y && (x == backgroundClassId) != (y == backgroundClassId) ? 1 : 0;
        }

        return new ScribbleConflict(overlap, conflicts, foregroundBackground);
    }
}
