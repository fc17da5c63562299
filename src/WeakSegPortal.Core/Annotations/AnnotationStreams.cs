using System.Security.Cryptography;

namespace WeakSegPortal.Core.Annotations;

/// <summary>The stream id of one annotator's labels on one item: the same pair always gives the same id.</summary>
public static class AnnotationStreams
{
    public static Guid For(Guid itemId, Guid annotatorId)
    {
        Span<byte> input = stackalloc byte[32];
        itemId.TryWriteBytes(input[..16]);
        annotatorId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        // Mark it as an RFC 9562 version-8 (custom) UUID so it never collides with v4/v7 ids.
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }
}
