namespace WeakSegPortal.Core.Items;

// Events of an item's life-cycle stream (one stream per item).

/// <summary>An image or volume became an item of a project, its voxels stored under <paramref name="VolumeKey"/>.</summary>
/// <param name="Name">The name everyone sees: a pseudonym (<see cref="ItemPseudonym"/>), never the source's file name.</param>
/// <param name="Source">The source's name and DICOM UIDs, for managers and exports alone; null on items made without an import.</param>
public sealed record ItemRegistered(
    Guid ItemId,
    Guid ProjectId,
    Guid ImportId,
    string Name,
    string Modality,
    ItemGeometry Geometry,
    string VolumeKey,
    string ContentHash,
    string? SeriesInstanceUid,
    Guid By,
    DateTimeOffset At,
    ItemSource? Source = null) : IItemEvent;

/// <summary>
/// The queue made a hidden repeat: item <paramref name="ItemId"/> (<see cref="RepeatIds.For"/>) shows the image of
/// <paramref name="OriginalItemId"/> again to <paramref name="AnnotatorId"/>, who submitted the original. It is an
/// item of its own, so the second pass's labels live in their own stream and never touch the first pass, the
/// original's agreement or its consensus. The annotator sees an item like any other.
/// </summary>
public sealed record ItemRepeated(
    Guid ItemId,
    Guid OriginalItemId,
    Guid ProjectId,
    Guid AnnotatorId,
    Guid ImportId,
    string Name,
    string Modality,
    ItemGeometry Geometry,
    string VolumeKey,
    string ContentHash,
    DateTimeOffset At) : IItemEvent;

public sealed record ItemAssigned(Guid ItemId, Guid AnnotatorId, DateTimeOffset At) : IItemEvent;

public sealed record ItemSubmitted(Guid ItemId, Guid AnnotatorId, long ActiveMilliseconds, DateTimeOffset At) : IItemEvent;

public sealed record ItemSkipped(Guid ItemId, Guid AnnotatorId, string Reason, long ActiveMilliseconds, DateTimeOffset At) : IItemEvent;

/// <summary>The item is a known-answer item, mixed into queues without a mark.</summary>
public sealed record ItemMarkedGold(Guid ItemId, Guid By, DateTimeOffset At) : IItemEvent;

/// <summary>
/// A QA lead settled the item's labels: the consensus of the kept annotations, or one annotator's.
/// The kept annotations travel with the event, so the decision can be replayed without the streams.
/// </summary>
/// <param name="Basis">"consensus" or "annotator".</param>
/// <param name="ChosenAnnotatorId">The annotator whose labels were taken, for basis "annotator".</param>
/// <param name="RemovedAnnotationIds">Annotations the QA lead struck out before accepting (the edit).</param>
public sealed record ItemAdjudicated(
    Guid ItemId,
    string Basis,
    Guid? ChosenAnnotatorId,
    IReadOnlyList<AdjudicatedLabels> Kept,
    IReadOnlyList<Guid> RemovedAnnotationIds,
    Guid By,
    DateTimeOffset At) : IItemEvent;

/// <summary>A QA lead sent the item back to one annotator, who must look again; the comment tells them why.</summary>
public sealed record ItemReturned(Guid ItemId, Guid AnnotatorId, string Comment, Guid By, DateTimeOffset At) : IItemEvent;
