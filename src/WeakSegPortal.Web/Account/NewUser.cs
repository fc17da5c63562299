namespace WeakSegPortal.Web.Account;

/// <summary>What an admin fills in to create a user.</summary>
public sealed class NewUser
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Password { get; set; } = "";
    public HashSet<string> Roles { get; set; } = [];
    /// <summary>The admin who creates the user (Guid.Empty: the portal, seeding); goes into the audit.</summary>
    public Guid By { get; set; }
}
