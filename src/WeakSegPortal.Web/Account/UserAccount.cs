namespace WeakSegPortal.Web.Account;

/// <summary>A person who can sign in; stored as a Marten document.</summary>
public sealed class UserAccount
{
    public Guid Id { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>Lower-case user name; unique.</summary>
    public string NormalizedUserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public bool Disabled { get; set; }
    /// <summary>
    /// Changes whenever the user's access changes (roles, disabled); a sign-in cookie carries the
    /// stamp it was made with and is re-read or refused once they differ. Empty on accounts made
    /// before stamps existed, until their access first changes.
    /// </summary>
    public string SecurityStamp { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");
}
