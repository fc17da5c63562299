namespace WeakSegPortal.Core.Labels;

/// <summary>
/// A full mask of one class on one slice of its <see cref="Plane"/>, as a run-length code (<see cref="MaskRle"/>) of a
/// <paramref name="Width"/> × <paramref name="Height"/> image (the plane's extent; rows are its y: j axial, k on a reformat):
/// an accepted suggestion. It paints its set pixels like a polygon paints its inside; later brush strokes may erase from it.
/// </summary>
public sealed record SliceMask(int Width, int Height, IReadOnlyList<int> Counts, int Slice, int ClassId, SlicePlane Plane = SlicePlane.Axial) : IMaskShape
{
    public bool Erases => false;

    /// <summary>How many pixels the mask sets (the odd runs).</summary>
    public long Pixels
    {
        get
        {
            long set = 0;
            for (var i = 1; i < Counts.Count; i += 2)
            {
                set += Counts[i];
            }
            return set;
        }
    }

    /// <summary>The set pixels of a mask as large as its plane's slice; a mask of another size, or a broken code, covers nothing.</summary>
    public void Visit(Grid grid, Action<int> visit) => PlaneVoxels.Visit(grid, Plane, VisitOnPlane, visit);

    private void VisitOnPlane(Grid grid, Action<int> visit)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(visit);
        if (Slice < 0 || Slice >= grid.Nz || Width != grid.Nx || Height != grid.Ny || MaskRle.Problem(Counts, Width, Height) is not null)
        {
            return;
        }
        var start = Slice * grid.SliceSize;
        var at = 0;
        for (var i = 0; i < Counts.Count; i++)
        {
            if (i % 2 == 1)
            {
                for (var v = at; v < at + Counts[i]; v++)
                {
                    visit(start + v);
                }
            }
            at += Counts[i];
        }
    }
}
