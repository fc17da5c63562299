using System.Security.Cryptography;

namespace WeakSegPortal.Core.Suggestions;

/// <summary>
/// The stream id of one suggested object: derived from the annotator and the browser's object id,
/// so a browser can never name (and append to) any other stream.
/// </summary>
public static class SuggestionStreams
{
    private static readonly byte[] Salt = "weakseg:suggestion"u8.ToArray();

    public static Guid For(Guid annotatorId, Guid objectId)
    {
        Span<byte> input = stackalloc byte[32 + 18];
        annotatorId.TryWriteBytes(input[..16]);
        objectId.TryWriteBytes(input[16..32]);
        Salt.CopyTo(input[32..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        // An RFC 9562 version-8 (custom) UUID, like the label streams.
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }
}
