using WeakSegPortal.Core.Audit;

namespace WeakSegPortal.Web.Account;

// Changes to accounts, on one stream per user (the user's id), for the audit; the account itself stays a document.

public sealed record UserCreated(Guid UserId, string UserName, IReadOnlyList<string> Roles, Guid By, DateTimeOffset At) : IAdministrativeEvent;

public sealed record UserAccessChanged(Guid UserId, IReadOnlyList<string> Roles, bool Disabled, Guid By, DateTimeOffset At) : IAdministrativeEvent;

public sealed record UserPasswordReset(Guid UserId, Guid By, DateTimeOffset At) : IAdministrativeEvent;
