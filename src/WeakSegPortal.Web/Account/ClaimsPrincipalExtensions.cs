using System.Security.Claims;

namespace WeakSegPortal.Web.Account;

/// <summary>Reads the portal's own claims back from a signed-in user.</summary>
public static class ClaimsPrincipalExtensions
{
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? "";

    /// <summary>The sign-in this principal belongs to (one per sign-in, ended by signing out); empty for none.</summary>
    public static string SessionId(this ClaimsPrincipal user) => user.FindFirstValue(PortalClaims.Session) ?? "";

    /// <summary>The account's security stamp when the cookie was made.</summary>
    public static string SecurityStamp(this ClaimsPrincipal user) => user.FindFirstValue(PortalClaims.Stamp) ?? "";

    public static string PasswordStamp(this ClaimsPrincipal user) => user.FindFirstValue(PortalClaims.PasswordStamp) ?? "";

    /// <summary>Project managers and admins: they reach every project and alone see items' sources (file names, DICOM UIDs).</summary>
    public static bool IsManager(this ClaimsPrincipal user) => user.IsInRole(Roles.ProjectManager) || user.IsInRole(Roles.Admin);
}
