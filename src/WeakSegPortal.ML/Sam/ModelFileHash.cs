using System.Security.Cryptography;

namespace WeakSegPortal.ML.Sam;

/// <summary>A model version from the files' bytes, so a replaced file never reuses another model's cached embeddings.</summary>
internal static class ModelFileHash
{
    public static string Of(params string[] paths)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths)
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[1 << 20];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer.AsSpan(0, read));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}
