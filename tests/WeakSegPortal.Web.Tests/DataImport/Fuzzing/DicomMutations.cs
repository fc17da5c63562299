using System.Buffers.Binary;
using System.Text;

namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>
/// DICOM-aware mutations: a forgiving walk over the elements (Part 10 preamble, meta group in explicit
/// little endian, then the data set in the transfer syntax it names) finds every length field and the
/// image attributes; one mutant changes one of them: an element length (0, odd, ±1, past the end,
/// undefined), an image attribute (rows, columns, bits, samples, frames, spacing, orientation, slope)
/// or the transfer syntax.
/// </summary>
public static class DicomMutations
{
    /// <summary>An element: where its header starts, where its length field is (2 or 4 bytes), its value.</summary>
    private readonly record struct Element(uint Tag, int LengthOffset, int LengthSize, int ValueOffset, uint Length, bool BigEndian);

    private static readonly uint[] UShortTags = [0x00280010, 0x00280011, 0x00280100, 0x00280101, 0x00280102, 0x00280103, 0x00280002, 0x00280006];
    private static readonly uint[] TextTags = [0x00280008, 0x00280030, 0x00200032, 0x00200037, 0x00281053, 0x00281052, 0x00180050, 0x00280004, 0x00200013, 0x00020010];
    private static readonly string[] TextValues = ["0", "-1", "NaN", "1e999", "-0", "65536", "2147483648", "\\\\\\", "abc", "0\\0\\0\\0\\0\\0", "1\\0\\0\\1\\0\\0", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.2", "1.2.840.10008.1.2", "MONOCHROME3", "PALETTE COLOR", "YBR_FULL"];
    private static readonly ushort[] UShortValues = [0, 1, 2, 3, 7, 8, 12, 15, 16, 17, 24, 31, 32, 33, 64, 255, 256, 4096, 32767, 32768, 65535];

    public static (byte[] Bytes, string Mutation)? Mutate(byte[] seed, Random random)
    {
        var elements = Walk(seed);
        if (elements.Count == 0)
        {
            return null;
        }
        var bytes = (byte[])seed.Clone();
        switch (random.Next(3))
        {
            case 0:
                // Pixel data is the element whose length matters most: a quarter of the length mutations go there.
                var pixels = elements.Where(e => e.Tag == 0x7FE00010).ToList();
                var target = pixels.Count > 0 && random.Next(4) == 0 ? pixels[0] : elements[random.Next(elements.Count)];
                var length = LengthValue(target, bytes.Length, random);
                WriteLength(bytes, target, length);
                return (bytes, $"dicom length of ({target.Tag >> 16:X4},{target.Tag & 0xFFFF:X4}) {target.Length} -> {length}");
            case 1:
                var shorts = elements.Where(e => UShortTags.Contains(e.Tag) && e.Length == 2).ToList();
                if (shorts.Count == 0)
                {
                    return null;
                }
                var field = shorts[random.Next(shorts.Count)];
                var value = UShortValues[random.Next(UShortValues.Length)];
                if (field.BigEndian)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(field.ValueOffset), value);
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(field.ValueOffset), value);
                }
                return (bytes, $"dicom ({field.Tag >> 16:X4},{field.Tag & 0xFFFF:X4}) = {value}");
            default:
                var texts = elements.Where(e => TextTags.Contains(e.Tag) && e.Length is > 0 and < 256).ToList();
                if (texts.Count == 0)
                {
                    return null;
                }
                var text = texts[random.Next(texts.Count)];
                var replacement = TextValues[random.Next(TextValues.Length)];
                // Same length as before, so that the structure around stays intact and the meaning is what changes.
                var padded = Encoding.ASCII.GetBytes(replacement.PadRight((int)text.Length)[..(int)text.Length]);
                padded.CopyTo(bytes, text.ValueOffset);
                return (bytes, $"dicom ({text.Tag >> 16:X4},{text.Tag & 0xFFFF:X4}) = '{replacement}'");
        }
    }

    private static uint LengthValue(Element e, int fileLength, Random random)
    {
        var remaining = (uint)Math.Max(0, fileLength - e.ValueOffset);
        uint[] candidates = e.LengthSize == 2
            ? [0, 1, e.Length + 1, e.Length - 1, e.Length * 2, 0xFFFF, 0xFFFE, Math.Min(remaining + 1, 0xFFFF)]
            : [0, 1, e.Length + 1, e.Length - 1, e.Length * 2, remaining + 1, remaining + 4096, 0xFFFFFFFF, 0xFFFFFFFE, 0x7FFFFFFF, 0x80000000];
        return candidates[random.Next(candidates.Length)] & (e.LengthSize == 2 ? 0xFFFFu : 0xFFFFFFFFu);
    }

    private static void WriteLength(byte[] bytes, Element e, uint length)
    {
        var span = bytes.AsSpan(e.LengthOffset);
        switch (e.LengthSize, e.BigEndian)
        {
            case (2, false): BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)length); break;
            case (2, true): BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)length); break;
            case (_, false): BinaryPrimitives.WriteUInt32LittleEndian(span, length); break;
            default: BinaryPrimitives.WriteUInt32BigEndian(span, length); break;
        }
    }

    private static readonly HashSet<string> LongVrs = ["OB", "OW", "OF", "SQ", "UT", "UN", "OD", "OL", "OV", "SV", "UV", "UC", "UR"];

    /// <summary>Every element header it can find; stops quietly where the file stops making sense.</summary>
    private static List<Element> Walk(byte[] b)
    {
        var elements = new List<Element>();
        var at = b.Length >= 132 && b[128] == 'D' && b[129] == 'I' && b[130] == 'C' && b[131] == 'M' ? 132 : 0;
        var explicitVr = true;
        var bigEndian = false;
        var syntaxKnown = false;
        var encapsulated = false;
        while (at + 8 <= b.Length && elements.Count < 4000)
        {
            var group = Read16(b, at, bigEndian);
            if (!syntaxKnown && group != 0x0002)
            {
                // The meta group is over: the data set follows in the syntax (0002,0010) named.
                var syntax = elements.FirstOrDefault(e => e.Tag == 0x00020010);
                var uid = syntax.Length > 0 ? Encoding.ASCII.GetString(b, syntax.ValueOffset, (int)syntax.Length).TrimEnd('\0', ' ') : "1.2.840.10008.1.2.1";
                explicitVr = uid != "1.2.840.10008.1.2";
                bigEndian = uid == "1.2.840.10008.1.2.2";
                syntaxKnown = true;
                group = Read16(b, at, bigEndian);
            }
            var tag = ((uint)group << 16) | Read16(b, at + 2, bigEndian);
            if (group == 0xFFFE)
            {
                var itemLength = Read32(b, at + 4, bigEndian);
                elements.Add(new Element(tag, at + 4, 4, at + 8, itemLength, bigEndian));
                // Fragments of encapsulated pixel data are skipped whole; items of a sequence are entered.
                at += encapsulated && tag == 0xFFFEE000 && itemLength != 0xFFFFFFFF ? 8 + (int)Math.Min(itemLength, (uint)b.Length) : 8;
                if (tag == 0xFFFEE0DD)
                {
                    encapsulated = false;
                }
                continue;
            }
            var isMeta = group == 0x0002;
            var explicitHere = isMeta || explicitVr;
            var bigHere = !isMeta && bigEndian;
            int lengthOffset, lengthSize, header;
            if (explicitHere)
            {
                var vr = Encoding.ASCII.GetString(b, at + 4, 2);
                if (LongVrs.Contains(vr))
                {
                    (lengthOffset, lengthSize, header) = (at + 8, 4, 12);
                }
                else
                {
                    (lengthOffset, lengthSize, header) = (at + 6, 2, 8);
                }
            }
            else
            {
                (lengthOffset, lengthSize, header) = (at + 4, 4, 8);
            }
            if (at + header > b.Length)
            {
                break;
            }
            var length = lengthSize == 2 ? Read16(b, lengthOffset, bigHere) : Read32(b, lengthOffset, bigHere);
            elements.Add(new Element(tag, lengthOffset, lengthSize, at + header, length, bigHere));
            if (length == 0xFFFFFFFF)
            {
                encapsulated = tag == 0x7FE00010;
                at += header; // undefined length: its items follow
            }
            else if (explicitHere && Encoding.ASCII.GetString(b, at + 4, 2) == "SQ")
            {
                at += header;
            }
            else
            {
                if (length > b.Length - at - header)
                {
                    break;
                }
                at += header + (int)length;
            }
        }
        return elements;
    }

    private static ushort Read16(byte[] b, int at, bool big) =>
        big ? BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));

    private static uint Read32(byte[] b, int at, bool big) =>
        big ? BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));
}
