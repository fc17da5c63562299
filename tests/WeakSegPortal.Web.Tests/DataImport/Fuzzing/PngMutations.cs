using System.Buffers.Binary;

namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>
/// PNG-aware mutations: a chunk's length (0, ±1, huge, past the end), a wrong CRC, an IHDR field
/// (width, height, bit depth, colour type, compression, filter, interlace) with the CRC fixed so the
/// decoder looks further, a damaged or cut IDAT with a valid CRC, a missing IEND, a repeated IDAT.
/// </summary>
public static class PngMutations
{
    private static readonly uint[] Dimensions = [0, 1, 2, 65535, 65536, 1 << 20, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];
    private static readonly string[] HeaderFields = ["bit depth", "colour type", "compression", "filter", "interlace"];
    private static readonly byte[] HeaderBytes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 32, 255];

    public static (byte[] Bytes, string Mutation)? Mutate(byte[] seed, Random random)
    {
        var chunks = PngChunks.Walk(seed);
        if (chunks.Count == 0)
        {
            return null;
        }
        var bytes = (byte[])seed.Clone();
        var ihdr = chunks.FirstOrDefault(c => c.Type == "IHDR");
        var idat = chunks.FirstOrDefault(c => c.Type == "IDAT");
        switch (random.Next(6))
        {
            case 0:
                var chunk = chunks[random.Next(chunks.Count)];
                uint[] lengths = [0, 1, chunk.Length + 1, chunk.Length - 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, (uint)(bytes.Length - chunk.Offset)];
                var length = lengths[random.Next(lengths.Length)];
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(chunk.Offset), length);
                return (bytes, $"png {chunk.Type} length {chunk.Length} -> {length}");
            case 1:
                var bad = chunks[random.Next(chunks.Count)];
                bytes[bad.CrcOffset + random.Next(4)] ^= (byte)(1 + random.Next(255));
                return (bytes, $"png {bad.Type} crc");
            case 2 when ihdr.Length >= 13:
                var field = random.Next(7);
                string what;
                if (field < 2)
                {
                    var v = Dimensions[random.Next(Dimensions.Length)];
                    BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(ihdr.DataOffset + (4 * field)), v);
                    what = $"{(field == 0 ? "width" : "height")} = {v}";
                }
                else
                {
                    var v = HeaderBytes[random.Next(HeaderBytes.Length)];
                    bytes[ihdr.DataOffset + 6 + field] = v;
                    what = $"{HeaderFields[field - 2]} = {v}";
                }
                if (random.Next(5) != 0)
                {
                    PngChunks.FixCrc(bytes, ihdr);
                }
                return (bytes, $"png IHDR {what}");
            case 3 when idat.Length > 2:
                // Damage the zlib stream but keep the chunk valid, so the inflater sees it.
                for (var n = 1 + random.Next(8); n > 0; n--)
                {
                    bytes[idat.DataOffset + random.Next((int)idat.Length)] ^= (byte)(1 << random.Next(8));
                }
                PngChunks.FixCrc(bytes, idat);
                return (bytes, "png IDAT data (valid crc)");
            case 4 when idat.Length > 2:
                var keep = (uint)random.Next((int)idat.Length);
                var cut = new List<byte>(bytes[..idat.DataOffset]);
                cut.AddRange(bytes.AsSpan(idat.DataOffset, (int)keep).ToArray());
                cut.AddRange(new byte[4]);
                cut.AddRange(bytes[(idat.CrcOffset + 4)..]);
                var shortened = cut.ToArray();
                BinaryPrimitives.WriteUInt32BigEndian(shortened.AsSpan(idat.Offset), keep);
                PngChunks.FixCrc(shortened, idat with { Length = keep });
                return (shortened, $"png IDAT cut to {keep} of {idat.Length} (valid crc)");
            default:
                var iend = chunks.FirstOrDefault(c => c.Type == "IEND");
                if (idat.Type is not null && (iend.Type is null || random.Next(2) == 0))
                {
                    var whole = bytes.AsSpan(idat.Offset, (int)idat.Length + 12).ToArray();
                    var times = 1 + random.Next(50);
                    return ([.. bytes[..(idat.CrcOffset + 4)], .. Enumerable.Repeat(whole, times).SelectMany(x => x), .. bytes[(idat.CrcOffset + 4)..]], $"png IDAT repeated x{times}");
                }
                return iend.Type is null ? null : (bytes[..iend.Offset], "png without IEND");
        }
    }
}
