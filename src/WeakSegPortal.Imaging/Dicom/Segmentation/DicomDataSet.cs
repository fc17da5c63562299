using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace WeakSegPortal.Imaging.Dicom.Segmentation;

/// <summary>
/// A data set being written: elements by tag (kept in tag order, as the standard requires), values already padded to an even
/// length, sequences as lists of nested data sets. Written as Explicit VR Little Endian by <see cref="WriteTo"/>; sequences
/// and items with undefined length and their delimiters, which every reader accepts.
/// </summary>
public sealed class DicomDataSet
{
    private static readonly HashSet<string> LongLengthVrs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT"];
    private readonly SortedDictionary<DicomTag, (string Vr, byte[]? Value, IReadOnlyList<DicomDataSet>? Items)> _elements = [];

    public bool Contains(DicomTag tag) => _elements.ContainsKey(tag);

    /// <summary>A text value (several values joined by '\'); UI is padded with NUL, everything else with a space.</summary>
    public DicomDataSet Text(ushort group, ushort element, string vr, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = string.Join('\\', values);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length % 2 == 1)
        {
            bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
        }
        _elements[new DicomTag(group, element)] = (vr, bytes, null);
        return this;
    }

    /// <summary>Decimal strings (DS) in invariant culture, at most 16 characters each as the standard allows.</summary>
    public DicomDataSet Decimals(ushort group, ushort element, params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Text(group, element, "DS", [.. values.Select(DecimalString)]);
    }

    public DicomDataSet Integer(ushort group, ushort element, int value) =>
        Text(group, element, "IS", value.ToString(CultureInfo.InvariantCulture));

    public DicomDataSet UnsignedShorts(ushort group, ushort element, params ushort[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[2 * values.Length];
        for (var n = 0; n < values.Length; n++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * n), values[n]);
        }
        return Bytes(group, element, "US", bytes);
    }

    public DicomDataSet UnsignedLongs(ushort group, ushort element, params uint[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[4 * values.Length];
        for (var n = 0; n < values.Length; n++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * n), values[n]);
        }
        return Bytes(group, element, "UL", bytes);
    }

    /// <summary>Attribute tags (AT): each as group then element, little endian.</summary>
    public DicomDataSet Tags(ushort group, ushort element, params DicomTag[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = new byte[4 * values.Length];
        for (var n = 0; n < values.Length; n++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4 * n), values[n].Group);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(4 * n + 2), values[n].Element);
        }
        return Bytes(group, element, "AT", bytes);
    }

    /// <summary>A binary value; an odd length is padded with one zero byte.</summary>
    public DicomDataSet Bytes(ushort group, ushort element, string vr, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _elements[new DicomTag(group, element)] = (vr, value.Length % 2 == 0 ? value : [.. value, 0], null);
        return this;
    }

    public DicomDataSet Sequence(ushort group, ushort element, params DicomDataSet[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _elements[new DicomTag(group, element)] = ("SQ", null, items);
        return this;
    }

    public void WriteTo(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var (tag, (vr, value, items)) in _elements)
        {
            WriteHeader(output, tag, vr, items is null ? (uint)value!.Length : uint.MaxValue);
            if (items is null)
            {
                output.Write(value);
                continue;
            }
            foreach (var item in items)
            {
                WriteMarker(output, 0xe000, uint.MaxValue);
                item.WriteTo(output);
                WriteMarker(output, 0xe00d, 0);
            }
            WriteMarker(output, 0xe0dd, 0);
        }
    }

    /// <summary>The bytes <see cref="WriteTo"/> writes, for a group length.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    private static void WriteHeader(Stream output, DicomTag tag, string vr, uint length)
    {
        Span<byte> head = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(head, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(head[2..], tag.Element);
        head[4] = (byte)vr[0];
        head[5] = (byte)vr[1];
        if (LongLengthVrs.Contains(vr))
        {
            head[6] = 0;
            head[7] = 0;
            BinaryPrimitives.WriteUInt32LittleEndian(head[8..], length);
            output.Write(head);
            return;
        }
        if (length > ushort.MaxValue)
        {
            throw new InvalidOperationException($"{tag} ({vr}) is {length} bytes, more than a short-length value may hold.");
        }
        BinaryPrimitives.WriteUInt16LittleEndian(head[6..], (ushort)length);
        output.Write(head[..8]);
    }

    private static void WriteMarker(Stream output, ushort element, uint length)
    {
        Span<byte> marker = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(marker, 0xfffe);
        BinaryPrimitives.WriteUInt16LittleEndian(marker[2..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(marker[4..], length);
        output.Write(marker);
    }

    private static string DecimalString(double value)
    {
        // "R" round-trips but may exceed DS's 16 characters; fewer significant digits until it fits.
        for (var digits = 15; digits > 0; digits--)
        {
            var text = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (text.Length <= 16)
            {
                return text == "-0" ? "0" : text;
            }
        }
        return "0";
    }
}
