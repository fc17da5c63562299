using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>Reads DICOM element headers at file offsets and skips their values; see <see cref="DicomStructureCheck"/>.</summary>
internal sealed partial class DicomElementWalker(SafeFileHandle handle, long fileLength, string name, bool explicitVr, bool bigEndian, bool rle = false)
{
    private const uint Undefined = 0xFFFFFFFF;
    private const int MaxDepth = 32;
    private static readonly HashSet<string> LongVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];
    private static readonly HashSet<string> ShortVrs = ["AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT", "PN", "SH", "SL", "SS", "ST", "TM", "UI", "UL", "US"];
    private readonly byte[] _scratch = new byte[12];

    public HashSet<uint> TopLevelTags { get; } = [];

    /// <summary>Top-level elements walked without error; 0 when the first element already failed.</summary>
    public int TopLevelElementsRead { get; private set; }

    /// <summary>Top-level US values (image pixel module attributes) by tag, read on the way.</summary>
    public Dictionary<uint, ushort> TopLevelShorts { get; } = [];

    /// <summary>Short texts of group 0028 at the top level (photometric interpretation, number of frames).</summary>
    public Dictionary<uint, string> TopLevelTexts { get; } = [];

    /// <summary>The top-level pixel data's length (<see cref="Undefined"/> when encapsulated), null without pixel data.</summary>
    public uint? PixelDataLength { get; private set; }

    /// <summary>Where the first fragment of encapsulated pixel data lies (after the offset table), if any.</summary>
    public (long At, uint Length)? FirstFragment { get; private set; }

    public ushort PeekGroup(long position)
    {
        Read(position, 2);
        return U16(0);
    }

    public (uint Tag, uint Length, long ValueAt) Header(ref long position)
    {
        var (tag, length, valueAt, _) = HeaderWithVr(position);
        return (tag, length, valueAt);
    }

    private (uint Tag, uint Length, long ValueAt, string Vr) HeaderWithVr(long position)
    {
        Read(position, 8);
        var group = U16(0);
        var tag = ((uint)group << 16) | U16(2);
        if (group == 0xFFFE || !explicitVr)
        {
            return (tag, U32(4), position + 8, "");
        }

        var vr = Encoding.ASCII.GetString(_scratch, 4, 2);
        if (LongVrs.Contains(vr))
        {
            Read(position, 12);
            var length = U32(8);

            // Only sequences, UN and pixel data may have undefined length; GDCM asserts on anything else.
            if (length == Undefined && vr is not ("SQ" or "UN") && tag != 0x7FE00010)
            {
                throw Truncated($"element ({group:X4},{tag & 0xFFFF:X4}) {vr} has undefined length at offset {position}");
            }

            return (tag, length, position + 12, vr);
        }

        // GDCM asserts on a VR it does not know instead of reporting an error.
        if (!ShortVrs.Contains(vr))
        {
            throw Truncated($"unknown value representation at offset {position}");
        }

        return (tag, U16(6), position + 8, vr);
    }

    public void Elements(ref long position, int depth, bool untilItemEnd) => Elements(ref position, fileLength, depth, untilItemEnd);

    /// <summary>Walks elements up to <paramref name="end"/> (the file, or a defined-length item), or to an item delimiter.</summary>
    private void Elements(ref long position, long end, int depth, bool untilItemEnd)
    {
        if (depth > MaxDepth)
        {
            throw Truncated("sequences nest too deeply");
        }

        while (position < end)
        {
            if (!untilItemEnd && depth == 0 && end - position < 8 && IsZeroPadding(position))
            {
                return;
            }

            var (tag, length, valueAt, vr) = HeaderWithVr(position);
            if (!DicomExpectedVr.Accepts(tag, vr))
            {
                throw new ImageReadException(ImageReadFailure.Corrupt, $"{name} is damaged: ({tag >> 16:X4},{tag & 0xFFFF:X4}) has VR {vr}.");
            }

            if (depth == 0)
            {
                TopLevelTags.Add(tag);
                if (length == 2 && tag >> 16 == 0x0028)
                {
                    Read(valueAt, 2);
                    TopLevelShorts[tag] = U16(0);
                }

                if (tag is 0x00280004 or 0x00280008 && length < 64)
                {
                    TopLevelTexts[tag] = Text(valueAt, (int)length);
                }

                if (tag == 0x7FE00010)
                {
                    PixelDataLength = length;
                }
            }

            if (tag is 0xFFFEE00D or 0xFFFEE0DD && length != 0)
            {
                // GDCM loops or reads past the end on a delimiter that claims a value.
                throw new ImageReadException(ImageReadFailure.Corrupt, $"{name} is damaged: a delimiter at offset {position} claims {length} bytes.");
            }

            if (tag == 0xFFFEE00D)
            {
                position = valueAt;
                return;
            }

            if (length == Undefined)
            {
                position = valueAt;
                Items(ref position, depth + 1, rleFragments: rle && depth == 0 && tag == 0x7FE00010, pixelData: depth == 0 && tag == 0x7FE00010);
                continue;
            }

            Require(valueAt, length, end);
            if (vr == "SQ")
            {
                // GDCM parses defined-length sequences and asserts on items that overrun them.
                DefinedLengthItems(valueAt, valueAt + length, depth + 1);
            }

            position = valueAt + length;
            if (depth == 0)
            {
                TopLevelElementsRead++;
            }
        }

        if (untilItemEnd)
        {
            throw Truncated("an item has no end");
        }

        if (position != end)
        {
            throw Truncated($"an element overruns its item at offset {position}");
        }
    }

    private void DefinedLengthItems(long position, long end, int depth)
    {
        while (position < end)
        {
            var (tag, length, valueAt) = Header(ref position);
            if (tag != 0xFFFEE000)
            {
                throw Truncated($"expected an item at offset {position}");
            }

            if (length == Undefined)
            {
                position = valueAt;
                Elements(ref position, end, depth + 1, untilItemEnd: true);
                continue;
            }

            Require(valueAt, length, end);
            var inner = valueAt;
            Elements(ref inner, valueAt + length, depth + 1, untilItemEnd: false);
            position = valueAt + length;
        }
    }

    public void Require(long at, uint length) => Require(at, length, fileLength);

    private void Require(long at, uint length, long end)
    {
        if (at + length > end)
        {
            throw Truncated(end == fileLength
                ? $"an element needs {length} bytes at offset {at} but the file has {fileLength}"
                : $"an element of {length} bytes at offset {at} overruns its item");
        }
    }

    public uint UInt32At(long at)
    {
        Read(at, 4);
        return U32(0);
    }

    public string Text(long at, int length)
    {
        var bytes = new byte[length];
        RandomAccess.Read(handle, bytes, at);
        return Encoding.ASCII.GetString(bytes).TrimEnd('\0', ' ');
    }

    private bool IsZeroPadding(long position)
    {
        var count = (int)(fileLength - position);
        Read(position, count);
        return _scratch.AsSpan(0, count).IndexOfAnyExcept((byte)0) < 0;
    }

    private void Read(long position, int count)
    {
        if (position + count > fileLength || RandomAccess.Read(handle, _scratch.AsSpan(0, count), position) < count)
        {
            throw Truncated($"the file ends inside an element header at offset {position}");
        }
    }

    private ushort U16(int at) => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(_scratch.AsSpan(at)) : BinaryPrimitives.ReadUInt16LittleEndian(_scratch.AsSpan(at));

    private uint U32(int at) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(_scratch.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(_scratch.AsSpan(at));

    private ImageReadException Truncated(string detail) =>
        new(ImageReadFailure.Truncated, $"{name} is damaged or truncated ({detail}).");
}
