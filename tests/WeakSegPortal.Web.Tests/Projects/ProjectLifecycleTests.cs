using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Projects;

/// <summary>Create and edit a project against the real event store.</summary>
public sealed class ProjectLifecycleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Guid Pm = Guid.NewGuid();

    [Fact]
    public async Task Creating_a_project_stores_one_event_and_lists_it()
    {
        var id = await CreateAsync("Liver study");
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var events = await session.Events.FetchStreamAsync(id);
        var created = Assert.IsType<ProjectCreated>(Assert.Single(events).Data);
        Assert.Equal(Pm, created.By);
        Assert.Equal([1, 2], created.Classes.Select(c => c.Id));
        var listed = await ProjectQueries.ListAsync(session, CancellationToken.None);
        Assert.Contains(listed, p => p.Id == id && p.Name == "Liver study" && p.Classes.Count == 2);
    }

    [Fact]
    public async Task Editing_appends_one_event_per_change_and_keeps_class_ids()
    {
        var id = await CreateAsync("Kidney study");
        var draft = await LoadDraftAsync(id);
        draft.Name = "Kidney study v2";
        draft.Classes.RemoveAt(0); // retire class 1
        draft.Classes.Add(new LabelClassDraft { Name = "Cyst", Colour = "#00ff00" });
        var result = await EditAsync(id, draft);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));

        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var types = (await session.Events.FetchStreamAsync(id)).Select(e => e.Data.GetType()).ToList();
        Assert.Equal([typeof(ProjectCreated), typeof(ProjectRenamed), typeof(LabelClassAdded), typeof(LabelClassRetired)], types);
        var project = (await ProjectQueries.LoadAsync(session, id, CancellationToken.None))!.Value.Project;
        // Class 1 was retired; the new class takes 3, never 1 again.
        Assert.Equal([2, 3], project.Classes.Select(c => c.Id));
        var summary = await session.LoadAsync<ProjectSummary>(id);
        Assert.Equal("Kidney study v2", summary!.Name);
    }

    [Fact]
    public async Task A_duplicate_project_name_is_refused_beside_the_name()
    {
        await CreateAsync("Spleen study");
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>()
            .HandleAsync(new CreateProject(Draft("  SPLEEN study "), Pm), CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Contains("exists already", result.Errors[nameof(ProjectDraft.Name)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_from_a_stale_version_is_refused_and_changes_nothing()
    {
        var id = await CreateAsync("Heart study");
        var first = await LoadDraftAsync(id);
        var second = await LoadDraftAsync(id);
        first.Name = "Heart study A";
        Assert.True((await EditAsync(id, first)).Succeeded);
        second.Name = "Heart study B";
        var stale = await EditAsync(id, second);
        Assert.False(stale.Succeeded);
        Assert.Contains("changed this project meanwhile", stale.Errors[""], StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<ProjectSummary>(id);
        Assert.Equal("Heart study A", summary!.Name);
    }

    [Fact]
    public async Task An_invalid_draft_is_refused_and_nothing_is_stored()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var draft = Draft("");
        draft.AllowedKinds.Clear();
        var result = await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>()
            .HandleAsync(new CreateProject(draft, Pm), CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.True(result.Errors.ContainsKey(nameof(ProjectDraft.Name)));
        Assert.True(result.Errors.ContainsKey(nameof(ProjectDraft.AllowedKinds)));
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        Assert.False(await session.Query<ProjectSummary>().AnyAsync(p => p.Name == ""));
    }

    [Fact]
    public async Task Setting_the_team_adds_and_removes_members_as_events()
    {
        var id = await CreateAsync("Team study");
        var (ann, qa, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await SetTeamAsync(id, new ProjectMember(ann, ProjectRole.Annotator), new ProjectMember(qa, ProjectRole.QaLead));
        await SetTeamAsync(id, new ProjectMember(ann, ProjectRole.Annotator), new ProjectMember(other, ProjectRole.Annotator));

        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var events = (await session.Events.FetchStreamAsync(id)).Skip(1).Select(e => e.Data).ToList();
        Assert.Equal(4, events.Count);
        Assert.Contains(events, e => e is ProjectMemberRemoved r && r.UserId == qa);
        var mine = await ProjectQueries.ListForMemberAsync(session, other, CancellationToken.None);
        Assert.Equal(id, Assert.Single(mine).Id);
        Assert.Empty(await ProjectQueries.ListForMemberAsync(session, qa, CancellationToken.None));
    }

    [Fact]
    public async Task One_edit_saves_settings_and_team_together_and_an_invalid_team_stores_neither()
    {
        var id = await CreateAsync("One save study");
        var (ann, qa) = (Guid.NewGuid(), Guid.NewGuid());
        await SetTeamAsync(id, new ProjectMember(ann, ProjectRole.Annotator), new ProjectMember(qa, ProjectRole.QaLead));
        var draft = await LoadDraftAsync(id);
        draft.Members!.Remove(new ProjectMember(qa, ProjectRole.QaLead));
        draft.Description = "second pass";

        var result = await EditAsync(id, draft);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        var saved = await LoadDraftAsync(id);
        Assert.Equal("second pass", saved.Description);
        Assert.Equal([new ProjectMember(ann, ProjectRole.Annotator)], saved.Members!);

        saved.Name = "One save study, renamed";
        saved.Members!.Add(new ProjectMember(ann, ProjectRole.QaLead));
        var refused = await EditAsync(id, saved);
        Assert.Contains("cannot be both annotator and QA lead", refused.Errors[nameof(ProjectDraft.Members)], StringComparison.Ordinal);
        var unchanged = await LoadDraftAsync(id);
        Assert.Equal("One save study", unchanged.Name);
        Assert.Single(unchanged.Members!);
    }

    [Fact]
    public async Task Progress_counts_items_those_submitted_by_enough_annotators_and_those_adjudicated()
    {
        var id = await TestData.ProjectAsync(factory.Services, TestData.Draft("Progress study", annotatorsPerItem: 2));
        var items = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            items.Add(await TestData.ItemAsync(factory.Services, id, $"progress-{i}"));
        }
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            session.Events.Append(items[0], new ItemSubmitted(items[0], a, 1000, DateTimeOffset.UtcNow), new ItemSubmitted(items[0], b, 1000, DateTimeOffset.UtcNow));
            session.Events.Append(items[1], new ItemSubmitted(items[1], a, 1000, DateTimeOffset.UtcNow));
            session.Events.Append(items[0], new ItemAdjudicated(items[0], "consensus", null, [], [], Pm, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        await using var read = factory.Services.CreateAsyncScope();
        var query = read.ServiceProvider.GetRequiredService<IQuerySession>();
        var projects = await ProjectQueries.ListAsync(query, CancellationToken.None);
        var progress = await ProjectQueries.ProgressAsync(query, projects, CancellationToken.None);

        // Item 0 has both annotations it needs (and is adjudicated), item 1 one of two, item 2 none.
        Assert.Equal(new ProjectProgress(3, 1, 1), progress[id]);
    }

    private async Task SetTeamAsync(Guid id, params ProjectMember[] members)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SetProjectTeamHandler>()
            .HandleAsync(new SetProjectTeam(id, members, Pm), CancellationToken.None);
        Assert.True(result.Succeeded);
    }

    private static ProjectDraft Draft(string name) => new()
    {
        Name = name,
        Modality = Modality.CT,
        Classes = [new() { Name = "Organ", Colour = "#ff0000" }, new() { Name = "Lesion", Colour = "#0000ff" }],
        AllowedKinds = [AnnotationKind.Box, AnnotationKind.Scribble],
    };

    private async Task<Guid> CreateAsync(string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>()
            .HandleAsync(new CreateProject(Draft(name), Pm), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Id;
    }

    private async Task<ProjectDraft> LoadDraftAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var loaded = await ProjectQueries.LoadAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), id, CancellationToken.None);
        return ProjectDraft.From(loaded!.Value.Project, loaded.Value.Version);
    }

    private async Task<WeakSegPortal.Core.CommandResult> EditAsync(Guid id, ProjectDraft draft)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EditProjectHandler>()
            .HandleAsync(new EditProject(id, draft, Pm), CancellationToken.None);
    }
}
