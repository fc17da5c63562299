using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.ML.Embeddings;

namespace WeakSegPortal.ML.Tests.Embeddings;

public sealed class MemoryEmbeddingCacheTests
{
    private static ImageEmbedding OfBytes(int bytes) => new([1, bytes / 4], new float[bytes / 4]);

    private static EmbeddingKey Slice(int k) => new("sam:abc", "item-1", SliceOrientation.Axial, k);

    [Fact]
    public void The_least_recently_used_slices_leave_first_when_the_byte_budget_is_exceeded()
    {
        var cache = new MemoryEmbeddingCache(3000);
        cache.Put(Slice(0), OfBytes(1000));
        cache.Put(Slice(1), OfBytes(1000));
        cache.Put(Slice(2), OfBytes(1000));
        Assert.True(cache.TryGet(Slice(0), out _));

        cache.Put(Slice(3), OfBytes(1000));

        Assert.True(cache.TryGet(Slice(0), out _));
        Assert.False(cache.TryGet(Slice(1), out _));
        Assert.True(cache.TryGet(Slice(2), out _));
        Assert.True(cache.TryGet(Slice(3), out _));
        Assert.Equal(3000, cache.Bytes);
    }

    [Fact]
    public void The_bound_is_in_bytes_so_one_large_embedding_evicts_several_small_ones()
    {
        var cache = new MemoryEmbeddingCache(4000);
        for (var k = 0; k < 4; k++)
        {
            cache.Put(Slice(k), OfBytes(1000));
        }

        cache.Put(Slice(9), OfBytes(2500));

        Assert.Equal(2, cache.Count);
        Assert.True(cache.Bytes <= 4000);
    }

    [Fact]
    public void An_embedding_larger_than_the_whole_budget_is_not_kept()
    {
        var cache = new MemoryEmbeddingCache(1000);

        cache.Put(Slice(0), OfBytes(4000));

        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Orientation_and_model_are_part_of_the_key()
    {
        var cache = new MemoryEmbeddingCache(1 << 20);
        cache.Put(Slice(5), OfBytes(100));

        Assert.False(cache.TryGet(Slice(5) with { Orientation = SliceOrientation.Coronal }, out _));
        Assert.False(cache.TryGet(Slice(5) with { ModelId = "mobilesam:def" }, out _));
    }
}
