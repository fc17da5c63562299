namespace WeakSegPortal.Web.Account;

/// <summary>
/// A user's access changed (disabled, roles changed, password reset: <see cref="SessionId"/> null, every sign-in of theirs)
/// or one sign-in ended (signed out: <see cref="SessionId"/> names it). Every node forgets what it remembered of the user and
/// closes the matching hub connections it holds.
/// </summary>
public sealed record SessionsEnded(Guid UserId, string? SessionId);
