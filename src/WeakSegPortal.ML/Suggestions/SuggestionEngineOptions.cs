using WeakSegPortal.ML.Sam;

namespace WeakSegPortal.ML.Suggestions;

/// <summary>Settings for the engines a process offers: the SAM-family models by engine name, the embedding cache and the GPU preference.</summary>
public sealed class SuggestionEngineOptions
{
    /// <summary>Engine name (e.g. "mobilesam") → its encoder/decoder pair.</summary>
    public Dictionary<string, SamModelOptions> SamModels { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Memory bound of the embedding cache (LRU by bytes); 1 GiB holds 256 SAM slices.</summary>
    public long EmbeddingMemoryBytes { get; init; } = 1L << 30;

    /// <summary>Folder of the on-disk embedding store by content hash; none when null.</summary>
    public string? EmbeddingDirectory { get; init; }

    public bool PreferCuda { get; init; } = true;
}
