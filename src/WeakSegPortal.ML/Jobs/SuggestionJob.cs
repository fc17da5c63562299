namespace WeakSegPortal.ML.Jobs;

/// <summary>
/// Web → worker (client result of <c>Suggest</c> on the worker hub): run <paramref name="Engine"/> on one slice of
/// the volume whose content hash is <paramref name="VolumeHash"/> (the worker fetches and caches it; no image
/// travels in a hub message). <paramref name="Modality"/> picks the intensity window.
/// </summary>
public sealed record SuggestionJob(
    Guid JobId, string Engine, Guid ItemId, string VolumeHash, string Modality, WirePrompt Prompt)
{
    /// <summary>For the "project-model" engine: the project's promoted model (docs/training-protocol.md); null otherwise.</summary>
    public ModelRef? Model { get; init; }

    /// <summary>The web node's W3C <c>traceparent</c> (<see cref="JobTrace"/>); the worker's activity continues that trace. Null from older web nodes.</summary>
    public string? TraceParent { get; init; }
}

/// <summary>Worker → web: the mask (run-length coded) and what made it; <paramref name="Error"/> set when the engine refused the prompt.</summary>
public sealed record SuggestionJobResult(
    Guid JobId, bool Ok, string? Error, string Engine, string EngineVersion, string Provider,
    double Score, WireMask? Mask, string? EmbeddingSource, long WorkerMs);
