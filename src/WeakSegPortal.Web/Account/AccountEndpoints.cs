using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Account;

/// <summary>Sign-in and sign-out: plain form posts, since a cookie can only be set on an HTTP response.</summary>
public static class AccountEndpoints
{
    /// <summary>
    /// The most a sign-in form may carry: its fields are short (see <see cref="SignInThrottleOptions"/>),
    /// so a bigger body is refused by the server before any of it is buffered, logged or counted.
    /// </summary>
    public const int MaxFormBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/login", (Delegate)SignInAsync).AllowAnonymous()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFormBytes))
            // Kestrel enforces the size above; these bound what the form reader buffers on any server.
            .WithFormOptions(bufferBody: false, valueCountLimit: 8, keyLengthLimit: 64, valueLengthLimit: MaxFormBytes);
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
        IOptions<SignInThrottleOptions> options,
        IDocumentSession session,
        TimeProvider clock,
        ILogger<SignInService> log,
        CancellationToken ct)
    {
        userName ??= "";
        password ??= "";
        var ip = http.Connection.RemoteIpAddress;
        var address = SignInThrottle.Network(ip);
        var target = ReturnUrl.Sanitize(returnUrl);
        if (userName.Length > options.Value.MaxUserNameLength || password.Length > options.Value.MaxPasswordLength)
        {
            // Checked first, so that an over-long name never becomes a throttle key or a log line.
            throttle.RecordAddressFailure(ip);
            SignInLog.TooLong(log, address, userName.Length, password.Length);
            return Results.Redirect(LoginUrl("too-long", "", target, 0));
        }
        var wait = throttle.RetryAfter(userName, ip);
        if (wait > TimeSpan.Zero)
        {
            SignInLog.Throttled(log, userName, address);
            return Results.Redirect(LoginUrl("throttled", userName, target, (int)Math.Ceiling(wait.TotalSeconds)));
        }
        var principal = await signIn.VerifyAsync(userName, password, ct);
        if (principal is null)
        {
            throttle.RecordFailure(userName, ip);
            SignInLog.Failed(log, userName, address);
            return Results.Redirect(LoginUrl("invalid", userName, target, 0));
        }
        throttle.RecordSuccess(userName, ip);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        session.Store(new LastSignIn { Id = principal.UserId(), At = clock.GetUtcNow() });
        await session.SaveChangesAsync(ct);
        SignInLog.SignedIn(log, userName);
        return Results.LocalRedirect(target);
    }

    /// <summary>
    /// Ends this sign-in everywhere: its cookie is refused from now on (on every node, within
    /// <see cref="SessionValidator.RecheckAfter"/>), and its hub connections close now, on every node.
    /// Needs the form's antiforgery token, so that no other site can sign a user out.
    /// </summary>
    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery, IDocumentSession session, SessionEndBroadcast endings, TimeProvider clock, CancellationToken ct)
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
            await endings.EndAsync(new SessionsEnded(http.User.UserId(), sessionId));
        }
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/login");
    }

    private static string LoginUrl(string error, string userName, string returnUrl, int retryAfterSeconds) =>
        $"/login?error={error}&userName={Uri.EscapeDataString(userName)}&returnUrl={Uri.EscapeDataString(returnUrl)}" +
        (retryAfterSeconds > 0 ? $"&retryAfter={retryAfterSeconds}" : "");
}
