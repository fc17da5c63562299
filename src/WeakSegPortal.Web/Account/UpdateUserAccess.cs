using Marten;

namespace WeakSegPortal.Web.Account;

/// <summary>An admin changes a user's roles or disables the account.</summary>
public sealed record UpdateUserAccess(Guid UserId, IReadOnlyCollection<string> Roles, bool Disabled, Guid By);

public sealed class UpdateUserAccessHandler(IDocumentSession session)
{
    public async Task<Core.CommandResult> HandleAsync(UpdateUserAccess command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var account = await session.LoadAsync<UserAccount>(command.UserId, ct);
        if (account is null)
        {
            return Core.CommandResult.Refused("", "This user does not exist.");
        }
        if (command.Roles.Count == 0 || command.Roles.Any(r => !Roles.All.Contains(r)))
        {
            return Core.CommandResult.Refused(nameof(UserAccount.Roles), "Keep at least one role.");
        }
        var losesAdmin = account.Roles.Contains(Roles.Admin) && (!command.Roles.Contains(Roles.Admin) || command.Disabled);
        if (losesAdmin && command.UserId == command.By)
        {
            return Core.CommandResult.Refused(nameof(UserAccount.Roles), "You cannot take the Admin role from yourself or disable yourself.");
        }
        account.Roles = [.. Roles.All.Where(command.Roles.Contains)];
        account.Disabled = command.Disabled;
        session.Update(account);
        await session.SaveChangesAsync(ct);
        return Core.CommandResult.Ok(account.Id);
    }
}
