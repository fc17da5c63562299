using System.Buffers.Binary;
using System.IO.Compression;

namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>
/// Zip-aware mutations: a field of a local header, a central directory entry or the end record
/// (sizes, CRC, method, name and extra lengths, local header offset, entry count, directory size and
/// offset) gets an extreme value; or a new archive is built around a mutant of another seed, nested
/// several archives deep, with names that climb out (../, absolute, backslashes, NUL) or an entry that
/// inflates a thousandfold.
/// </summary>
public static class ZipMutations
{
    private static readonly (string Name, int Offset, int Size)[] Local =
        [("method", 8, 2), ("crc", 14, 4), ("compressed", 18, 4), ("uncompressed", 22, 4), ("name length", 26, 2), ("extra length", 28, 2), ("flags", 6, 2)];

    private static readonly (string Name, int Offset, int Size)[] Central =
        [("method", 10, 2), ("crc", 16, 4), ("compressed", 20, 4), ("uncompressed", 24, 4), ("name length", 28, 2), ("extra length", 30, 2), ("comment length", 32, 2), ("disk", 34, 2), ("local offset", 42, 4)];

    private static readonly (string Name, int Offset, int Size)[] End =
        [("disk", 4, 2), ("directory disk", 6, 2), ("entries here", 8, 2), ("entries", 10, 2), ("directory size", 12, 4), ("directory offset", 16, 4), ("comment length", 20, 2)];

    private static readonly uint[] Values = [0, 1, 2, 8, 12, 99, 0xFFFF, 0xFFFE, 0x7FFFFFFF, 0xFFFFFFFF, 0x80000000, 1 << 20];

    private static readonly string[] EvilNames = ["../escape.png", "/absolute.png", "a/../../b.png", "..\\win.png", "C:/drive.png", "nul\0byte.png", "deep/" + string.Concat(Enumerable.Repeat("d/", 60)) + "x.png", new string('n', 300) + ".png"];

    public static (byte[] Bytes, string Mutation)? Mutate(byte[] seed, Random random, FuzzMutator mutator, IReadOnlyList<FuzzSeed> seeds)
    {
        if (random.Next(2) == 0)
        {
            return Structural(seed, random);
        }
        var inner = seeds.Where(s => s.Format != FuzzFormat.Zip && s.Companions.Count == 0).ToList();
        var pick = inner[random.Next(inner.Count)];
        var (mutant, how) = mutator.Mutate(pick);
        var name = "in/" + pick.Name;
        switch (random.Next(4))
        {
            case 0:
                return (FuzzSeeds.ZipOf(CompressionLevel.Fastest, (name, mutant)), $"zip of {pick.Name}: {how}");
            case 1:
                var depth = 1 + random.Next(4);
                var nested = FuzzSeeds.ZipOf(CompressionLevel.Fastest, (name, mutant));
                for (var n = 0; n < depth; n++)
                {
                    nested = FuzzSeeds.ZipOf(CompressionLevel.Fastest, ($"level{n}.zip", nested));
                }
                return (FuzzSeeds.ZipOf(CompressionLevel.Fastest, ("nested.zip", nested), (name, mutant)), $"zip nesting {depth + 1} deep around {pick.Name}: {how}");
            case 2:
                var evil = EvilNames[random.Next(EvilNames.Length)];
                return (FuzzSeeds.ZipOf(CompressionLevel.Fastest, (evil, pick.Bytes), (name, mutant)), $"zip with entry '{evil[..Math.Min(evil.Length, 40)].Replace("\0", "\\0", StringComparison.Ordinal)}' beside {pick.Name}: {how}");
            default:
                var zeros = new byte[(1 + random.Next(8)) * 1024 * 1024];
                var bomb = FuzzSeeds.ZipOf(CompressionLevel.Optimal, ("zeros.bin", zeros), (name, mutant));
                // Half of the bombs lie about their size, so that only the bytes actually inflated can tell.
                if (random.Next(2) == 0)
                {
                    foreach (var at in Signatures(bomb, 0x04034b50).Take(1))
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(bomb.AsSpan(at + 22), 1000);
                    }
                    foreach (var at in Signatures(bomb, 0x02014b50).Take(1))
                    {
                        BinaryPrimitives.WriteUInt32LittleEndian(bomb.AsSpan(at + 24), 1000);
                    }
                }
                return (bomb, $"zip with {zeros.Length >> 20} MiB of zeros beside {pick.Name}: {how}");
        }
    }

    private static (byte[] Bytes, string Mutation)? Structural(byte[] seed, Random random)
    {
        var bytes = (byte[])seed.Clone();
        var records = new List<(string Kind, int At, (string Name, int Offset, int Size)[] Fields)>();
        records.AddRange(Signatures(bytes, 0x04034b50).Select(at => ("local", at, Local)));
        records.AddRange(Signatures(bytes, 0x02014b50).Select(at => ("central", at, Central)));
        records.AddRange(Signatures(bytes, 0x06054b50).Select(at => ("end", at, End)));
        if (records.Count == 0)
        {
            return null;
        }
        var (kind, start, fields) = records[random.Next(records.Count)];
        var (name, offset, size) = fields[random.Next(fields.Length)];
        if (start + offset + size > bytes.Length)
        {
            return null;
        }
        var old = size == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(start + offset)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(start + offset));
        uint[] near = [old + 1, old - 1, old * 2, old / 2];
        var value = random.Next(3) == 0 ? near[random.Next(near.Length)] : Values[random.Next(Values.Length)];
        if (size == 2)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(start + offset), (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(start + offset), value);
        }
        return (bytes, $"zip {kind} {name} {old} -> {(size == 2 ? (ushort)value : value)}");
    }

    private static IEnumerable<int> Signatures(byte[] bytes, uint signature)
    {
        for (var at = 0; at + 4 <= bytes.Length; at++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) == signature)
            {
                yield return at;
            }
        }
    }
}
