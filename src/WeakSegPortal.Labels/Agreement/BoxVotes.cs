using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Agreement;

/// <summary>
/// Per voxel, how many annotators put it inside a box of one class (<see cref="Inside"/>) and how many
/// boxed the class on its slice at all (<see cref="Voters"/>; a 3D box votes on every slice, a coronal or
/// sagittal box on its own coronal or sagittal slice).
/// </summary>
internal sealed class BoxVotes
{
    private BoxVotes(byte[][] inside, byte[][] boxed, byte[] insideTotal, byte[] votersTotal)
    {
        (PerRaterInside, PerRaterBoxed, Inside, Voters) = (inside, boxed, insideTotal, votersTotal);
    }

    private byte[][] PerRaterInside { get; }
    private byte[][] PerRaterBoxed { get; }
    public byte[] Inside { get; }
    public byte[] Voters { get; }
    public bool Any { get; private init; }

    public static BoxVotes Of(IReadOnlyList<WeakLabels> raters, int classId, Grid grid)
    {
        var inside = new byte[raters.Count][];
        var boxed = new byte[raters.Count][];
        var insideTotal = new byte[grid.Count];
        var votersTotal = new byte[grid.Count];
        var any = false;
        var mask = new bool[grid.Count];
        for (var r = 0; r < raters.Count; r++)
        {
            (inside[r], boxed[r]) = ([], []);
            var boxes2D = raters[r].Boxes.Where(b => b.ClassId == classId && b.Slice >= 0 && b.Slice < BoxVoxels.PlaneSize(grid, b.Plane).Slices).ToList();
            var boxes3D = raters[r].Boxes3D.Where(b => b.ClassId == classId).ToList();
            if (boxes2D.Count == 0 && boxes3D.Count == 0)
            {
                continue;
            }

            any = true;
            Array.Clear(mask);
            var covered = new bool[grid.Count];
            foreach (var box in boxes2D)
            {
                BoxRasterizer.Fill(box, grid, mask);
                BoxVoxels.FillPlane(box, grid, covered);
            }

            foreach (var box in boxes3D)
            {
                BoxRasterizer.Fill(box, grid, mask);
                covered.AsSpan().Fill(true);
            }

            inside[r] = new byte[grid.Count];
            boxed[r] = new byte[grid.Count];
            for (var v = 0; v < grid.Count; v++)
            {
                var isBoxed = covered[v];
                var isInside = mask[v];
                inside[r][v] = isInside ? (byte)1 : (byte)0;
                boxed[r][v] = isBoxed ? (byte)1 : (byte)0;
                insideTotal[v] += inside[r][v];
                votersTotal[v] += boxed[r][v];
            }
        }

        return new BoxVotes(inside, boxed, insideTotal, votersTotal) { Any = any };
    }

    /// <summary>
    /// The others' box consensus (everyone but <paramref name="rater"/>): inside the boxes of more than
    /// half of the others who boxed that slice. Writes into the buffers; false when it is empty.
    /// </summary>
    public bool LeaveOut(int rater, bool[] consensus, byte[] voters)
    {
        var own = PerRaterInside[rater];
        var ownBoxed = PerRaterBoxed[rater];
        var any = false;
        for (var v = 0; v < consensus.Length; v++)
        {
            var insideOthers = Inside[v] - (own.Length == 0 ? 0 : own[v]);
            var votersOthers = Voters[v] - (ownBoxed.Length == 0 ? 0 : ownBoxed[v]);
            voters[v] = (byte)votersOthers;
            consensus[v] = 2 * insideOthers > votersOthers;
            any |= consensus[v];
        }

        return any;
    }
}
