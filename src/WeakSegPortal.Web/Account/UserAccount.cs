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
    /// <summary>
    /// Changes when an admin sets a new password. A cookie made with another one is refused (the
    /// user signs in again), where a changed <see cref="SecurityStamp"/> only re-issues it. Empty
    /// until the first reset, as in cookies made before this stamp existed.
    /// </summary>
    public string PasswordStamp { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();

    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");
}
