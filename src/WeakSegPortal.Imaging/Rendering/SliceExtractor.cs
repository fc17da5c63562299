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

    public static VolumeSlice Extract(Volume volume, SliceOrientation orientation, int index)
    {
        var count = SliceCount(volume, orientation);
        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The {orientation} slice index must be in 0..{count - 1}.");
        }

        var spacing = volume.Geometry.Spacing;
        var isInteger = volume.VoxelType == VoxelType.Int16;
        switch (orientation)
        {
            case SliceOrientation.Axial:
            {
                var values = new float[volume.Nx * volume.Ny];
                volume.CopySlice(index, values);
                return new VolumeSlice(volume.Nx, volume.Ny, values, spacing.X, spacing.Y, isInteger);
            }

            case SliceOrientation.Coronal:
            {
                var values = new float[volume.Nx * volume.Nz];
                for (var row = 0; row < volume.Nz; row++)
                {
                    var k = volume.Nz - 1 - row;
                    for (var i = 0; i < volume.Nx; i++)
                    {
                        values[(row * volume.Nx) + i] = volume[i, index, k];
                    }
                }

                return new VolumeSlice(volume.Nx, volume.Nz, values, spacing.X, spacing.Z, isInteger);
            }

            default:
            {
                var values = new float[volume.Ny * volume.Nz];
                for (var row = 0; row < volume.Nz; row++)
                {
                    var k = volume.Nz - 1 - row;
                    for (var j = 0; j < volume.Ny; j++)
                    {
                        values[(row * volume.Ny) + j] = volume[index, j, k];
                    }
                }

                return new VolumeSlice(volume.Ny, volume.Nz, values, spacing.Y, spacing.Z, isInteger);
            }
        }
    }
}
