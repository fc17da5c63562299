namespace WeakSegPortal.Web.Account;

/// <summary>What a sign-in cookie's session is worth now.</summary>
public enum SessionState
{
    /// <summary>As the cookie says.</summary>
    Valid,

    /// <summary>Still signed in, but the account's access changed (roles): the cookie must be re-issued from <see cref="SessionCheck.Account"/>.</summary>
    Changed,

    /// <summary>Signed out, disabled or gone: refused everywhere.</summary>
    Ended,
}

/// <summary>The answer of <see cref="SessionValidator"/>: the state, the account as it is now, and why a session ended.</summary>
public sealed record SessionCheck(SessionState State, UserAccount? Account, string? Reason)
{
    public static SessionCheck Ended(string reason) => new(SessionState.Ended, null, reason);
}
