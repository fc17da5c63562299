using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Security;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Security;

/// <summary>Behind a TLS proxy: Secure cookies, HSTS and a redirect of plain http, but /health stays on http.</summary>
public sealed class TransportSecurityTests(TransportSecurityTests.BehindProxyPortal factory) : IClassFixture<TransportSecurityTests.BehindProxyPortal>
{
    /// <summary>A browser of the portal; <paramref name="https"/>: its request reached the proxy over TLS.</summary>
    private HttpClient Client(bool https)
    {
        var client = SignIn.NewClient(factory);
        // The cookie jar sends Secure cookies to https addresses only, as a browser does.
        client.BaseAddress = new Uri(https ? "https://portal.test/" : "http://portal.test/");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", https ? "https" : "http");
        return client;
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_except_health()
    {
        using var client = Client(https: false);
        using var page = await client.GetAsync(new Uri("/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal("https://portal.test/login", page.Headers.Location!.ToString());
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Over_https_the_portal_sends_HSTS_and_sets_only_Secure_cookies()
    {
        await factory.EnsureUserAsync("tls-user", "tls-password", Roles.Annotator);
        using var client = Client(https: true);
        using var page = await client.GetAsync(new Uri("/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        using var signedIn = await SignIn.PostAsync(client, "tls-user", "tls-password");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").Concat(signedIn.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith(SignInCookie.Name + "=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080;https://0.0.0.0:8443", true)]
    [InlineData("urls", "http://127.0.0.1:5080", false)]
    [InlineData("https_ports", "443", true)]
    [InlineData("Kestrel:Endpoints:Main:Url", "https://*:443", true)]
    [InlineData("Kestrel:Endpoints:Main:Url", "http://*:80", false)]
    public void An_https_endpoint_anywhere_in_the_settings_counts_as_TLS(string key, string value, bool tls) =>
        Assert.Equal(tls, TransportSecurity.HasHttpsEndpoint(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build()));

    /// <summary>A TLS proxy on loopback in front of the portal.</summary>
    public sealed class BehindProxyPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?> { ["Https:BehindProxy"] = "true" }));
            // The test server has no socket: requests come "from" loopback, where the proxy is trusted.
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FromLoopback()));
        }

        private sealed class FromLoopback : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Use((context, nextMiddleware) =>
                {
                    context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                    return nextMiddleware(context);
                });
                next(app);
            };
        }
    }
}

/// <summary>Without TLS settings (plain http on loopback, as in development) nothing changes, and every response carries the security headers.</summary>
public sealed class SecurityHeaderTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/health")]
    [InlineData("/api/items/00000000-0000-0000-0000-000000000001")]
    [InlineData("/projects")]
    [InlineData("/no-such-page")]
    public async Task Every_response_forbids_sniffing_framing_and_foreign_referrers(string path)
    {
        using var client = SignIn.NewClient(factory);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("SAMEORIGIN", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_without_TLS_settings_is_served_without_HSTS_or_Secure_cookies()
    {
        using var client = SignIn.NewClient(factory);
        using var page = await client.GetAsync(new Uri("/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.All(page.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
