namespace WeakSegPortal.Web.Account;

/// <summary>A sign-in that was signed out: its cookie is refused everywhere until it would have expired anyway.</summary>
public sealed class EndedSession
{
    /// <summary>The session id (<see cref="PortalClaims.Session"/>).</summary>
    public string Id { get; set; } = "";
    public Guid UserId { get; set; }
    public DateTimeOffset EndedAt { get; set; }
    /// <summary>When a cookie of this session would have expired; the record can go after that.</summary>
    public DateTimeOffset KeepUntil { get; set; }
}
