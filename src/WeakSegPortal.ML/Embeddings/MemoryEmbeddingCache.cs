namespace WeakSegPortal.ML.Embeddings;

/// <summary>
/// Least-recently-used embeddings held in memory up to a byte budget (a SAM embedding is 4 MiB, so 1 GiB holds
/// 256 slices). An entry bigger than the whole budget is not kept. Thread-safe.
/// </summary>
public sealed class MemoryEmbeddingCache(long maxBytes)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<EmbeddingKey, LinkedListNode<(EmbeddingKey Key, ImageEmbedding Value)>> _entries = [];
    private readonly LinkedList<(EmbeddingKey Key, ImageEmbedding Value)> _recency = new();

    public long MaxBytes { get; } = maxBytes > 0 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes), "The memory budget must be positive.");

    private long _bytes;

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public bool TryGet(EmbeddingKey key, out ImageEmbedding embedding)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                embedding = node.Value.Value;
                return true;
            }
        }

        embedding = null!;
        return false;
    }

    public void Put(EmbeddingKey key, ImageEmbedding embedding)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        lock (_gate)
        {
            if (_entries.Remove(key, out var old))
            {
                _recency.Remove(old);
                _bytes -= old.Value.Value.Bytes;
            }

            if (embedding.Bytes > MaxBytes)
            {
                return;
            }

            while (_bytes + embedding.Bytes > MaxBytes && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
                _bytes -= last.Value.Value.Bytes;
            }

            _entries[key] = _recency.AddFirst((key, embedding));
            _bytes += embedding.Bytes;
        }
    }
}
