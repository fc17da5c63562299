namespace WeakSegPortal.Web.DataImport;

/// <summary>What the decoder made of a staging folder: stored volumes and refused files.</summary>
public sealed record StagingResult(IReadOnlyList<DecodedItem> Items, IReadOnlyList<RefusedFile> Refused);
