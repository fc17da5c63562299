using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Rendering;

/// <summary>
/// Cuts axial slices and coronal/sagittal reformats out of a volume. Reformats put the highest k on
/// the top row, so an axial stack ordered foot to head shows the head up.
/// </summary>
public static class SliceExtractor
{
    public static int SliceCount(Volume volume, SliceOrientation orientation) => orientation switch
    {
        SliceOrientation.Axial => volume.Nz,
        SliceOrientation.Coronal => volume.Ny,
        _ => volume.Nx,
    };

    /// <summary>A slice's width and height in voxels and its pixel spacing (mm) across and down.</summary>
    public static (int Width, int Height, double SpacingX, double SpacingY) Plane(Volume volume, SliceOrientation orientation)
    {
        var spacing = volume.Geometry.Spacing;
        return orientation switch
        {
            SliceOrientation.Axial => (volume.Nx, volume.Ny, spacing.X, spacing.Y),
            SliceOrientation.Coronal => (volume.Nx, volume.Nz, spacing.X, spacing.Z),
            _ => (volume.Ny, volume.Nz, spacing.Y, spacing.Z),
        };
    }

    public static VolumeSlice Extract(Volume volume, SliceOrientation orientation, int index)
    {
        CheckIndex(volume, orientation, index);
        var (width, height, spacingX, spacingY) = Plane(volume, orientation);
        var values = new float[width * height];
        if (volume.VoxelType == VoxelType.Int16)
        {
            var samples = new short[values.Length];
            CutInt16(volume, orientation, index, samples);
            for (var n = 0; n < samples.Length; n++)
            {
                values[n] = samples[n];
            }
        }
        else
        {
            CutFloat32(volume, orientation, index, values);
        }

        return new VolumeSlice(width, height, values, spacingX, spacingY, volume.VoxelType == VoxelType.Int16);
    }

    /// <summary>
    /// Copies one slice of an Int16 volume, top row first, into <paramref name="destination"/> (width × height samples).
    /// Axial and coronal rows are contiguous runs of the volume; a sagittal row takes one voxel from each of ny rows
    /// of x, so it is read in rising address order (j inner) to let the prefetcher follow the constant stride.
    /// </summary>
    public static void CutInt16(Volume volume, SliceOrientation orientation, int index, Span<short> destination)
    {
        CheckIndex(volume, orientation, index);
        var (width, height, _, _) = Plane(volume, orientation);
        if (destination.Length < width * height)
        {
            throw new ArgumentException($"The destination holds {destination.Length} samples; the slice has {width * height}.", nameof(destination));
        }

        Cut<short>(volume.Int16Voxels, volume.Nx, volume.Ny, volume.Nz, orientation, index, destination);
    }

    private static void CutFloat32(Volume volume, SliceOrientation orientation, int index, Span<float> destination) =>
        Cut<float>(volume.Float32Voxels, volume.Nx, volume.Ny, volume.Nz, orientation, index, destination);

    private static void Cut<T>(T[] voxels, int nx, int ny, int nz, SliceOrientation orientation, int index, Span<T> destination)
    {
        var plane = (long)nx * ny;
        switch (orientation)
        {
            case SliceOrientation.Axial:
                voxels.AsSpan().Slice((int)(plane * index), (int)plane).CopyTo(destination);
                break;

            case SliceOrientation.Coronal:
                for (var row = 0; row < nz; row++)
                {
                    var k = nz - 1 - row;
                    voxels.AsSpan().Slice((int)((plane * k) + ((long)nx * index)), nx).CopyTo(destination.Slice(row * nx, nx));
                }

                break;

            default:
                for (var row = 0; row < nz; row++)
                {
                    var k = nz - 1 - row;
                    // ny voxels nx apart: the span from the first to the last keeps the loop free of 64-bit index arithmetic.
                    var column = voxels.AsSpan().Slice((int)((plane * k) + index), ((ny - 1) * nx) + 1);
                    var target = destination.Slice(row * ny, ny);
                    for (int j = 0, at = 0; j < target.Length; j++, at += nx)
                    {
                        target[j] = column[at];
                    }
                }

                break;
        }
    }

    private static void CheckIndex(Volume volume, SliceOrientation orientation, int index)
    {
        var count = SliceCount(volume, orientation);
        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The {orientation} slice index must be in 0..{count - 1}.");
        }
    }
}
