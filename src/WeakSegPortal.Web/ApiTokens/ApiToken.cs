namespace WeakSegPortal.Web.ApiTokens;

/// <summary>A personal API token, stored as a Marten document: its SHA-256 hash only, never the token itself.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    /// <summary>What the owner calls it ("nightly import").</summary>
    public string Name { get; set; } = "";
    /// <summary>Hex SHA-256 of the token's secret part.</summary>
    public string SecretHash { get; set; } = "";
    /// <summary>The token's first characters (marker and id), so the owner can tell tokens apart; says nothing of the secret.</summary>
    public string Prefix { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsLive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
