using WeakSegPortal.Imaging.Nifti;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Cli.Commands;

/// <summary>
/// Writes a suggested slice mask: PNG (0/255, the slice as extracted) or NIfTI (a label volume with the input's
/// geometry, the mask put back at its slice, 1 inside, 0 elsewhere), so it overlays the input in any viewer.
/// </summary>
internal static class MaskWriter
{
    public static void Write(string path, bool[] mask, int width, int height, Volume source, SliceOrientation orientation, int index)
    {
        if (path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            File.WriteAllBytes(path, PngSliceEncoder.Encode(Array.ConvertAll(mask, m => m ? (byte)255 : (byte)0), width, height));
            return;
        }

        if (!path.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException($"--out must end in .png, .nii or .nii.gz, not '{Path.GetFileName(path)}'");
        }

        var labels = new short[source.Geometry.VoxelCount];
        for (var row = 0; row < height; row++)
        {
            for (var col = 0; col < width; col++)
            {
                if (mask[(row * width) + col])
                {
                    var (i, j, k) = orientation switch
                    {
                        SliceOrientation.Axial => (col, row, index),
                        SliceOrientation.Coronal => (col, index, source.Nz - 1 - row),
                        _ => (index, col, source.Nz - 1 - row),
                    };
                    labels[source.Offset(i, j, k)] = 1;
                }
            }
        }

        var metadata = new VolumeMetadata { Modality = "SEG", SeriesDescription = "weakseg suggest", SourceFormat = "suggestion" };
        NiftiWriter.Write(Volume.FromInt16(source.Geometry, metadata, labels), path, NiftiDataType.UInt8);
    }
}
