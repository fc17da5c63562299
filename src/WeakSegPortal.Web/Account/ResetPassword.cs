using Marten;
using Microsoft.AspNetCore.Identity;
using WeakSegPortal.Core;

namespace WeakSegPortal.Web.Account;

/// <summary>An admin sets a new password for a user.</summary>
public sealed record ResetPassword(Guid UserId, string NewPassword, Guid By);

/// <summary>
/// Stores the new password's hash and ends every sign-in of the user: a new password stamp (every
/// cookie made before is refused once re-checked, see <see cref="SessionValidator"/>), and, as when
/// disabling, a new security stamp and their hub connections closed on every node.
/// </summary>
public sealed class ResetPasswordHandler(IDocumentSession session, IPasswordHasher<UserAccount> hasher, SessionEndBroadcast endings, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(ResetPassword command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (PasswordRule.Check(command.NewPassword) is { } error)
        {
            return CommandResult.Refused(nameof(ResetPassword.NewPassword), error);
        }
        var account = await session.LoadAsync<UserAccount>(command.UserId, ct);
        if (account is null)
        {
            return CommandResult.Refused("", "This user does not exist.");
        }
        account.PasswordHash = hasher.HashPassword(account, command.NewPassword);
        account.SecurityStamp = UserAccount.NewSecurityStamp();
        account.PasswordStamp = UserAccount.NewSecurityStamp();
        session.Update(account);
        session.Events.Append(account.Id, new UserPasswordReset(account.Id, command.By, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        await endings.EndAsync(new SessionsEnded(account.Id, null));
        return CommandResult.Ok(account.Id);
    }
}
