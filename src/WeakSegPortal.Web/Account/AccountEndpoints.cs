using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using WeakSegPortal.Web.Hubs;

namespace WeakSegPortal.Web.Account;

/// <summary>Sign-in and sign-out: plain form posts, since a cookie can only be set on an HTTP response.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/login", (Delegate)SignInAsync).AllowAnonymous();
        routes.MapPost("/account/logout", (Delegate)SignOutAsync);
        return routes;
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        HttpContext http,
        SignInService signIn,
        SignInThrottle throttle,
        ILogger<SignInService> log,
        CancellationToken ct)
    {
        userName ??= "";
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var target = IsLocal(returnUrl) ? returnUrl! : "/";
        var wait = throttle.RetryAfter(userName, address);
        if (wait > TimeSpan.Zero)
        {
            SignInLog.Throttled(log, userName, address);
            return Results.Redirect(LoginUrl("throttled", userName, target, (int)Math.Ceiling(wait.TotalSeconds)));
        }
        var principal = await signIn.VerifyAsync(userName, password ?? "", ct);
        if (principal is null)
        {
            throttle.RecordFailure(userName, address);
            SignInLog.Failed(log, userName, address);
            return Results.Redirect(LoginUrl("invalid", userName, target, 0));
        }
        throttle.RecordSuccess(userName, address);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        SignInLog.SignedIn(log, userName);
        return Results.LocalRedirect(target);
    }

    /// <summary>
    /// Ends this sign-in everywhere: its cookie is refused from now on (on every node, within
    /// <see cref="SessionValidator.RecheckAfter"/>), and its hub connections on this node close now.
    /// Needs the form's antiforgery token, so that no other site can sign a user out.
    /// </summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, IDocumentSession session, SessionValidator sessions, ConnectedSessions connections, TimeProvider clock, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest("Sign out from the portal's own page.");
        }
        if (http.User.SessionId() is { Length: > 0 } sessionId)
        {
            var now = clock.GetUtcNow();
            session.Store(new EndedSession { Id = sessionId, UserId = http.User.UserId(), EndedAt = now, KeepUntil = now + SignInCookie.Lifetime });
            await session.SaveChangesAsync(ct);
            sessions.Forget(http.User.UserId());
            connections.CloseSession(sessionId);
        }
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/login");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static string LoginUrl(string error, string userName, string returnUrl, int retryAfterSeconds) =>
        $"/login?error={error}&userName={Uri.EscapeDataString(userName)}&returnUrl={Uri.EscapeDataString(returnUrl)}" +
        (retryAfterSeconds > 0 ? $"&retryAfter={retryAfterSeconds}" : "");
}
