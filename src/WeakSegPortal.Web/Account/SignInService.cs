using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace WeakSegPortal.Web.Account;

/// <summary>Checks a user name and password and builds the principal that goes into the cookie.</summary>
public sealed class SignInService(IQuerySession session, IPasswordHasher<UserAccount> hasher)
{
    public async Task<ClaimsPrincipal?> VerifyAsync(string userName, string password, CancellationToken ct)
    {
        var normalized = UserAccount.Normalize(userName);
        var account = await session.Query<UserAccount>().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (account is null || account.Disabled)
        {
            // Hash anyway so that a missing user takes as long as a wrong password.
            hasher.HashPassword(new UserAccount(), password);
            return null;
        }
        return hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed
            ? null
            : PrincipalFor(account, Guid.NewGuid().ToString("N"));
    }

    /// <param name="sessionId">The sign-in this principal belongs to: new at sign-in, kept when access changes re-issue the cookie.</param>
    public static ClaimsPrincipal PrincipalFor(UserAccount account, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.UserName),
            new(PortalClaims.DisplayName, account.DisplayName),
            new(PortalClaims.Session, sessionId),
            new(PortalClaims.Stamp, account.SecurityStamp),
            new(PortalClaims.PasswordStamp, account.PasswordStamp),
        };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
