using System.Security.Claims;
using System.Text.Encodings.Web;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.ApiTokens;

/// <summary>
/// Authenticates <c>Authorization: Bearer wsp_…</c>: the token must exist, match its hash, be neither expired nor
/// revoked, and its owner's account must exist and be enabled; the principal carries the account's current roles.
/// Anything else is 401 with the reason in <c>WWW-Authenticate</c>. Read on every request, so a revocation or a
/// disabled account holds at once.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDocumentStore store, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The session id of a token's principal: one per token, never a cookie's.</summary>
    public static string SessionOf(Guid tokenId) => $"token:{tokenId:N}";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !ApiTokenFormat.TryParse(header["Bearer ".Length..].Trim(), out var id, out var secret))
        {
            return AuthenticateResult.NoResult();
        }
        await using var session = store.QuerySession();
        var token = await session.LoadAsync<ApiToken>(id, Context.RequestAborted);
        if (token is null || !ApiTokenFormat.Matches(secret, token.SecretHash))
        {
            return AuthenticateResult.Fail("The token is not known.");
        }
        if (token.RevokedAt is not null)
        {
            return AuthenticateResult.Fail("The token was revoked.");
        }
        if (clock.GetUtcNow() >= token.ExpiresAt)
        {
            return AuthenticateResult.Fail("The token has expired.");
        }
        var account = await session.LoadAsync<UserAccount>(token.UserId, Context.RequestAborted);
        if (account is null || account.Disabled)
        {
            return AuthenticateResult.Fail("The token's account is disabled.");
        }
        var signedIn = SignInService.PrincipalFor(account, SessionOf(token.Id));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(signedIn.Claims, ApiTokenScheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiTokenScheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var reason = (result.Failure?.Message ?? "A personal API token is needed.").Replace("\"", "'", StringComparison.Ordinal);
        Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{reason}\"";
    }
}
