using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>Projects and items written straight to the event store, for tests that start past the import.</summary>
public static class TestData
{
    /// <summary>The events of one annotator's stream on one item, in order.</summary>
    public static async Task<IReadOnlyList<object>> AnnotationStreamAsync(IServiceProvider services, Guid item, Guid annotator)
    {
        await using var scope = services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(AnnotationStreams.For(item, annotator));
        return [.. events.Select(e => e.Data)];
    }

    public static ProjectDraft Draft(string name, int annotatorsPerItem = 2, double goldRate = 0) => new()
    {
        Name = name,
        Modality = Modality.CT,
        Classes = [new() { Name = "Liver", Colour = "#ff0000" }, new() { Name = "Lesion", Colour = "#0000ff" }],
        AllowedKinds = [AnnotationKind.Tag, AnnotationKind.Box, AnnotationKind.Scribble, AnnotationKind.Point],
        AnnotatorsPerItem = annotatorsPerItem,
        GoldRate = goldRate,
    };

    public static async Task<Guid> ProjectAsync(IServiceProvider services, ProjectDraft draft, params ProjectMember[] team)
    {
        await using var scope = services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateProjectHandler>()
            .HandleAsync(new CreateProject(draft, Guid.Empty), CancellationToken.None);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Values));
        await scope.ServiceProvider.GetRequiredService<SetProjectTeamHandler>()
            .HandleAsync(new SetProjectTeam(created.Id, team, Guid.Empty), CancellationToken.None);
        return created.Id;
    }

    /// <summary>An item with real pixels in the portal's blob store.</summary>
    public static async Task<Guid> VolumeItemAsync(IServiceProvider services, Guid projectId, string name, WeakSegPortal.Imaging.Volumes.Volume volume)
    {
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var registered = await scope.ServiceProvider.GetRequiredService<WeakSegPortal.Web.Items.ItemRegistrar>()
            .StageAsync(session, projectId, Guid.Empty, name, volume, Guid.Empty, CancellationToken.None);
        await session.SaveChangesAsync();
        return registered.ItemId;
    }

    public static async Task<Guid> ItemAsync(IServiceProvider services, Guid projectId, string name, bool gold = false, int nx = 64, int ny = 64, int nz = 8)
    {
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var id = Guid.CreateVersion7();
        var geometry = new ItemGeometry(nx, ny, nz, [1, 1, 2], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]);
        session.Events.StartStream<ItemView>(id, new ItemRegistered(id, projectId, Guid.Empty, name, "CT", geometry, $"key-{id:N}", $"hash-{id:N}", null, Guid.Empty, DateTimeOffset.UtcNow));
        if (gold)
        {
            session.Events.Append(id, new ItemMarkedGold(id, Guid.Empty, DateTimeOffset.UtcNow));
        }
        await session.SaveChangesAsync();
        return id;
    }
}
