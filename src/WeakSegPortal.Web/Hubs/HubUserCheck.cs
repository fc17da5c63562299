using WeakSegPortal.Web.Account;

namespace WeakSegPortal.Web.Hubs;

/// <summary>
/// The annotator's page names the user its outbox belongs to (<c>?user=</c> on the hub URL). If the
/// browser has since been signed in as someone else, the hub refuses the connection with 409, so
/// that page's pending commands are never stored under the other user's name; they wait in the
/// outbox until its own user signs in again.
/// </summary>
public static class HubUserCheck
{
    public const int ConflictStatus = StatusCodes.Status409Conflict;

    public static IApplicationBuilder UseHubUserCheck(this IApplicationBuilder app, string hubPath)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(hubPath, StringComparison.OrdinalIgnoreCase)
                && context.Request.Query.TryGetValue("user", out var claimed)
                && context.User.Identity?.IsAuthenticated == true
                && (!Guid.TryParse(claimed, out var pageUser) || pageUser != context.User.UserId()))
            {
                context.Response.StatusCode = ConflictStatus;
                await context.Response.WriteAsync("This page belongs to another user than the one signed in.", context.RequestAborted);
                return;
            }
            await next(context);
        });
    }
}
