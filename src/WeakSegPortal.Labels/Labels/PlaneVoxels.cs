namespace WeakSegPortal.Core.Labels;

/// <summary>
/// A coronal or sagittal plane of a volume as a grid of its own, so that shapes drawn on it (a brush stroke, a
/// polygon, a mask) rasterise with the axial rules and land on the volume's voxels. The plane grid's x, y and
/// slice are, for coronal, i, k and j; for sagittal, j, k and i; for axial the volume's own.
/// </summary>
public static class PlaneVoxels
{
    /// <summary>The plane as a grid: width × height × slices (<see cref="BoxVoxels.PlaneSize"/>), with the matching spacings.</summary>
    public static Grid Of(Grid volume, SlicePlane plane)
    {
        ArgumentNullException.ThrowIfNull(volume);
        return plane switch
        {
            SlicePlane.Coronal => new Grid(volume.Nx, volume.Nz, volume.Ny, volume.SpacingX, volume.SpacingZ, volume.SpacingY),
            SlicePlane.Sagittal => new Grid(volume.Ny, volume.Nz, volume.Nx, volume.SpacingY, volume.SpacingZ, volume.SpacingX),
            _ => volume,
        };
    }

    /// <summary>The volume voxel index of plane voxel (x, y) on plane slice s.</summary>
    public static int ToVolume(Grid volume, SlicePlane plane, int x, int y, int s)
    {
        ArgumentNullException.ThrowIfNull(volume);
        return plane switch
        {
            SlicePlane.Coronal => volume.Index(x, s, y),
            SlicePlane.Sagittal => volume.Index(s, x, y),
            _ => volume.Index(x, y, s),
        };
    }

    /// <summary>
    /// Rasterises a shape on its plane's grid (<paramref name="onPlane"/> visits plane indices) and hands each covered
    /// voxel to <paramref name="visit"/> as a volume index.
    /// </summary>
    public static void Visit(Grid volume, SlicePlane plane, Action<Grid, Action<int>> onPlane, Action<int> visit)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(onPlane);
        ArgumentNullException.ThrowIfNull(visit);
        if (plane == SlicePlane.Axial)
        {
            onPlane(volume, visit);
            return;
        }
        var grid = Of(volume, plane);
        onPlane(grid, p =>
        {
            var x = p % grid.Nx;
            var rest = p / grid.Nx;
            visit(ToVolume(volume, plane, x, rest % grid.Ny, rest / grid.Ny));
        });
    }

    /// <summary>Whether voxel (i, j, k) lies on slice <paramref name="slice"/> of the plane.</summary>
    public static bool OnSlice(SlicePlane plane, int slice, int i, int j, int k) => plane switch
    {
        SlicePlane.Coronal => j == slice,
        SlicePlane.Sagittal => i == slice,
        _ => k == slice,
    };

    /// <summary>Calls <paramref name="visit"/> with every volume index of one plane slice (an empty call when the slice is off the grid).</summary>
    public static void VisitSlice(Grid volume, SlicePlane plane, int slice, Action<int> visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var grid = Of(volume, plane);
        if (slice < 0 || slice >= grid.Nz)
        {
            return;
        }
        for (var y = 0; y < grid.Ny; y++)
        {
            for (var x = 0; x < grid.Nx; x++)
            {
                visit(ToVolume(volume, plane, x, y, slice));
            }
        }
    }

    /// <summary>Where volume voxel <paramref name="index"/> lies on its slice of the plane: (x, y) as y · width + x.</summary>
    public static int OnPlaneSlice(Grid volume, SlicePlane plane, int index)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var i = index % volume.Nx;
        var j = index / volume.Nx % volume.Ny;
        var k = index / volume.SliceSize;
        return plane switch
        {
            SlicePlane.Coronal => (k * volume.Nx) + i,
            SlicePlane.Sagittal => (k * volume.Ny) + j,
            _ => (j * volume.Nx) + i,
        };
    }

    /// <summary>
    /// The trace of plane slice <paramref name="slice"/> on axial slice <paramref name="k"/>: calls <paramref name="visit"/> with
    /// (pixel of the axial slice as j · nx + i, pixel of the plane slice as y · width + x) for each voxel they share — the whole
    /// slice for axial slice k itself, row j for coronal slice j, column i for sagittal slice i; nothing for another axial slice.
    /// </summary>
    public static void VisitAxialTrace(Grid volume, SlicePlane plane, int slice, int k, Action<int, int> visit)
    {
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentNullException.ThrowIfNull(visit);
        var grid = Of(volume, plane);
        if (slice < 0 || slice >= grid.Nz || k < 0 || k >= volume.Nz)
        {
            return;
        }
        switch (plane)
        {
            case SlicePlane.Coronal:
                for (var i = 0; i < volume.Nx; i++)
                {
                    visit((slice * volume.Nx) + i, (k * volume.Nx) + i);
                }
                break;
            case SlicePlane.Sagittal:
                for (var j = 0; j < volume.Ny; j++)
                {
                    visit((j * volume.Nx) + slice, (k * volume.Ny) + j);
                }
                break;
            default:
                if (slice == k)
                {
                    for (var p = 0; p < volume.SliceSize; p++)
                    {
                        visit(p, p);
                    }
                }
                break;
        }
    }
}
