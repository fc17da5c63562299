using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Security;

/// <summary>
/// Secure cookies, HSTS and https redirection wherever TLS is configured: an https endpoint of
/// Kestrel, or a TLS proxy in front (<see cref="HttpsOptions.BehindProxy"/>, whose forwarded headers
/// then say the scheme and the client's address). Plain http on loopback stays as it was for development.
/// </summary>
public static class TransportSecurity
{
    /// <summary>Whether this portal is reached over TLS, read once from the settings it was started with.</summary>
    public sealed record Mode(bool Tls, bool BehindProxy);

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services)
    {
        services.AddOptions<HttpsOptions>().BindConfiguration(HttpsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var https = sp.GetRequiredService<IOptions<HttpsOptions>>().Value;
            return new Mode(https.BehindProxy || HasHttpsEndpoint(sp.GetRequiredService<IConfiguration>()), https.BehindProxy);
        });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<Mode>((o, mode) => o.Cookie.SecurePolicy = mode.Tls ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.AddOptions<AntiforgeryOptions>()
            .Configure<Mode>((o, mode) => o.Cookie.SecurePolicy = mode.Tls ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
        services.AddOptions<HstsOptions>().Configure<IOptions<HttpsOptions>>((o, https) =>
        {
            o.MaxAge = https.Value.HstsMaxAge;
            o.IncludeSubDomains = false;
        });
        services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<HttpsOptions>>((o, https) =>
            o.HttpsPort = https.Value.Port ?? (https.Value.BehindProxy ? 443 : null));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HttpsOptions>>((o, https) =>
        {
            // Host is not taken from the proxy: the Origin check compares against the Host the browser used.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in https.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: the scheme and client address are settled before anything reads them.</summary>
    public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var mode = app.ApplicationServices.GetRequiredService<Mode>();
        if (mode.BehindProxy)
        {
            app.UseForwardedHeaders();
        }
        if (mode.Tls)
        {
            app.UseHsts();
            // Load balancers and container probes ask /health over plain http.
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        }
        return app;
    }

    /// <summary>An https URL among the server's endpoints (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTPS_PORTS or Kestrel:Endpoints).</summary>
    public static bool HasHttpsEndpoint(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        static bool IsHttps(string? url) => url?.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
        return (configuration["urls"] ?? "").Split(';').Any(IsHttps)
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => IsHttps(e["Url"]));
    }
}
