using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Security;

/// <summary>
/// Browsers send the cookie with a WebSocket from any same-site page (another port on the same host
/// included), and WebSockets have no CORS: so the hubs and the Blazor circuit refuse a connection
/// whose Origin is neither the portal's own nor in <see cref="SecurityOptions.AllowedOrigins"/>.
/// A request without an Origin is no browser page's and passes (it must still sign in).
/// </summary>
public static class OriginCheck
{
    private static readonly string[] Guarded = ["/hubs", "/_blazor"];

    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var allowed = options.AllowedOrigins.Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (Guarded.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                && request.Headers.Origin is [{ Length: > 0 } origin, ..]
                && !IsOwn(request, origin) && !allowed.Contains(origin.TrimEnd('/')))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("Connections from pages of another origin are refused.", context.RequestAborted);
                return;
            }
            await next(context);
        });
    }

    private static bool IsOwn(HttpRequest request, string origin) =>
        string.Equals(origin.TrimEnd('/'), $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
}
