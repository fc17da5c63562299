namespace WeakSegPortal.Imaging.Archives;

/// <summary>What happened to one archive entry: extracted to <see cref="ExtractedPath"/>, or refused for <see cref="RefusalReason"/>.</summary>
public sealed record ZipEntryOutcome(string EntryName, string? ExtractedPath, string? RefusalReason, long Bytes)
{
    public bool Extracted => ExtractedPath is not null;
}
