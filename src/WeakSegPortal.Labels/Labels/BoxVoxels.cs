namespace WeakSegPortal.Core.Labels;

/// <summary>
/// Where a box lies in the volume, whatever plane it was drawn on (<see cref="Box2D.Plane"/>): its
/// extent in (i, j, k), the plane's size in a grid, and its trace on each axial slice it crosses.
/// Every consumer of box geometry reads boxes through here or checks <see cref="Box2D.IsAxial"/>.
/// </summary>
public static class BoxVoxels
{
    /// <summary>The box's extent in continuous (x = i, y = j, z = k); its slice axis spans the slice's voxel (s ± 0.5).</summary>
    public static Box3D Extent(Box2D box)
    {
        ArgumentNullException.ThrowIfNull(box);
        double s0 = box.Slice - 0.5, s1 = box.Slice + 0.5;
        return box.Plane switch
        {
            SlicePlane.Coronal => new Box3D(box.MinX, s0, box.MinY, box.MaxX, s1, box.MaxY, box.ClassId),
            SlicePlane.Sagittal => new Box3D(s0, box.MinX, box.MinY, s1, box.MaxX, box.MaxY, box.ClassId),
            _ => new Box3D(box.MinX, box.MinY, s0, box.MaxX, box.MaxY, s1, box.ClassId),
        };
    }

    /// <summary>The plane's width (x), height (y) and slice count in a grid.</summary>
    public static (int Width, int Height, int Slices) PlaneSize(Grid grid, SlicePlane plane)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return plane switch
        {
            SlicePlane.Coronal => (grid.Nx, grid.Nz, grid.Ny),
            SlicePlane.Sagittal => (grid.Ny, grid.Nz, grid.Nx),
            _ => (grid.Nx, grid.Ny, grid.Nz),
        };
    }

    /// <summary>
    /// The axial slices the box covers: its own slice for an axial box; for a reformat box, the k
    /// whose voxel centres lie in its k range (edges inclusive), clipped to the grid.
    /// </summary>
    public static IEnumerable<int> AxialSlices(Box2D box, Grid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return AxialSlices(box).Where(k => k >= 0 && k < grid.Nz);
    }

    /// <summary>The axial slices the box covers, unclipped (a stored box lies inside its image).</summary>
    public static IEnumerable<int> AxialSlices(Box2D box)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (box.IsAxial)
        {
            return [box.Slice];
        }
        var (k0, k1) = KRange(box);
        return k1 < k0 ? [] : Enumerable.Range(k0, k1 - k0 + 1);
    }

    /// <summary>A reformat box's first and last axial slice: the k whose voxel centres lie in its y range.</summary>
    public static (int First, int Last) KRange(Box2D box)
    {
        ArgumentNullException.ThrowIfNull(box);
        return box.IsAxial ? (box.Slice, box.Slice) : (Math.Max(0, (int)Math.Ceiling(box.MinY)), (int)Math.Floor(box.MaxY));
    }

    /// <summary>Marks the voxels of the plane the box was drawn on: the whole axial slice, coronal slice or sagittal slice.</summary>
    public static void FillPlane(Box2D box, Grid grid, bool[] covered)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(covered);
        grid.EnsureMatches(covered.Length);
        var (_, _, slices) = PlaneSize(grid, box.Plane);
        if (box.Slice < 0 || box.Slice >= slices)
        {
            return;
        }
        switch (box.Plane)
        {
            case SlicePlane.Coronal:
                for (var k = 0; k < grid.Nz; k++)
                {
                    covered.AsSpan(grid.Index(0, box.Slice, k), grid.Nx).Fill(true);
                }
                break;
            case SlicePlane.Sagittal:
                for (var v = box.Slice; v < covered.Length; v += grid.Nx)
                {
                    covered[v] = true;
                }
                break;
            default:
                covered.AsSpan(box.Slice * grid.SliceSize, grid.SliceSize).Fill(true);
                break;
        }
    }

    /// <summary>
    /// A reformat box's y range (k) moved onto a grid whose slices are a subset of the volume's, given by
    /// <paramref name="compact"/> (volume k → new index, order kept): null when none of its slices is kept.
    /// Where every slice in its range is kept, the range keeps its length, so IoU between such boxes is kept.
    /// </summary>
    public static Box2D? MoveSlices(Box2D box, IReadOnlyDictionary<int, int> compact)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(compact);
        if (box.IsAxial)
        {
            return compact.TryGetValue(box.Slice, out var moved) ? box with { Slice = moved } : null;
        }
        var kept = AxialSlices(box).Where(compact.ContainsKey).ToList();
        if (kept.Count == 0)
        {
            return null;
        }
        var (first, last) = (kept[0], kept[^1]);
        var y0 = compact[first] - (first - box.MinY);
        var y1 = compact[last] + (box.MaxY - last);
        return box with { X0 = box.MinX, X1 = box.MaxX, Y0 = y0, Y1 = y1 };
    }

    /// <summary>
    /// The box's trace on axial slice k as an axial box: itself for an axial box on k; for a coronal
    /// box crossing k, row j (one voxel high) over its i range; for a sagittal box, column i over its
    /// j range. Null when the box does not cross k. Rasterising the trace gives exactly the box's voxels on k.
    /// </summary>
    public static Box2D? AxialTrace(Box2D box, int k)
    {
        ArgumentNullException.ThrowIfNull(box);
        if (box.IsAxial)
        {
            return box.Slice == k ? box : null;
        }
        if (k < box.MinY || k > box.MaxY)
        {
            return null;
        }
        double s0 = box.Slice - 0.5, s1 = box.Slice + 0.5;
        return box.Plane == SlicePlane.Coronal
            ? new Box2D(box.MinX, s0, box.MaxX, s1, k, box.ClassId)
            : new Box2D(s0, box.MinX, s1, box.MaxX, k, box.ClassId);
    }
}
