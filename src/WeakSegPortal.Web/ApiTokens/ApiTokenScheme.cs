using Microsoft.AspNetCore.Authentication.Cookies;

namespace WeakSegPortal.Web.ApiTokens;

/// <summary>
/// The portal's default authentication: a request to <c>/api</c> that carries <c>Authorization: Bearer wsp_…</c> is
/// authenticated by its personal API token, every other by the sign-in cookie. Both give the same principal (the
/// account's id, name and roles), so every role and project check, and every policy, treats them alike.
/// </summary>
public static class ApiTokenScheme
{
    public const string Name = "ApiToken";
    public const string Portal = "Portal";

    public static string Select(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        return request.Path.StartsWithSegments("/api")
            && request.Headers.Authorization.ToString().StartsWith("Bearer " + ApiTokenFormat.Marker, StringComparison.Ordinal)
            ? Name
            : CookieAuthenticationDefaults.AuthenticationScheme;
    }

    public static bool IsTokenUser(System.Security.Claims.ClaimsPrincipal user) => user?.Identity is { IsAuthenticated: true, AuthenticationType: Name };
}
