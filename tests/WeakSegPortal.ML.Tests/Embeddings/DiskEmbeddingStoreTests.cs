using WeakSegPortal.ML.Embeddings;
using WeakSegPortal.ML.Tests.Support;

namespace WeakSegPortal.ML.Tests.Embeddings;

public sealed class DiskEmbeddingStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_embedding_comes_back_by_its_content_hash_with_shape_and_values()
    {
        var store = new DiskEmbeddingStore(_temp.Path);
        var embedding = new ImageEmbedding([1, 2, 3], [1.5f, -2f, 3f, 4f, 5f, 6.25f]);

        store.Put("0123456789abcdef", embedding);

        Assert.True(new DiskEmbeddingStore(_temp.Path).TryGet("0123456789abcdef", out var read));
        Assert.Equal(embedding.Shape, read.Shape);
        Assert.Equal(embedding.Values, read.Values);
        Assert.False(store.TryGet("fedcba9876543210", out _));
    }

    [Fact]
    public void A_hash_that_is_not_lower_case_hex_is_refused_so_it_cannot_name_a_path()
    {
        var store = new DiskEmbeddingStore(_temp.Path);

        Assert.Throws<ArgumentException>(() => store.Put("../../etc/passwd", new ImageEmbedding([1], [0f])));
    }
}
