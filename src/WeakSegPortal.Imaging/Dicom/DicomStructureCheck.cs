using System.Buffers.Binary;
using System.Text;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>
/// Walks a Part 10 file's element headers (nested sequences and pixel fragments included) without
/// reading values, to reject a truncated file before GDCM sees it: GDCM aborts the whole process on
/// some truncations (a failed C++ assert) and silently zero-fills short pixel data on others.
/// </summary>
internal static class DicomStructureCheck
{
    private const uint Undefined = 0xFFFFFFFF;
    private const int MaxDepth = 32;
    private static readonly HashSet<string> LongVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];

    /// <summary>Throws a Truncated <see cref="ImageReadException"/> when an element runs past the end of the file.</summary>
    public static void EnsureComplete(string path)
    {
        var data = File.ReadAllBytes(path);
        if (data.Length < 132 || Encoding.ASCII.GetString(data, 128, 4) != "DICM")
        {
            // Files without a preamble are rare and GDCM guesses their encoding; leave them to it.
            return;
        }

        var name = Path.GetFileName(path);
        var position = 132;
        var transferSyntax = "";
        var sopClass = "";
        var meta = new Walker(data, name, explicitVr: true, bigEndian: false);
        while (position + 4 <= data.Length && BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(position)) == 0x0002)
        {
            var (tag, length, valueAt) = meta.Header(ref position);
            meta.Require(valueAt, length);
            if (tag == 0x00020010)
            {
                transferSyntax = Encoding.ASCII.GetString(data, valueAt, (int)length).TrimEnd('\0', ' ');
            }
            else if (tag == 0x00020002)
            {
                sopClass = Encoding.ASCII.GetString(data, valueAt, (int)length).TrimEnd('\0', ' ');
            }

            position = valueAt + (int)length;
        }

        if (transferSyntax == "1.2.840.10008.1.2.1.99")
        {
            return; // Deflated: the data set is a zlib stream, not element headers.
        }

        var explicitVr = transferSyntax != "1.2.840.10008.1.2";
        var bigEndian = transferSyntax == "1.2.840.10008.1.2.2";
        Walker walker;
        try
        {
            walker = new Walker(data, name, explicitVr, bigEndian);
            var start = position;
            walker.Elements(ref start, data.Length, 0, untilItemEnd: false);
        }
        catch (ImageReadException declaredFailed)
        {
            // Some writers declare one VR encoding and use the other; readers (pydicom, GDCM) guess, so do we.
            walker = new Walker(data, name, !explicitVr, bigEndian);
            try
            {
                walker.Elements(ref position, data.Length, 0, untilItemEnd: false);
            }
            catch (ImageReadException)
            {
                throw declaredFailed;
            }
        }

        // GDCM asserts (and so kills the process) on an RT Dose without NumberOfFrames.
        if (sopClass == RtDoseStorage && !walker.TopLevelTags.Contains(0x00280008))
        {
            throw new ImageReadException(ImageReadFailure.UnsupportedFormat, $"{name} is an RT Dose without NumberOfFrames, which the DICOM decoder cannot read safely.");
        }
    }

    private const string RtDoseStorage = "1.2.840.10008.5.1.4.1.1.481.2";

    private sealed class Walker(byte[] data, string name, bool explicitVr, bool bigEndian)
    {
        public HashSet<uint> TopLevelTags { get; } = [];

        public (uint Tag, uint Length, int ValueAt) Header(ref int position)
        {
            Require(position, 8);
            var group = U16(position);
            var element = U16(position + 2);
            var tag = ((uint)group << 16) | element;
            if (group == 0xFFFE || !explicitVr)
            {
                return (tag, U32(position + 4), position + 8);
            }

            var vr = Encoding.ASCII.GetString(data, position + 4, 2);
            if (LongVrs.Contains(vr))
            {
                Require(position, 12);
                return (tag, U32(position + 8), position + 12);
            }

            return (tag, U16(position + 6), position + 8);
        }

        public void Elements(ref int position, int end, int depth, bool untilItemEnd)
        {
            if (depth > MaxDepth)
            {
                throw Truncated("sequences nest too deeply");
            }

            while (position < end)
            {
                if (!untilItemEnd && end - position < 8 && data.AsSpan(position, end - position).IndexOfAnyExcept((byte)0) < 0)
                {
                    return; // trailing zero padding
                }

                var (tag, length, valueAt) = Header(ref position);
                if (depth == 0)
                {
                    TopLevelTags.Add(tag);
                }

                if (tag == 0xFFFEE00D)
                {
                    position = valueAt;
                    return;
                }

                if (length == Undefined)
                {
                    position = valueAt;
                    Items(ref position, depth + 1);
                    continue;
                }

                Require(valueAt, length);
                position = valueAt + (int)length;
            }

            if (untilItemEnd)
            {
                throw Truncated("an item has no end");
            }
        }

        public void Require(int at, uint length)
        {
            if ((long)at + length > data.Length)
            {
                throw Truncated($"an element needs {length} bytes at offset {at} but the file has {data.Length}");
            }
        }

        // Undefined-length sequence or encapsulated pixel data: items until the sequence delimiter.
        private void Items(ref int position, int depth)
        {
            while (true)
            {
                var (tag, length, valueAt) = Header(ref position);
                position = valueAt;
                if (tag == 0xFFFEE0DD)
                {
                    return;
                }

                if (tag != 0xFFFEE000)
                {
                    throw Truncated($"expected an item at offset {position - 8}");
                }

                if (length == Undefined)
                {
                    Elements(ref position, data.Length, depth + 1, untilItemEnd: true);
                }
                else
                {
                    Require(valueAt, length);
                    position = valueAt + (int)length;
                }
            }
        }

        private ushort U16(int at) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(at)) : BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at));

        private uint U32(int at) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at));

        private ImageReadException Truncated(string detail) =>
            new(ImageReadFailure.Truncated, $"{name} is damaged or truncated ({detail}).");
    }
}
