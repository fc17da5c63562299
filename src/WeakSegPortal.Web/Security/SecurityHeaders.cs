namespace WeakSegPortal.Web.Security;

/// <summary>
/// Headers on every response, error pages included: no content sniffing (an uploaded file is served
/// as the type it was checked to be, never run as script), no referrer to other sites, and no
/// framing by another site's page (clickjacking): the same <c>frame-ancestors 'self'</c> that Blazor
/// sets on its interactive pages, and its older equivalent for browsers without CSP.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            // Set as the response starts: the exception handler clears headers set earlier.
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "SAMEORIGIN";
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = "frame-ancestors 'self'";
                }
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
    }
}
