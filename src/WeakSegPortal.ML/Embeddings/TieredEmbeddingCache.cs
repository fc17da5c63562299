namespace WeakSegPortal.ML.Embeddings;

/// <summary>Memory first (by slice, LRU by bytes), then disk (by content hash); a disk hit is promoted to memory by the caller's Put.</summary>
public sealed class TieredEmbeddingCache(MemoryEmbeddingCache memory, DiskEmbeddingStore? disk) : IEmbeddingCache
{
    public bool TryGet(EmbeddingKey key, out ImageEmbedding embedding) => memory.TryGet(key, out embedding);

    public bool TryGetByContent(string contentHash, out ImageEmbedding embedding)
    {
        embedding = null!;
        return disk is not null && disk.TryGet(contentHash, out embedding);
    }

    public void Put(EmbeddingKey key, string contentHash, ImageEmbedding embedding)
    {
        memory.Put(key, embedding);
        if (disk is not null && !disk.Contains(contentHash))
        {
            disk.Put(contentHash, embedding);
        }
    }
}
