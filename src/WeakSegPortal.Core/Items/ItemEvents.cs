namespace WeakSegPortal.Core.Items;

// Events of an item's life-cycle stream (one stream per item).

/// <summary>An image or volume became an item of a project, its voxels stored under <paramref name="VolumeKey"/>.</summary>
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
    DateTimeOffset At);

public sealed record ItemAssigned(Guid ItemId, Guid AnnotatorId, DateTimeOffset At);

public sealed record ItemSubmitted(Guid ItemId, Guid AnnotatorId, long ActiveMilliseconds, DateTimeOffset At);

public sealed record ItemSkipped(Guid ItemId, Guid AnnotatorId, string Reason, long ActiveMilliseconds, DateTimeOffset At);

/// <summary>The item is a known-answer item, mixed into queues without a mark.</summary>
public sealed record ItemMarkedGold(Guid ItemId, Guid By, DateTimeOffset At);
