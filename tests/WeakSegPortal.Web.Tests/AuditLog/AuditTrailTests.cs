using Marten;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Audit;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.AuditLog;

/// <summary>
/// Administrative changes made through the real handlers appear in the audit, built from their events, with who and
/// what; filters by who, what, project and when narrow it; pages are 25 long; managers see project changes, not accounts.
/// </summary>
public sealed class AuditTrailTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Project_team_account_and_model_changes_are_listed_with_who_and_what_and_filter_by_who_what_project_and_when()
    {
        var manager = await factory.EnsureUserAsync("au-manager", "audit-pw-123", Roles.ProjectManager);
        var admin = await factory.EnsureUserAsync("au-admin", "audit-pw-123", Roles.Admin);
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        Guid project, annotator;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            project = (await services.GetRequiredService<CreateProjectHandler>().HandleAsync(new CreateProject(TestData.Draft("Audit study"), manager), CancellationToken.None)).Id;
            var created = await services.GetRequiredService<CreateUserHandler>().HandleAsync(
                new NewUser { UserName = "au-annotator", Password = "audit-pw-123", Roles = [Roles.Annotator], By = admin }, CancellationToken.None);
            annotator = created.Id;
            Assert.True((await services.GetRequiredService<SetProjectTeamHandler>().HandleAsync(
                new SetProjectTeam(project, [new ProjectMember(annotator, ProjectRole.Annotator)], manager), CancellationToken.None)).Succeeded);
            Assert.True((await services.GetRequiredService<UpdateUserAccessHandler>().HandleAsync(
                new UpdateUserAccess(annotator, [Roles.Annotator], Disabled: true, admin), CancellationToken.None)).Succeeded);
        }
        await RenameAsync(project, "Audit study v2", manager);
        await PromoteAsync(project, manager);

        var all = await PageAsync(new AuditFilter(ProjectId: project), isAdmin: true);
        Assert.Equal(["ModelPromoted", "ProjectRenamed", "ProjectMemberAdded", "ProjectCreated"], all.Entries.Select(e => e.Kind));
        Assert.All(all.Entries, e => Assert.Equal(manager, e.By));
        Assert.Equal("Project renamed", all.Entries[1].What);
        Assert.Contains("Audit study v2", all.Entries[1].Details, StringComparison.Ordinal);

        var byAdmin = await PageAsync(new AuditFilter(By: admin), isAdmin: true);
        Assert.Equal(["UserAccessChanged", "UserCreated"], byAdmin.Entries.Select(e => e.Kind));
        Assert.Contains("Disabled: true", byAdmin.Entries[0].Details, StringComparison.Ordinal);
        Assert.Empty((await PageAsync(new AuditFilter(By: admin), isAdmin: false)).Entries);

        Assert.Single((await PageAsync(new AuditFilter(Kind: nameof(ProjectRenamed), ProjectId: project), isAdmin: false)).Entries);
        Assert.Equal(4, (await PageAsync(new AuditFilter(ProjectId: project, From: started), isAdmin: false)).Total);
        Assert.Equal(0, (await PageAsync(new AuditFilter(ProjectId: project, To: started), isAdmin: false)).Total);
    }

    [Fact]
    public async Task The_audit_is_paged_newest_first()
    {
        var manager = await factory.EnsureUserAsync("au-pager", "audit-pw-123", Roles.ProjectManager);
        Guid project;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            project = (await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>().HandleAsync(new CreateProject(TestData.Draft("Paged study"), manager), CancellationToken.None)).Id;
        }
        for (var i = 1; i <= 27; i++)
        {
            await RenameAsync(project, $"Paged study {i}", manager);
        }

        var first = await PageAsync(new AuditFilter(ProjectId: project), isAdmin: false);
        var second = await PageAsync(new AuditFilter(ProjectId: project), isAdmin: false, page: 2);
        Assert.Equal((28, 2, 25, 3), (first.Total, first.Pages, first.Entries.Count, second.Entries.Count));
        Assert.Contains("Paged study 27", first.Entries[0].Details, StringComparison.Ordinal);
        Assert.Equal(nameof(ProjectCreated), second.Entries[^1].Kind);
    }

    private async Task<AuditPage> PageAsync(AuditFilter filter, bool isAdmin, int page = 1)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await AuditQueries.PageAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), filter, isAdmin, page, CancellationToken.None);
    }

    private async Task RenameAsync(Guid project, string name, Guid by)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var loaded = (await ProjectQueries.LoadAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), project, CancellationToken.None))!.Value;
        var draft = ProjectDraft.From(loaded.Project, loaded.Version);
        draft.Name = name;
        var result = await scope.ServiceProvider.GetRequiredService<EditProjectHandler>().HandleAsync(new EditProject(project, draft, by), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }

    /// <summary>A registered version (as a finished training job leaves it), promoted by the manager through the real handler.</summary>
    private async Task PromoteAsync(Guid project, Guid by)
    {
        var version = Guid.NewGuid();
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Events.Append(ModelStreams.ForProject(project), new ModelVersionRegistered(version, project, Guid.NewGuid(), 1, new TrainingConfig(), 2,
            new string('a', 64), new string('b', 64), 0.5, 0.8, 1, 0, [], [], 1000, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        var result = await scope.ServiceProvider.GetRequiredService<PromoteModelHandler>().HandleAsync(new PromoteModel(project, version, by), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }
}
