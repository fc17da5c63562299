using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Testing;

/// <summary>
/// Equal 2D slices laid along one plane of a volume, so that <see cref="SliceExtractor"/> cuts slice n of that
/// plane back out pixel for pixel: along axial, slice n is k = n (row y = j); along coronal it is j = n and along sagittal
/// i = n, with x across (i, resp. j) and row y = nz − 1 − k (reformats put the highest k on the top row). Propagation tests
/// on reformats use it to run a known object through the real slicing path.
/// </summary>
public static class AlongPlane
{
    public static Volume Lay(Func<int, float[]> slice, int width, int height, int count, SliceOrientation along, string modality, double sliceSpacing = 2)
    {
        ArgumentNullException.ThrowIfNull(slice);
        var (nx, ny, nz) = along switch
        {
            SliceOrientation.Axial => (width, height, count),
            SliceOrientation.Coronal => (width, count, height),
            _ => (count, width, height),
        };
        var spacing = along switch
        {
            SliceOrientation.Axial => new Vec3(1, 1, sliceSpacing),
            SliceOrientation.Coronal => new Vec3(1, sliceSpacing, 1),
            _ => new Vec3(sliceSpacing, 1, 1),
        };
        var voxels = new float[nx * ny * nz];
        for (var n = 0; n < count; n++)
        {
            var values = slice(n);
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var (i, j, k) = along switch
                    {
                        SliceOrientation.Axial => (x, y, n),
                        SliceOrientation.Coronal => (x, n, height - 1 - y),
                        _ => (n, x, height - 1 - y),
                    };
                    voxels[(((k * ny) + j) * nx) + i] = values[(y * width) + x];
                }
            }
        }

        return Volume.FromFloat32(new VolumeGeometry(nx, ny, nz, spacing, new Vec3(0, 0, 0), Direction3.Identity), new VolumeMetadata { Modality = modality }, voxels);
    }
}
