using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace WeakSegPortal.Web.Account;

/// <summary>
/// The sign-in cookie's events. Every request checks the cookie's session (<see cref="SessionValidator"/>):
/// a signed-out, disabled or deleted account's cookie is refused and cleared; one whose access changed is
/// re-issued with the account's current roles. Pages redirect to sign-in; API and hub calls get 401/403,
/// which a script can act on.
/// </summary>
internal static class ApiAwareCookieEvents
{
    public static CookieAuthenticationEvents Create() => new()
    {
        OnValidatePrincipal = ValidateAsync,
        OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized),
        OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden),
    };

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }
        var check = await context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().CheckAsync(principal, context.HttpContext.RequestAborted);
        switch (check.State)
        {
            case SessionState.Ended:
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                break;
            case SessionState.Changed:
                context.ReplacePrincipal(SignInService.PrincipalFor(check.Account!, principal.SessionId()));
                context.ShouldRenew = true;
                break;
        }
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
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
