using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>Creates users and signs them in through the real sign-in form (antiforgery token and all).</summary>
public static partial class SignIn
{
    public static async Task<Guid> CreateUserAsync(PortalFactory factory, string userName, string password, params string[] roles)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateUserHandler>()
            .HandleAsync(new NewUser { UserName = userName, Password = password, DisplayName = userName, Roles = [.. roles] }, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Id;
    }

    /// <summary>A client that follows no redirects, so tests can see where the portal sends them.</summary>
    public static HttpClient NewClient(PortalFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the sign-in form; returns the response (a redirect either way).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var form = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        });
        return await client.PostAsync(new Uri("/account/login", UriKind.Relative), body);
    }

    public static async Task<HttpClient> AsAsync(PortalFactory factory, string userName, string password)
    {
        var client = NewClient(factory);
        using var response = await PostAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("error=", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        return client;
    }

    /// <summary>A signed-in client whose cookies can be read from <paramref name="jar"/>, as a browser's could be copied.</summary>
    public static async Task<HttpClient> AsWithJarAsync(PortalFactory factory, string userName, string password, CookieContainer jar)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar));
        using var response = await PostAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The sign-in cookie held in a jar, as name=value.</summary>
    public static string AuthCookie(PortalFactory factory, CookieContainer jar)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(jar);
        var cookie = jar.GetCookies(factory.Server.BaseAddress)[WeakSegPortal.Web.Account.SignInCookie.Name]!;
        return $"{cookie.Name}={cookie.Value}";
    }

    /// <summary>The antiforgery token of the sign-in form, as a browser would post it back.</summary>
    public static string AntiforgeryToken(string loginPage) => WebUtility.HtmlDecode(AntiforgeryField().Match(loginPage).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
