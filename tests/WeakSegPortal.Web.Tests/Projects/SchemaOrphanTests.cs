using Marten;
using WeakSegPortal.Core;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Tests.Infrastructure;
using WeakSegPortal.Web.Tests.Qa;

namespace WeakSegPortal.Web.Tests.Projects;

/// <summary>Schema edits that would orphan labels are refused in the handler, with the reason, and change nothing.</summary>
public sealed class SchemaOrphanTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Deleting_a_class_that_has_labels_is_refused_with_its_name_and_count_and_nothing_changes()
    {
        var world = await LabelledWorldAsync("orph-class");
        var (draft, before) = await DraftAsync(world.Project);
        draft.Name += " renamed";
        draft.Classes.RemoveAll(c => c.Id == 1); // "Liver" holds the box

        var result = await EditAsync(world.Project, draft);

        Assert.False(result.Succeeded);
        var reason = result.Errors[nameof(ProjectDraft.Classes)];
        Assert.Contains("\"Liver\" has 1 label", reason, StringComparison.Ordinal);
        Assert.Equal(before, await VersionAsync(world.Project));
    }

    [Fact]
    public async Task Disallowing_an_annotation_type_in_use_is_refused_and_nothing_changes()
    {
        var world = await LabelledWorldAsync("orph-kind");
        var (draft, before) = await DraftAsync(world.Project);
        draft.AllowedKinds.Remove(AnnotationKind.Box);
        draft.GoldRate = 0.1;

        var result = await EditAsync(world.Project, draft);

        Assert.False(result.Succeeded);
        Assert.Contains("Box (1 label)", result.Errors[nameof(ProjectDraft.AllowedKinds)], StringComparison.Ordinal);
        Assert.Equal(before, await VersionAsync(world.Project));
    }

    [Fact]
    public async Task A_class_and_a_type_without_labels_can_still_be_removed()
    {
        var world = await LabelledWorldAsync("orph-free");
        var (draft, before) = await DraftAsync(world.Project);
        draft.Classes.RemoveAll(c => c.Id == 2); // "Lesion": no labels
        draft.AllowedKinds.Remove(AnnotationKind.Point);

        var result = await EditAsync(world.Project, draft);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        Assert.Equal(before + 2, await VersionAsync(world.Project));
    }

    /// <summary>A project whose annotator drew one box of class 1 ("Liver") through the real hub.</summary>
    private async Task<QaWorld> LabelledWorldAsync(string prefix)
    {
        var world = await new QaWorld(factory, prefix).CreateAsync($"Orphans {prefix} {Guid.NewGuid():N}");
        await using var hub = await world.ConnectAsync(0);
        await QaWorld.BoxAsync(hub, world.Item, 2, 2, 20, 20);
        return world;
    }

    private async Task<(ProjectDraft Draft, long Version)> DraftAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var loaded = (await ProjectQueries.LoadAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), id, CancellationToken.None))!.Value;
        return (ProjectDraft.From(loaded.Project, loaded.Version), loaded.Version);
    }

    private async Task<long> VersionAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamStateAsync(id))!.Version;
    }

    private async Task<CommandResult> EditAsync(Guid id, ProjectDraft draft)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EditProjectHandler>().HandleAsync(new EditProject(id, draft, Guid.Empty), CancellationToken.None);
    }
}
