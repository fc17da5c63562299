namespace WeakSegPortal.ML.Embeddings;

/// <summary>Where an image embedding came from for one suggestion.</summary>
public enum EmbeddingSource
{
    Encoded,
    Memory,
    Disk,
}
