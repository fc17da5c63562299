using WeakSegPortal.ML.Embeddings;

namespace WeakSegPortal.ML.Suggestions;

/// <summary>
/// An engine's answer: a binary mask of the prompt's slice (Width × Height, x fastest), a score in the engine's
/// own terms (SAM: predicted IoU; classical: the mean foreground probability), and what produced it.
/// </summary>
public sealed record Suggestion(EngineDescriptor Engine, int Width, int Height, bool[] Mask, double Score)
{
    /// <summary>Low-resolution logits to pass back with the next click; null for engines that cannot refine.</summary>
    public LowResMask? LowResMask { get; init; }

    /// <summary>Where the engine ran: "CPU", "CUDA", or "OpenCV" for the classical engines.</summary>
    public string ExecutionProvider { get; init; } = "CPU";

    /// <summary>Whether the image embedding came from memory, disk or a fresh encoder run (SAM engines only).</summary>
    public EmbeddingSource? Embedding { get; init; }
}
