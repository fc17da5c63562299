using System.Buffers.Binary;
using System.Text;

namespace WeakSegPortal.Imaging.Nifti;

/// <summary>Parses NIfTI-1 (348-byte) and NIfTI-2 (540-byte) headers of either byte order.</summary>
internal static class NiftiHeaderParser
{
    public const int Nifti1Size = 348;
    public const int Nifti2Size = 540;

    /// <summary>Header length announced by the first four bytes (348 or 540), or 0 when neither byte order gives one.</summary>
    public static (int Size, bool LittleEndian) Probe(ReadOnlySpan<byte> first4)
    {
        var le = BinaryPrimitives.ReadInt32LittleEndian(first4);
        var be = BinaryPrimitives.ReadInt32BigEndian(first4);
        return le is Nifti1Size or Nifti2Size ? (le, true) : be is Nifti1Size or Nifti2Size ? (be, false) : (0, true);
    }

    public static NiftiHeader Parse(byte[] h, bool littleEndian, string name)
    {
        var r = new EndianReader(littleEndian);
        return h.Length == Nifti1Size ? ParseNifti1(h, r, name) : ParseNifti2(h, r, name);
    }

    private static NiftiHeader ParseNifti1(byte[] h, EndianReader r, string name)
    {
        var magic = Encoding.ASCII.GetString(h.AsSpan(344, 3));
        if (magic is not ("n+1" or "ni1"))
        {
            throw new ImageReadException(ImageReadFailure.NotAnImage, $"{name} has a 348-byte header but no NIfTI-1 magic (an Analyze 7.5 file is not supported).");
        }

        return new NiftiHeader
        {
            Version = 1,
            LittleEndian = r.LittleEndian,
            Dim = [.. Enumerable.Range(0, 8).Select(n => (long)r.Int16(h, 40 + (2 * n)))],
            PixDim = [.. Enumerable.Range(0, 8).Select(n => (double)r.Float32(h, 76 + (4 * n)))],
            DataType = (NiftiDataType)r.Int16(h, 70),
            VoxOffset = (long)r.Float32(h, 108),
            SclSlope = r.Float32(h, 112),
            SclInter = r.Float32(h, 116),
            Description = Text(h.AsSpan(148, 80)),
            QformCode = r.Int16(h, 252),
            SformCode = r.Int16(h, 254),
            QuaternB = r.Float32(h, 256),
            QuaternC = r.Float32(h, 260),
            QuaternD = r.Float32(h, 264),
            QoffsetX = r.Float32(h, 268),
            QoffsetY = r.Float32(h, 272),
            QoffsetZ = r.Float32(h, 276),
            Srow = [.. Enumerable.Range(0, 3).Select(row => Enumerable.Range(0, 4).Select(c => (double)r.Float32(h, 280 + (16 * row) + (4 * c))).ToArray())],
            SingleFile = magic == "n+1",
        };
    }

    private static NiftiHeader ParseNifti2(byte[] h, EndianReader r, string name)
    {
        var magic = Encoding.ASCII.GetString(h.AsSpan(4, 3));
        if (magic is not ("n+2" or "ni2"))
        {
            throw new ImageReadException(ImageReadFailure.NotAnImage, $"{name} has a 540-byte header but no NIfTI-2 magic.");
        }

        return new NiftiHeader
        {
            Version = 2,
            LittleEndian = r.LittleEndian,
            DataType = (NiftiDataType)r.Int16(h, 12),
            Dim = [.. Enumerable.Range(0, 8).Select(n => r.Int64(h, 16 + (8 * n)))],
            PixDim = [.. Enumerable.Range(0, 8).Select(n => r.Float64(h, 104 + (8 * n)))],
            VoxOffset = r.Int64(h, 168),
            SclSlope = r.Float64(h, 176),
            SclInter = r.Float64(h, 184),
            Description = Text(h.AsSpan(240, 80)),
            QformCode = r.Int32(h, 344),
            SformCode = r.Int32(h, 348),
            QuaternB = r.Float64(h, 352),
            QuaternC = r.Float64(h, 360),
            QuaternD = r.Float64(h, 368),
            QoffsetX = r.Float64(h, 376),
            QoffsetY = r.Float64(h, 384),
            QoffsetZ = r.Float64(h, 392),
            Srow = [.. Enumerable.Range(0, 3).Select(row => Enumerable.Range(0, 4).Select(c => r.Float64(h, 400 + (32 * row) + (8 * c))).ToArray())],
            SingleFile = magic == "n+2",
        };
    }

    private static string Text(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end >= 0 ? bytes[..end] : bytes).Trim();
    }
}
