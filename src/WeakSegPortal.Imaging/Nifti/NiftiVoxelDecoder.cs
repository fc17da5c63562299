namespace WeakSegPortal.Imaging.Nifti;

/// <summary>Converts NIfTI voxel bytes of any supported datatype and byte order to floats.</summary>
internal static class NiftiVoxelDecoder
{
    public static int BytesPerVoxel(NiftiDataType type, string name) => type switch
    {
        NiftiDataType.UInt8 or NiftiDataType.Int8 => 1,
        NiftiDataType.Int16 or NiftiDataType.UInt16 => 2,
        NiftiDataType.Int32 or NiftiDataType.UInt32 or NiftiDataType.Float32 => 4,
        NiftiDataType.Float64 or NiftiDataType.Int64 or NiftiDataType.UInt64 => 8,
        _ => throw new ImageReadException(ImageReadFailure.UnsupportedFormat, $"{name}: NIfTI datatype code {(short)type} (colour or complex) is not supported."),
    };

    public static bool IsInteger(NiftiDataType type) => type is not (NiftiDataType.Float32 or NiftiDataType.Float64);

    public static void Decode(ReadOnlySpan<byte> data, NiftiDataType type, bool littleEndian, Span<float> destination)
    {
        var r = new EndianReader(littleEndian);
        var n = destination.Length;
        switch (type)
        {
            case NiftiDataType.UInt8:
                for (var i = 0; i < n; i++) { destination[i] = data[i]; }
                break;
            case NiftiDataType.Int8:
                for (var i = 0; i < n; i++) { destination[i] = (sbyte)data[i]; }
                break;
            case NiftiDataType.Int16:
                for (var i = 0; i < n; i++) { destination[i] = r.Int16(data, 2 * i); }
                break;
            case NiftiDataType.UInt16:
                for (var i = 0; i < n; i++) { destination[i] = (ushort)r.Int16(data, 2 * i); }
                break;
            case NiftiDataType.Int32:
                for (var i = 0; i < n; i++) { destination[i] = r.Int32(data, 4 * i); }
                break;
            case NiftiDataType.UInt32:
                for (var i = 0; i < n; i++) { destination[i] = (uint)r.Int32(data, 4 * i); }
                break;
            case NiftiDataType.Float32:
                for (var i = 0; i < n; i++) { destination[i] = BitConverter.Int32BitsToSingle(r.Int32(data, 4 * i)); }
                break;
            case NiftiDataType.Float64:
                for (var i = 0; i < n; i++) { destination[i] = (float)BitConverter.Int64BitsToDouble(r.Int64(data, 8 * i)); }
                break;
            case NiftiDataType.Int64:
                for (var i = 0; i < n; i++) { destination[i] = r.Int64(data, 8 * i); }
                break;
            default:
                for (var i = 0; i < n; i++) { destination[i] = (ulong)r.Int64(data, 8 * i); }
                break;
        }
    }
}
