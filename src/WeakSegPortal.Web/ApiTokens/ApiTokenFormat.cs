using System.Security.Cryptography;
using System.Text;

namespace WeakSegPortal.Web.ApiTokens;

/// <summary>
/// A token reads <c>wsp_{id}_{secret}</c>: the id finds the stored hash, the secret (32 random bytes, base64url) is
/// compared by its SHA-256 in constant time. A random secret of that size needs no slow hash.
/// </summary>
public static class ApiTokenFormat
{
    public const string Marker = "wsp_";

    public static (string Token, string SecretHash) New(Guid id)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return ($"{Marker}{id:N}_{secret}", Hash(secret));
    }

    /// <summary>The token's id and secret; false when it is not one of ours (a worker's token, say).</summary>
    public static bool TryParse(string token, out Guid id, out string secret)
    {
        ArgumentNullException.ThrowIfNull(token);
        (id, secret) = (Guid.Empty, "");
        if (!token.StartsWith(Marker, StringComparison.Ordinal) || token.Length < Marker.Length + 34 || token[Marker.Length + 32] != '_')
        {
            return false;
        }
        secret = token[(Marker.Length + 33)..];
        return Guid.TryParseExact(token.AsSpan(Marker.Length, 32), "N", out id) && secret.Length > 0;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
