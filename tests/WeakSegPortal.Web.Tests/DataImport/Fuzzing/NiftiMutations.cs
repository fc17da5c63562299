using System.Buffers.Binary;
using System.IO.Compression;

namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>
/// NIfTI-aware mutations of the header of a NIfTI-1 or NIfTI-2 file (either byte order; a .nii.gz is
/// inflated, mutated and compressed again): one field among sizeof_hdr, dim[0..7], datatype, bitpix,
/// pixdim, vox_offset, scl_slope/inter, qform/sform codes, quaternions, srow and magic gets an extreme value.
/// </summary>
public static class NiftiMutations
{
    private enum Kind
    {
        I16,
        I32,
        I64,
        F32,
        F64,
    }

    private static readonly (string Name, int Offset, Kind Kind)[] Nifti1 =
    [
        ("sizeof_hdr", 0, Kind.I32), .. Fields("dim", 40, 2, 8, Kind.I16), ("datatype", 70, Kind.I16), ("bitpix", 72, Kind.I16),
        .. Fields("pixdim", 76, 4, 8, Kind.F32), ("vox_offset", 108, Kind.F32), ("scl_slope", 112, Kind.F32), ("scl_inter", 116, Kind.F32),
        ("qform_code", 252, Kind.I16), ("sform_code", 254, Kind.I16), .. Fields("quatern_qoffset", 256, 4, 6, Kind.F32), .. Fields("srow", 280, 4, 12, Kind.F32),
        ("magic", 344, Kind.I32),
    ];

    private static readonly (string Name, int Offset, Kind Kind)[] Nifti2 =
    [
        ("sizeof_hdr", 0, Kind.I32), ("magic", 4, Kind.I32), ("datatype", 12, Kind.I16), ("bitpix", 14, Kind.I16), .. Fields("dim", 16, 8, 8, Kind.I64),
        .. Fields("pixdim", 104, 8, 8, Kind.F64), ("vox_offset", 168, Kind.I64), ("scl_slope", 176, Kind.F64), ("scl_inter", 184, Kind.F64),
        ("qform_code", 344, Kind.I32), ("sform_code", 348, Kind.I32), .. Fields("quatern_qoffset", 352, 8, 6, Kind.F64), .. Fields("srow", 400, 8, 12, Kind.F64),
    ];

    private static readonly long[] Integers = [0, 1, -1, 2, 3, 4, 5, 7, 8, 16, 64, 128, 255, 256, 348, 352, 540, 544, 1024, 2304, 32767, -32768, 65535, 1 << 20, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue];
    private static readonly double[] Reals = [0, -0.0, 1, -1, 1e-30, 1e30, double.NaN, double.PositiveInfinity, double.NegativeInfinity, float.MaxValue, 348, 352, 353, 1e9, 4e9];

    public static (byte[] Bytes, string Mutation)? Mutate(byte[] seed, bool gzip, Random random)
    {
        var bytes = gzip ? Inflate(seed) : (byte[])seed.Clone();
        if (bytes is null || bytes.Length < 348)
        {
            return null;
        }
        var le = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var be = BinaryPrimitives.ReadInt32BigEndian(bytes);
        var little = le is 348 or 540;
        var size = little ? le : be;
        if (size is not (348 or 540) || bytes.Length < size)
        {
            return null;
        }
        var fields = size == 348 ? Nifti1 : Nifti2;
        var (name, offset, kind) = fields[random.Next(fields.Length)];
        // dim and vox_offset are where readers go wrong: a third of the mutations hit them.
        if (random.Next(3) == 0)
        {
            var hot = fields.Where(f => f.Name is "dim" or "vox_offset" or "datatype" or "bitpix").ToArray();
            (name, offset, kind) = hot[random.Next(hot.Length)];
        }
        var span = bytes.AsSpan(offset);
        string value;
        if (kind is Kind.F32 or Kind.F64)
        {
            var v = Reals[random.Next(Reals.Length)];
            value = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (kind == Kind.F32)
            {
                var bits = BitConverter.SingleToInt32Bits((float)v);
                if (little) BinaryPrimitives.WriteInt32LittleEndian(span, bits); else BinaryPrimitives.WriteInt32BigEndian(span, bits);
            }
            else
            {
                var bits = BitConverter.DoubleToInt64Bits(v);
                if (little) BinaryPrimitives.WriteInt64LittleEndian(span, bits); else BinaryPrimitives.WriteInt64BigEndian(span, bits);
            }
        }
        else
        {
            var v = Integers[random.Next(Integers.Length)];
            value = v.ToString(System.Globalization.CultureInfo.InvariantCulture);
            switch (kind)
            {
                case Kind.I16 when little: BinaryPrimitives.WriteInt16LittleEndian(span, (short)v); break;
                case Kind.I16: BinaryPrimitives.WriteInt16BigEndian(span, (short)v); break;
                case Kind.I32 when little: BinaryPrimitives.WriteInt32LittleEndian(span, (int)v); break;
                case Kind.I32: BinaryPrimitives.WriteInt32BigEndian(span, (int)v); break;
                case Kind.I64 when little: BinaryPrimitives.WriteInt64LittleEndian(span, v); break;
                default: BinaryPrimitives.WriteInt64BigEndian(span, v); break;
            }
        }
        return (gzip ? Deflate(bytes) : bytes, $"nifti-{(size == 348 ? 1 : 2)} {name}@{offset} = {value}");
    }

    private static IEnumerable<(string, int, Kind)> Fields(string name, int offset, int step, int count, Kind kind) =>
        Enumerable.Range(0, count).Select(n => (name, offset + (step * n), kind));

    private static byte[]? Inflate(byte[] gz)
    {
        try
        {
            using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static byte[] Deflate(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(bytes);
        }
        return output.ToArray();
    }
}
