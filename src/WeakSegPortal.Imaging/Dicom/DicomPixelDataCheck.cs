using System.Buffers.Binary;
using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// Checks that the pixel data can hold what the image attributes describe, before GDCM decodes it:
/// GDCM asserts (killing its process) or loops when they disagree, as the fuzz suite found. Native
/// pixel data must be long enough for rows × columns × samples × frames × bits; compressed pixel data
/// must be encapsulated, and its first JPEG or JPEG 2000 frame header must give the same size,
/// components and at most the allocated bits (at most 16; a JPEG frame's precision is the stored bits); 32- and 64-bit native pixels store all their bits; the
/// photometric interpretation is one DICOM defines, and a palette image has its palette.
/// </summary>
internal static class DicomPixelDataCheck
{
    private static readonly HashSet<string> NativeSyntaxes = ["1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99"];
    private const uint Undefined = 0xFFFFFFFF;

    private static readonly HashSet<string> Photometrics =
        ["MONOCHROME1", "MONOCHROME2", "PALETTE COLOR", "RGB", "YBR_FULL", "YBR_FULL_422", "YBR_PARTIAL_422", "YBR_PARTIAL_420", "YBR_ICT", "YBR_RCT", "ARGB", "CMYK", "HSV"];

    public static void Ensure(DicomElementWalker walker, SafeFileHandle handle, string transferSyntax, string name)
    {
        if (walker.PixelDataLength is not { } length)
        {
            return; // no image: the reader refuses it later with its own reason
        }

        ushort Value(uint tag, ushort fallback) => walker.TopLevelShorts.TryGetValue(tag, out var v) ? v : fallback;
        var rows = Value(0x00280010, 0);
        var columns = Value(0x00280011, 0);
        var samples = Value(0x00280002, 1);
        var allocated = Value(0x00280100, 16);
        var frames = walker.TopLevelTexts.TryGetValue(0x00280008, out var text) && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 1;
        var photometric = walker.TopLevelTexts.TryGetValue(0x00280004, out var pi) ? pi.Trim() : "";
        if (rows == 0 || columns == 0 || frames < 1)
        {
            throw Damaged(name, $"its image is {columns}×{rows} with {frames} frame(s)");
        }

        if (photometric.Length > 0 && !Photometrics.Contains(photometric))
        {
            throw Damaged(name, $"its photometric interpretation '{photometric}' is not one DICOM defines");
        }

        if (photometric == "PALETTE COLOR" && !walker.TopLevelTags.Contains(0x00281101))
        {
            throw Damaged(name, "it is a palette colour image without a palette");
        }

        var stored = Value(0x00280101, allocated);
        var native = NativeSyntaxes.Contains(transferSyntax) || transferSyntax.Length == 0;
        if (native)
        {
            if (allocated >= 32 && stored != allocated)
            {
                throw Damaged(name, $"it stores {stored} of {allocated} allocated bits, which the decoder cannot unpack");
            }

            if (length == Undefined)
            {
                throw Damaged(name, "its uncompressed pixel data is encapsulated");
            }

            var needed = ((long)rows * columns * samples * frames * allocated + 7) / 8;
            if (length < needed)
            {
                throw new ImageReadException(ImageReadFailure.Truncated, $"{name} is damaged or truncated: its pixel data holds {length:N0} bytes, its attributes ({columns}×{rows}, {samples} sample(s), {allocated} bits, {frames} frame(s)) need {needed:N0}.");
            }

            return;
        }

        if (length != Undefined)
        {
            throw Damaged(name, $"its compressed pixel data ({transferSyntax}) is not encapsulated");
        }

        if (walker.FirstFragment is not { } fragment)
        {
            return;
        }

        var head = new byte[(int)Math.Min(fragment.Length, 4096)];
        var read = RandomAccess.Read(handle, head, fragment.At);
        var frame = FrameHeader(head.AsSpan(0, read));
        if (frame is { } f && (f.Width != columns || f.Height != rows || f.Components != samples || f.Bits > allocated || (!f.Jpeg2000 && f.Bits != stored) || allocated > 16))
        {
            throw Damaged(name, $"its compressed frame is {f.Width}×{f.Height} with {f.Components} component(s) of {f.Bits} bits, its attributes say {columns}×{rows}, {samples} sample(s), {stored} of {allocated} bits");
        }
    }

    /// <summary>Size, components and precision from a JPEG SOF (also JPEG-LS) or a JPEG 2000 SIZ marker; null when neither is found.</summary>
    private static (int Width, int Height, int Components, int Bits, bool Jpeg2000)? FrameHeader(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0x4F && b[2] == 0xFF && b[3] == 0x51)
        {
            // JPEG 2000 codestream: SOC, then SIZ: Lsiz Rsiz Xsiz Ysiz XOsiz YOsiz XTsiz YTsiz XTOsiz YTOsiz Csiz Ssiz…
            if (b.Length < 4 + 39)
            {
                return null;
            }

            var siz = b[4..];
            var width = BinaryPrimitives.ReadUInt32BigEndian(siz[4..]) - (long)BinaryPrimitives.ReadUInt32BigEndian(siz[12..]);
            var height = BinaryPrimitives.ReadUInt32BigEndian(siz[8..]) - (long)BinaryPrimitives.ReadUInt32BigEndian(siz[16..]);
            var components = BinaryPrimitives.ReadUInt16BigEndian(siz[36..]);
            var bits = (siz[38] & 0x7F) + 1;
            return ((int)Math.Clamp(width, int.MinValue, int.MaxValue), (int)Math.Clamp(height, int.MinValue, int.MaxValue), components, bits, true);
        }

        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8)
        {
            return null;
        }

        var at = 2;
        while (at + 4 <= b.Length && b[at] == 0xFF)
        {
            var marker = b[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(at + 2)..]);
            var isFrame = marker is (>= 0xC0 and <= 0xC3) or (>= 0xC5 and <= 0xC7) or (>= 0xC9 and <= 0xCB) or (>= 0xCD and <= 0xCF) or 0xF7;
            if (isFrame && at + 10 <= b.Length)
            {
                var bits = b[at + 4];
                var height = BinaryPrimitives.ReadUInt16BigEndian(b[(at + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(b[(at + 7)..]);
                return (width, height, b[at + 9], bits, false);
            }

            at += 2 + length;
        }

        return null;
    }

    private static ImageReadException Damaged(string name, string detail) =>
        new(ImageReadFailure.Corrupt, $"{name} is damaged: {detail}.");
}
