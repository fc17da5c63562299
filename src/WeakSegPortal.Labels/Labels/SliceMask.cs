namespace WeakSegPortal.Core.Labels;

/// <summary>
/// A full mask of one class on one slice, as a run-length code (<see cref="MaskRle"/>) of a
/// <paramref name="Width"/> × <paramref name="Height"/> image: an accepted suggestion. It paints
/// its set pixels like a polygon paints its inside; later brush strokes may erase from it.
/// </summary>
public sealed record SliceMask(int Width, int Height, IReadOnlyList<int> Counts, int Slice, int ClassId) : IMaskShape
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

    /// <summary>The set pixels of a mask as large as the grid's slice; a mask of another size, or a broken code, covers nothing.</summary>
    public void Visit(Grid grid, Action<int> visit)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(visit);
        if (Width != grid.Nx || Height != grid.Ny || MaskRle.Problem(Counts, Width, Height) is not null)
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
