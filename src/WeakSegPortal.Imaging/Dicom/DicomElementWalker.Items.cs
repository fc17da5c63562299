using System.Buffers.Binary;

namespace WeakSegPortal.Imaging.Dicom;

/// <summary>The walker's items: undefined-length sequences and encapsulated pixel data, fragment by fragment.</summary>
internal sealed partial class DicomElementWalker
{
    // Undefined-length sequence or encapsulated pixel data: items until the sequence delimiter.
    private void Items(ref long position, int depth, bool rleFragments = false, bool pixelData = false)
    {
        var item = 0;
        while (true)
        {
            var (tag, length, valueAt) = Header(ref position);
            position = valueAt;
            if (tag is 0xFFFEE0DD or 0xFFFEE00D && length != 0)
            {
                throw new ImageReadException(ImageReadFailure.Corrupt, $"{name} is damaged: a delimiter at offset {valueAt - 8} claims {length} bytes.");
            }

            if (tag == 0xFFFEE0DD)
            {
                return;
            }

            if (pixelData && item == 1 && tag == 0xFFFEE000 && length != Undefined)
            {
                FirstFragment = (valueAt, length);
            }

            if (tag != 0xFFFEE000)
            {
                throw Truncated($"expected an item at offset {position - 8}");
            }

            if (length == Undefined)
            {
                Elements(ref position, depth + 1, untilItemEnd: true);
            }
            else
            {
                Require(valueAt, length);
                if (rleFragments && item > 0)
                {
                    CheckRleHeader(valueAt, length);
                }

                position = valueAt + length;
            }

            item++;
        }
    }

    /// <summary>An RLE fragment starts with its segment count (1–15) and increasing offsets inside it; GDCM asserts otherwise.</summary>
    private void CheckRleHeader(long at, uint length)
    {
        var header = new byte[64];
        if (length < 64 || RandomAccess.Read(handle, header, at) < 64)
        {
            throw Truncated("an RLE fragment is shorter than its header");
        }

        var segments = BinaryPrimitives.ReadUInt32LittleEndian(header);
        var previous = 0u;
        for (var s = 0; s < segments && s < 15; s++)
        {
            var offset = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4 + (4 * s)));
            if (offset < 64 || offset <= previous || offset >= length)
            {
                throw Truncated($"an RLE segment offset ({offset}) is outside its fragment");
            }

            previous = offset;
        }

        if (segments is 0 or > 15)
        {
            throw Truncated($"an RLE fragment claims {segments} segments");
        }
    }
}
