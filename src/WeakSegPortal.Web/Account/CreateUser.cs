using System.Text.RegularExpressions;
using Marten;
using Microsoft.AspNetCore.Identity;

namespace WeakSegPortal.Web.Account;

/// <summary>An admin creates a user with a hashed password and roles.</summary>
public sealed partial class CreateUserHandler(IDocumentSession session, IPasswordHasher<UserAccount> hasher, TimeProvider clock)
{
    public async Task<Core.CommandResult> HandleAsync(NewUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var errors = new Dictionary<string, string>();
        var userName = user.UserName.Trim();
        if (!UserNamePattern().IsMatch(userName))
        {
            errors[nameof(NewUser.UserName)] = "Use 2–64 letters, digits, '.', '_' or '-'.";
        }
        else if (await session.Query<UserAccount>().AnyAsync(u => u.NormalizedUserName == UserAccount.Normalize(userName), ct))
        {
            errors[nameof(NewUser.UserName)] = $"The user name \"{userName}\" is taken.";
        }
        if (PasswordRule.Check(user.Password) is { } passwordError)
        {
            errors[nameof(NewUser.Password)] = passwordError;
        }
        if (user.Roles.Count == 0 || user.Roles.Any(r => !Roles.All.Contains(r)))
        {
            errors[nameof(NewUser.Roles)] = "Give the user at least one role.";
        }
        if (errors.Count > 0)
        {
            return Core.CommandResult.Refused(errors);
        }
        var account = new UserAccount
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            NormalizedUserName = UserAccount.Normalize(userName),
            DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? userName : user.DisplayName.Trim(),
            Roles = [.. Roles.All.Where(user.Roles.Contains)],
            SecurityStamp = UserAccount.NewSecurityStamp(),
            CreatedAt = clock.GetUtcNow(),
        };
        account.PasswordHash = hasher.HashPassword(account, user.Password);
        session.Insert(account);
        session.Events.StartStream(account.Id, new UserCreated(account.Id, account.UserName, account.Roles, user.By, account.CreatedAt));
        await session.SaveChangesAsync(ct);
        return Core.CommandResult.Ok(account.Id);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{2,64}$")]
    private static partial Regex UserNamePattern();
}
