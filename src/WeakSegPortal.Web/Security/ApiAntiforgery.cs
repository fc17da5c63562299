using Microsoft.AspNetCore.Antiforgery;

namespace WeakSegPortal.Web.Security;

/// <summary>
/// A cookie goes along with any page's form post, so an API write signed in by cookie must also
/// carry an antiforgery token in the <see cref="HeaderName"/> header, which only a page or script
/// that could read <c>GET /api/antiforgery</c> (same origin, signed in) has. Checked on the header
/// alone: an upload's body is never read for it. A request authenticated by a personal API token needs none: no
/// browser sends that header on its own, so no other page can forge it.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "X-XSRF-TOKEN";
    public const string TokenPath = "/api/antiforgery";

    /// <summary>The answer to <c>GET /api/antiforgery</c>: the header to send and its value.</summary>
    public sealed record Token(string HeaderName, string Value);

    public static IApplicationBuilder UseApiAntiforgery(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
                && context.User.Identity?.IsAuthenticated == true && !ApiTokens.ApiTokenScheme.IsTokenUser(context.User))
            {
                var valid = request.Headers.ContainsKey(HeaderName)
                    && await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
                if (!valid)
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsJsonAsync(
                        new { error = $"API writes need the {HeaderName} header: GET {TokenPath} (signed in) gives its value." },
                        context.RequestAborted);
                    return;
                }
            }
            await next(context);
        });
    }

    public static IEndpointRouteBuilder MapApiAntiforgery(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(TokenPath, (HttpContext http, IAntiforgery antiforgery) =>
            Results.Ok(new Token(HeaderName, antiforgery.GetAndStoreTokens(http).RequestToken!)));
        return routes;
    }
}
