namespace WeakSegPortal.Imaging.Archives;

/// <summary>What an uploaded archive may expand to; defaults suit a few CT series per upload.</summary>
public sealed record SafeZipLimits
{
    public long MaxTotalUncompressedBytes { get; init; } = 8L * 1024 * 1024 * 1024;
    public long MaxEntryUncompressedBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Uncompressed/compressed ratio above which an entry is treated as a zip bomb (DICOM rarely exceeds 20).</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    public int MaxEntries { get; init; } = 100_000;
}
