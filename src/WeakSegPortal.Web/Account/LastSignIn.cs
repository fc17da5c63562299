namespace WeakSegPortal.Web.Account;

/// <summary>
/// When a user last signed in. A document of its own, keyed by the user id, so that a sign-in never
/// writes the account itself (and cannot overwrite an admin's change of roles made at the same moment).
/// </summary>
public sealed class LastSignIn
{
    /// <summary>The user's id.</summary>
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
}
