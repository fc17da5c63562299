namespace WeakSegPortal.ML.Embeddings;

/// <summary>
/// Embeddings by slice, with the content hash of the encoder's input as a second key: the slice key finds it
/// fast in memory, the content hash finds it on disk after a restart or for a re-imported copy of the image.
/// </summary>
public interface IEmbeddingCache
{
    bool TryGet(EmbeddingKey key, out ImageEmbedding embedding);

    bool TryGetByContent(string contentHash, out ImageEmbedding embedding);

    void Put(EmbeddingKey key, string contentHash, ImageEmbedding embedding);
}
