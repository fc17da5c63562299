namespace WeakSegPortal.ML.Jobs;

/// <summary>Web → worker (client result of <c>ComputeEmbeddings</c>): encode these slices ahead of the clicks.</summary>
public sealed record EmbeddingJob(
    Guid JobId, string Engine, Guid ItemId, string VolumeHash, string Modality, string Orientation, IReadOnlyList<int> Slices);

/// <summary>Worker → web: the slices now cached (memory or disk) for that engine, and the encoder time they took.</summary>
public sealed record EmbeddingJobResult(Guid JobId, IReadOnlyList<int> ReadySlices, long EncoderMs, string? Error);
