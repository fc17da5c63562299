namespace WeakSegPortal.Core.Labels;

/// <summary>
/// One item: its id and name in the exporting project, the hash of its voxels (how another project finds the same image),
/// its geometry, whether it is gold, each annotator's labels and, for an adjudicated item, the labels QA kept.
/// </summary>
public sealed record ExchangeItem(
    Guid Id,
    string Name,
    string? ContentHash,
    string? Modality,
    ExchangeGeometry Geometry,
    bool Gold,
    IReadOnlyList<ExchangeAnnotator> Annotators,
    IReadOnlyList<ExchangeLabel>? Adjudicated = null);
