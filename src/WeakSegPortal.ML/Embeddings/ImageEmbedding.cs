namespace WeakSegPortal.ML.Embeddings;

/// <summary>An encoder's output tensor (float32, row-major) with its shape, e.g. [1, 256, 64, 64] for SAM.</summary>
public sealed record ImageEmbedding(int[] Shape, float[] Values)
{
    public long Bytes => Values.LongLength * sizeof(float);
}
