using System.Net;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Faults;

/// <summary>Signs in through the real form of a portal on a socket and returns the sign-in cookie (name=value).</summary>
public static class PortalSignIn
{
    public static async Task<string> CookieAsync(Uri portal, string userName, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = portal, Timeout = TimeSpan.FromSeconds(30) };
        var form = await client.GetStringAsync(new Uri("/login", UriKind.Relative), ct);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignIn.AntiforgeryToken(form),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = "/",
        });
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), body, ct);
        var cookie = cookies.GetCookies(portal)[SignInCookie.Name]
            ?? throw new InvalidOperationException($"Signing in {userName} gave no cookie ({(int)response.StatusCode} → {response.Headers.Location}).");
        return $"{cookie.Name}={cookie.Value}";
    }
}
