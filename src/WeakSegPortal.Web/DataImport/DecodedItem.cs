using WeakSegPortal.Imaging.Staging;

namespace WeakSegPortal.Web.DataImport;

/// <summary>A volume the decoder stored, and the staged files it came from.</summary>
public sealed record DecodedItem(StagedVolume Volume, IReadOnlyList<string> Files);
