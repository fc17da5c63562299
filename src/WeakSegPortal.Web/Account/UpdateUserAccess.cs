using Marten;
using WeakSegPortal.Core;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Web.Account;

/// <summary>An admin changes a user's roles or disables the account.</summary>
public sealed record UpdateUserAccess(Guid UserId, IReadOnlyCollection<string> Roles, bool Disabled, Guid By);

/// <summary>
/// Changes a user's access and makes it hold at once: a new security stamp (so every cookie of the
/// user is re-read or refused), the team places that needed a role they lost removed in the same
/// transaction, and their open hub connections closed on every node (<see cref="SessionEndBroadcast"/>).
/// </summary>
public sealed class UpdateUserAccessHandler(IDocumentSession session, SessionEndBroadcast endings, TimeProvider clock)
{
    /// <summary>The account role each team role needs.</summary>
    private static readonly IReadOnlyDictionary<ProjectRole, string> NeededRole = new Dictionary<ProjectRole, string>
    {
        [ProjectRole.Annotator] = Roles.Annotator,
        [ProjectRole.QaLead] = Roles.QaLead,
    };

    public async Task<CommandResult> HandleAsync(UpdateUserAccess command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var account = await session.LoadAsync<UserAccount>(command.UserId, ct);
        if (account is null)
        {
            return CommandResult.Refused("", "This user does not exist.");
        }
        if (command.Roles.Count == 0 || command.Roles.Any(r => !Roles.All.Contains(r)))
        {
            return CommandResult.Refused(nameof(UserAccount.Roles), "Keep at least one role.");
        }
        var losesAdmin = account.Roles.Contains(Roles.Admin) && (!command.Roles.Contains(Roles.Admin) || command.Disabled);
        if (losesAdmin && command.UserId == command.By)
        {
            return CommandResult.Refused(nameof(UserAccount.Roles), "You cannot take the Admin role from yourself or disable yourself.");
        }
        var roles = Roles.All.Where(command.Roles.Contains).ToList();
        if (roles.SequenceEqual(account.Roles) && command.Disabled == account.Disabled)
        {
            return CommandResult.Ok(account.Id);
        }
        return await ConcurrentAppend.RetryAsync(session, (attempt, token) => StoreAsync(attempt, command, roles, token), ct);
    }

    private async Task<CommandResult> StoreAsync(IDocumentSession session, UpdateUserAccess command, List<string> roles, CancellationToken ct)
    {
        var account = (await session.LoadAsync<UserAccount>(command.UserId, ct))!;
        account.Roles = roles;
        account.Disabled = command.Disabled;
        account.SecurityStamp = UserAccount.NewSecurityStamp();
        session.Update(account);
        session.Events.Append(account.Id, new UserAccessChanged(account.Id, roles, command.Disabled, command.By, clock.GetUtcNow()));
        var lost = NeededRole.Where(n => !roles.Contains(n.Value)).Select(n => n.Key).ToHashSet();
        var projects = await session.Query<ProjectSummary>().ToListAsync(ct);
        foreach (var project in projects.Where(p => p.Members.Any(m => m.UserId == account.Id && lost.Contains(m.Role))))
        {
            var stream = await session.Events.FetchForWriting<Project>(project.Id, ct);
            stream.AppendMany(stream.Aggregate!.Members
                .Where(m => m.UserId == account.Id && lost.Contains(m.Role))
                .Select(m => (object)new ProjectMemberRemoved(project.Id, m.UserId, m.Role, command.By, clock.GetUtcNow())));
        }
        await session.SaveChangesAsync(ct);
        await endings.EndAsync(new SessionsEnded(account.Id, null));
        return CommandResult.Ok(account.Id);
    }
}
