using System.Security.Cryptography;

namespace WeakSegPortal.Imaging.Storage;

/// <summary>The SHA-256 of a blob's content as 64 lower-case hex digits: same bytes, same key, wherever stored.</summary>
public readonly record struct BlobKey
{
    public BlobKey(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 64 || !hex.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            throw new ArgumentException("A blob key is 64 lower-case hex digits (SHA-256).", nameof(hex));
        }

        Hex = hex;
    }

    public string Hex { get; }

    public static BlobKey Of(ReadOnlySpan<byte> content) => new(Convert.ToHexStringLower(SHA256.HashData(content)));

    public static bool TryParse(string? text, out BlobKey key)
    {
        try
        {
            key = new BlobKey(text ?? "");
            return true;
        }
        catch (ArgumentException)
        {
            key = default;
            return false;
        }
    }

    public override string ToString() => Hex;
}
