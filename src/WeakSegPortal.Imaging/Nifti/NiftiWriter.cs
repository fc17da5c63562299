using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Nifti;

/// <summary>
/// Writes a volume as single-file NIfTI-1 (.nii, or .nii.gz when the name says so), little-endian,
/// with the LPS geometry turned back into a RAS sform (code 1, scanner) and qform left unset.
/// Int16 volumes are written as int16 (or uint8 when asked, for label maps), Float32 as float32.
/// </summary>
public static class NiftiWriter
{
    private const int VoxOffset = 352;

    public static void Write(Volume volume, string path, NiftiDataType? dataType = null)
    {
        ArgumentNullException.ThrowIfNull(volume);
        var type = dataType ?? (volume.VoxelType == VoxelType.Int16 ? NiftiDataType.Int16 : NiftiDataType.Float32);
        if (type is not (NiftiDataType.UInt8 or NiftiDataType.Int16 or NiftiDataType.Float32))
        {
            throw new ArgumentException("Only uint8, int16 and float32 are written.", nameof(dataType));
        }

        using var file = File.Create(path);
        using Stream output = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.Fastest)
            : file;
        output.Write(Header(volume, type));
        WriteVoxels(volume, type, output);
    }

    private static byte[] Header(Volume volume, NiftiDataType type)
    {
        var h = new byte[VoxOffset];
        var g = volume.Geometry;
        BinaryPrimitives.WriteInt32LittleEndian(h, 348);
        short[] dim = [3, (short)g.Nx, (short)g.Ny, (short)g.Nz, 1, 1, 1, 1];
        for (var n = 0; n < 8; n++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(40 + (2 * n)), dim[n]);
        }

        var bitpix = type switch { NiftiDataType.UInt8 => 8, NiftiDataType.Int16 => 16, _ => 32 };
        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(70), (short)type);
        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(72), (short)bitpix);
        float[] pixdim = [1, (float)g.Spacing.X, (float)g.Spacing.Y, (float)g.Spacing.Z, 1, 1, 1, 1];
        for (var n = 0; n < 8; n++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(76 + (4 * n)), pixdim[n]);
        }

        BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(108), VoxOffset);
        BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(112), 1); // scl_slope
        h[123] = 2; // xyzt_units: millimetres
        Encoding.ASCII.GetBytes(Truncate(volume.Metadata.SeriesDescription, 79)).CopyTo(h.AsSpan(148));
        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(254), 1); // sform_code: scanner anatomical

        // LPS → RAS: negate the x and y rows of the affine.
        for (var row = 0; row < 3; row++)
        {
            var sign = row < 2 ? -1 : 1;
            for (var c = 0; c < 3; c++)
            {
                var value = sign * g.Direction[row, c] * g.Spacing[c];
                BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(280 + (16 * row) + (4 * c)), (float)value);
            }

            BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(280 + (16 * row) + 12), (float)(sign * g.Origin[row]));
        }

        Encoding.ASCII.GetBytes("n+1\0").CopyTo(h.AsSpan(344));
        return h;
    }

    private static void WriteVoxels(Volume volume, NiftiDataType type, Stream output)
    {
        var slice = new float[volume.Nx * volume.Ny];
        var bytesPerVoxel = type switch { NiftiDataType.UInt8 => 1, NiftiDataType.Int16 => 2, _ => 4 };
        var buffer = new byte[slice.Length * bytesPerVoxel];
        for (var k = 0; k < volume.Nz; k++)
        {
            volume.CopySlice(k, slice);
            for (var n = 0; n < slice.Length; n++)
            {
                switch (type)
                {
                    case NiftiDataType.UInt8:
                        buffer[n] = (byte)Math.Clamp(slice[n], 0, 255);
                        break;
                    case NiftiDataType.Int16:
                        BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(2 * n), (short)Math.Clamp(MathF.Round(slice[n]), short.MinValue, short.MaxValue));
                        break;
                    default:
                        BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(4 * n), slice[n]);
                        break;
                }
            }

            output.Write(buffer);
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
