namespace WeakSegPortal.Web.Account;

/// <summary>The portal's own claim types in the sign-in cookie.</summary>
public static class PortalClaims
{
    public const string DisplayName = "display_name";

    /// <summary>One id per sign-in; signing out ends it for every request, page and hub connection.</summary>
    public const string Session = "sid";

    /// <summary>The account's <see cref="UserAccount.SecurityStamp"/> when the cookie was made.</summary>
    public const string Stamp = "stamp";

    /// <summary>The account's <see cref="UserAccount.PasswordStamp"/> when the cookie was made.</summary>
    public const string PasswordStamp = "pwstamp";
}
