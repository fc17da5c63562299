using System.Buffers.Binary;

namespace WeakSegPortal.Imaging;

/// <summary>Reads numbers at byte offsets in a file's byte order (NIfTI, TIFF).</summary>
internal readonly record struct EndianReader(bool LittleEndian)
{
    public short Int16(ReadOnlySpan<byte> b, int at) =>
        LittleEndian ? BinaryPrimitives.ReadInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadInt16BigEndian(b[at..]);

    public int Int32(ReadOnlySpan<byte> b, int at) =>
        LittleEndian ? BinaryPrimitives.ReadInt32LittleEndian(b[at..]) : BinaryPrimitives.ReadInt32BigEndian(b[at..]);

    public long Int64(ReadOnlySpan<byte> b, int at) =>
        LittleEndian ? BinaryPrimitives.ReadInt64LittleEndian(b[at..]) : BinaryPrimitives.ReadInt64BigEndian(b[at..]);

    public float Float32(ReadOnlySpan<byte> b, int at) =>
        LittleEndian ? BinaryPrimitives.ReadSingleLittleEndian(b[at..]) : BinaryPrimitives.ReadSingleBigEndian(b[at..]);

    public double Float64(ReadOnlySpan<byte> b, int at) =>
        LittleEndian ? BinaryPrimitives.ReadDoubleLittleEndian(b[at..]) : BinaryPrimitives.ReadDoubleBigEndian(b[at..]);
}
