namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>
/// Makes one mutant of a seed: blind mutations (bit flips, byte overwrites, truncation, inserted or
/// repeated blocks, splices) or, half of the time, mutations that know the format's structure
/// (DICOM element lengths and image attributes, NIfTI header dims, datatype and vox_offset, PNG chunk
/// lengths, CRCs and IHDR, zip local and central directory sizes, offsets and nested archives).
/// Deterministic for a given <see cref="Random"/>; the name of what was done comes back with the bytes.
/// </summary>
public sealed class FuzzMutator(Random random, IReadOnlyList<FuzzSeed> seeds)
{
    public (byte[] Bytes, string Mutation) Mutate(FuzzSeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (random.Next(2) == 0)
        {
            var aware = seed.Format switch
            {
                FuzzFormat.Dicom => DicomMutations.Mutate(seed.Bytes, random),
                FuzzFormat.Nifti => NiftiMutations.Mutate(seed.Bytes, seed.Extension == ".nii.gz", random),
                FuzzFormat.Png => PngMutations.Mutate(seed.Bytes, random),
                _ => ZipMutations.Mutate(seed.Bytes, random, this, seeds),
            };
            if (aware is { } done)
            {
                return done;
            }
        }
        return Blind(seed.Bytes);
    }

    /// <summary>A blind mutation of any bytes (also used inside archives and compressed streams).</summary>
    public (byte[] Bytes, string Mutation) Blind(byte[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var bytes = (byte[])seed.Clone();
        switch (random.Next(6))
        {
            case 0:
                var flips = 1 + random.Next(random.Next(2) == 0 ? 4 : 64);
                for (var n = 0; n < flips && bytes.Length > 0; n++)
                {
                    var at = Position(bytes.Length);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                }
                return (bytes, $"bit-flip x{flips}");
            case 1:
                var writes = 1 + random.Next(8);
                for (var n = 0; n < writes && bytes.Length > 0; n++)
                {
                    bytes[Position(bytes.Length)] = InterestingBytes[random.Next(InterestingBytes.Length)];
                }
                return (bytes, $"byte-set x{writes}");
            case 2:
                var keep = random.Next(4) == 0 ? random.Next(Math.Min(bytes.Length, 600)) : random.Next(bytes.Length);
                return (bytes[..keep], "truncate");
            case 3:
                return (Repeat(bytes), "repeat-block");
            case 4:
                var other = seeds[random.Next(seeds.Count)].Bytes;
                var cut = random.Next(bytes.Length);
                var from = random.Next(other.Length);
                return ([.. bytes[..cut], .. other[from..]], "splice");
            default:
                var garbage = new byte[1 + random.Next(4096)];
                random.NextBytes(garbage);
                var into = random.Next(bytes.Length + 1);
                return ([.. bytes[..into], .. garbage, .. bytes[into..]], "insert-random");
        }
    }

    private static readonly byte[] InterestingBytes = [0x00, 0xFF, 0x7F, 0x80, 0x01, 0xFE, 0x10, 0x20];

    /// <summary>Half of the positions fall in the first kilobyte, where the headers are.</summary>
    private int Position(int length) => random.Next(2) == 0 ? random.Next(Math.Min(length, 1024)) : random.Next(length);

    private byte[] Repeat(byte[] bytes)
    {
        if (bytes.Length < 2)
        {
            return bytes;
        }
        var start = random.Next(bytes.Length - 1);
        var length = 1 + random.Next(Math.Min(512, bytes.Length - start));
        var times = 1 + random.Next(random.Next(4) == 0 ? 200 : 4);
        var block = bytes.AsSpan(start, length).ToArray();
        var output = new List<byte>(bytes.Length + (block.Length * times));
        output.AddRange(bytes.AsSpan(0, start + length).ToArray());
        for (var n = 0; n < times; n++)
        {
            output.AddRange(block);
        }
        output.AddRange(bytes.AsSpan(start + length).ToArray());
        return [.. output];
    }
}
