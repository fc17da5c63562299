using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace WeakSegPortal.ML.Embeddings;

/// <summary>
/// Embeddings on disk by content hash (root/ab/abcdef….emb): rank, the dimensions, then float32 values, all
/// little-endian. Written to a temporary name and moved, so a reader never sees half a file.
/// </summary>
public sealed class DiskEmbeddingStore(string root)
{
    public bool TryGet(string contentHash, out ImageEmbedding embedding)
    {
        var path = PathOf(contentHash);
        embedding = null!;
        if (!File.Exists(path))
        {
            return false;
        }

        var bytes = File.ReadAllBytes(path);
        var rank = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var shape = new int[rank];
        for (var d = 0; d < rank; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4 + (4 * d)));
        }

        var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(4 + (4 * rank))).ToArray();
        if (values.LongLength != shape.Aggregate(1L, (a, b) => a * b))
        {
            return false;
        }

        embedding = new ImageEmbedding(shape, values);
        return true;
    }

    public bool Contains(string contentHash) => File.Exists(PathOf(contentHash));

    public void Put(string contentHash, ImageEmbedding embedding)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        var path = PathOf(contentHash);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        using (var stream = File.Create(temporary))
        {
            Span<byte> word = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(word, embedding.Shape.Length);
            stream.Write(word);
            foreach (var d in embedding.Shape)
            {
                BinaryPrimitives.WriteInt32LittleEndian(word, d);
                stream.Write(word);
            }

            stream.Write(MemoryMarshal.AsBytes(embedding.Values.AsSpan()));
        }

        File.Move(temporary, path, overwrite: true);
    }

    private string PathOf(string contentHash)
    {
        if (contentHash.Length < 8 || !contentHash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A content hash is lower-case hex.", nameof(contentHash));
        }

        return Path.Combine(root, contentHash[..2], contentHash + ".emb");
    }
}
