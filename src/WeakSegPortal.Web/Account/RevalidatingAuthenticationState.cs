using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace WeakSegPortal.Web.Account;

/// <summary>
/// A Blazor circuit keeps the user it was opened with; this asks <see cref="SessionValidator"/> every
/// few seconds whether that sign-in still holds, so a disabled, signed-out or re-roled user's open
/// pages stop working as their cookie does.
/// </summary>
public sealed class RevalidatingAuthenticationState(ILoggerFactory loggerFactory, SessionValidator sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => SessionValidator.RecheckAfter;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return authenticationState.User.Identity?.IsAuthenticated != true
            || (await sessions.CheckAsync(authenticationState.User, cancellationToken)).State == SessionState.Valid;
    }
}
