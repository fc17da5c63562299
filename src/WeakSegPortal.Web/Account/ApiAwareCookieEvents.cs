using Microsoft.AspNetCore.Authentication.Cookies;

namespace WeakSegPortal.Web.Account;

/// <summary>Pages redirect to sign-in; API and hub calls get 401/403, which a script can act on.</summary>
internal static class ApiAwareCookieEvents
{
    public static CookieAuthenticationEvents Create() => new()
    {
        OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized),
        OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden),
    };

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsMachineRequest(context.Request))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    private static bool IsMachineRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");
}
