using Marten;
using Microsoft.Extensions.Options;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Seeding;

/// <summary>
/// On first start: the bootstrap admin (when configured) and, for a demo portal, demo users for
/// every role and a demo project. Runs after the schema is applied; does nothing the second time.
/// </summary>
internal sealed partial class PortalSeeder(IServiceScopeFactory scopes, IOptions<SeedOptions> options, ILogger<PortalSeeder> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var session = services.GetRequiredService<IDocumentSession>();
        var seed = options.Value;
        if (seed.AdminUserName is { Length: > 0 } admin && seed.AdminPassword is { } password
            && !await session.Query<UserAccount>().AnyAsync(cancellationToken))
        {
            await CreateUserAsync(services, admin, password, "Administrator", Roles.Admin, cancellationToken);
        }
        if (!seed.Demo)
        {
            return;
        }
        if (await session.LoadAsync<SeedRecord>("demo", cancellationToken) is null)
        {
            await SeedDemoAsync(services, session, cancellationToken);
        }
        foreach (var (userName, pass, _, role) in DemoAccounts.All)
        {
            DemoSignIn(log, Roles.DisplayName(role), userName, pass);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task SeedDemoAsync(IServiceProvider services, IDocumentSession session, CancellationToken ct)
    {
        var by = Guid.Empty;
        var team = new List<ProjectMember>();
        foreach (var (userName, password, displayName, role) in DemoAccounts.All)
        {
            var id = await CreateUserAsync(services, userName, password, displayName, role, ct);
            if (role == Roles.ProjectManager)
            {
                by = id;
            }
            else if (role is Roles.Annotator or Roles.QaLead)
            {
                team.Add(new ProjectMember(id, role == Roles.Annotator ? ProjectRole.Annotator : ProjectRole.QaLead));
            }
        }
        var project = await services.GetRequiredService<CreateProjectHandler>().HandleAsync(new CreateProject(DemoProject.Draft(), by), ct);
        await services.GetRequiredService<SetProjectTeamHandler>().HandleAsync(new SetProjectTeam(project.Id, team, by), ct);
        await DemoItems.AddAsync(services, project.Id, by, ct);
        session.Store(new SeedRecord { Id = "demo", At = TimeProvider.System.GetUtcNow() });
        await session.SaveChangesAsync(ct);
    }

    private static async Task<Guid> CreateUserAsync(IServiceProvider services, string userName, string password, string displayName, string role, CancellationToken ct)
    {
        var handler = services.GetRequiredService<CreateUserHandler>();
        var result = await handler.HandleAsync(new NewUser { UserName = userName, Password = password, DisplayName = displayName, Roles = [role] }, ct);
        return result.Id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo sign-in ({Role}): {UserName} / {Password}")]
    private static partial void DemoSignIn(ILogger logger, string role, string userName, string password);
}
