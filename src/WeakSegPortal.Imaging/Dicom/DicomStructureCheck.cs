using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// Walks a Part 10 file's element headers (nested sequences and pixel fragments included), reading
/// only the few header bytes of each element, to reject a truncated file before GDCM sees it: GDCM
/// aborts the whole process on some truncations (a failed C++ assert) and silently zero-fills short
/// pixel data on others.
/// </summary>
internal static class DicomStructureCheck
{
    private const string RtDoseStorage = "1.2.840.10008.5.1.4.1.1.481.2";
    private const string ImplicitLittleEndian = "1.2.840.10008.1.2";

    /// <summary>GDCM asserts on impossible pixel descriptions (seen with corrupted files); refuse them first.</summary>
    private static void EnsurePlausiblePixelModule(DicomElementWalker walker, string name)
    {
        var shorts = walker.TopLevelShorts;
        ushort Value(uint tag, ushort fallback) => shorts.TryGetValue(tag, out var v) ? v : fallback;
        var samples = Value(0x00280002, 1);
        var allocated = Value(0x00280100, 16);
        var stored = Value(0x00280101, allocated);
        var highBit = Value(0x00280102, (ushort)Math.Max(0, stored - 1));
        var representation = Value(0x00280103, 0);
        var planar = Value(0x00280006, 0);
        if (samples is not (1 or 3 or 4) || allocated is not (1 or 8 or 16 or 32 or 64) || stored > allocated || stored == 0 ||
            highBit >= allocated || representation > 1 || planar > 1 || (allocated == 1 && (representation != 0 || samples != 1)))
        {
            throw new ImageReadException(
                ImageReadFailure.Corrupt,
                $"{name} describes impossible pixels (samples {samples}, bits allocated {allocated}, stored {stored}, high bit {highBit}); the file is damaged.");
        }
    }

    /// <summary>Throws an <see cref="ImageReadException"/> when the file is truncated or would crash the decoder.</summary>
    public static void EnsureComplete(string path)
    {
        using var handle = File.OpenHandle(path);
        var length = RandomAccess.GetLength(handle);
        Span<byte> magic = stackalloc byte[4];
        if (length < 132 || RandomAccess.Read(handle, magic, 128) < 4 || !magic.SequenceEqual("DICM"u8))
        {
            // Files without a preamble are rare and GDCM guesses their encoding; leave them to it.
            return;
        }

        var name = Path.GetFileName(path);
        long position = 132;
        var transferSyntax = "";
        var sopClass = "";
        long? declaredMetaEnd = null;
        var meta = new DicomElementWalker(handle, length, name, explicitVr: true, bigEndian: false);
        while (position + 4 <= length && meta.PeekGroup(position) == 0x0002)
        {
            var (tag, valueLength, valueAt) = meta.Header(ref position);
            meta.Require(valueAt, valueLength);
            if (tag is 0x00020010 or 0x00020002 && valueLength < 256)
            {
                var text = meta.Text(valueAt, (int)valueLength);
                (transferSyntax, sopClass) = tag == 0x00020010 ? (text, sopClass) : (transferSyntax, text);
            }
            else if (tag == 0x00020000 && valueLength == 4)
            {
                declaredMetaEnd = valueAt + 4 + meta.UInt32At(valueAt);
            }

            position = valueAt + valueLength;
        }

        // A group length reaching past the meta header makes GDCM assert while reading it.
        if (declaredMetaEnd > position)
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, $"{name} is damaged: its meta header claims {declaredMetaEnd - 132} bytes but holds {position - 132}.");
        }

        if (transferSyntax == "1.2.840.10008.1.2.1.99")
        {
            return; // Deflated: the data set is a zlib stream, not element headers.
        }

        var explicitVr = transferSyntax != ImplicitLittleEndian;
        var bigEndian = transferSyntax == "1.2.840.10008.1.2.2";
        var rle = transferSyntax == "1.2.840.10008.1.2.5";
        var walker = new DicomElementWalker(handle, length, name, explicitVr, bigEndian, rle);
        try
        {
            var start = position;
            walker.Elements(ref start, 0, untilItemEnd: false);
        }
        catch (ImageReadException declaredFailed) when (walker.TopLevelElementsRead == 0)
        {
            // Some writers declare one VR encoding and use the other; readers (pydicom, GDCM) guess, so do we.
            walker = new DicomElementWalker(handle, length, name, !explicitVr, bigEndian, rle);
            try
            {
                walker.Elements(ref position, 0, untilItemEnd: false);
            }
            catch (ImageReadException)
            {
                throw declaredFailed;
            }
        }

        EnsurePlausiblePixelModule(walker, name);
        DicomPixelDataCheck.Ensure(walker, handle, transferSyntax, name);

        // GDCM asserts (and so kills the process) on an RT Dose without NumberOfFrames.
        if (sopClass == RtDoseStorage && !walker.TopLevelTags.Contains(0x00280008))
        {
            throw new ImageReadException(ImageReadFailure.UnsupportedFormat, $"{name} is an RT Dose without NumberOfFrames, which the DICOM decoder cannot read safely.");
        }
    }
}
