namespace WeakSegPortal.Imaging.Archives;

/// <summary>Per-entry results of a safe extraction, and whether extraction stopped early.</summary>
public sealed record ZipExtractionReport(IReadOnlyList<ZipEntryOutcome> Entries, string? StoppedBecause)
{
    public IEnumerable<ZipEntryOutcome> Extracted => Entries.Where(e => e.Extracted);
    public IEnumerable<ZipEntryOutcome> Refused => Entries.Where(e => !e.Extracted);
    public long TotalBytes => Entries.Sum(e => e.Extracted ? e.Bytes : 0);
}
