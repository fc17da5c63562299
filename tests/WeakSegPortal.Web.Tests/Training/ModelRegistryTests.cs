using Marten;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Training;

public sealed class ModelRegistryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static ModelVersionRegistered Registered(Guid projectId, int version, double dice) => new(
        Guid.NewGuid(), projectId, Guid.NewGuid(), version, new TrainingConfig { Epochs = 3 }, 2, $"ckpt{version}", $"onnx{version}",
        0.5 / version, dice, 10, 2, [Guid.NewGuid()], [new ItemUncertainty(Guid.NewGuid(), 0.25 * version)], 1234, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Registered_versions_are_listed_in_order_and_a_promotion_names_the_served_one()
    {
        var projectId = Guid.NewGuid();
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        var first = Registered(projectId, 1, 0.71);
        var second = Registered(projectId, 2, 0.83);
        await using (var session = store.LightweightSession())
        {
            session.Events.Append(ModelStreams.ForProject(projectId), first, second);
            await session.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<PromoteModelHandler>();
            var result = await handler.HandleAsync(new PromoteModel(projectId, first.ModelVersionId, Guid.NewGuid()), CancellationToken.None);
            Assert.True(result.Succeeded);
        }

        await using var query = store.QuerySession();
        var models = await ProjectModelQueries.LoadAsync(query, projectId, CancellationToken.None);
        Assert.Equal([1, 2], models.Versions.Select(v => v.Version));
        Assert.Equal(3, models.NextVersion);
        Assert.Equal(first.ModelVersionId, models.Promoted?.ModelVersionId);
        Assert.Equal("onnx1", models.Promoted?.OnnxHash);
        Assert.Equal(0.25, Assert.Single(models.Promoted!.Uncertainties).Uncertainty);
    }

    [Fact]
    public async Task Promoting_a_version_the_project_does_not_have_is_refused_and_stores_nothing()
    {
        var projectId = Guid.NewGuid();
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        var other = Registered(Guid.NewGuid(), 1, 0.5);
        await using (var session = store.LightweightSession())
        {
            session.Events.Append(ModelStreams.ForProject(other.ProjectId), other);
            await session.SaveChangesAsync();
        }

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<PromoteModelHandler>();
            var result = await handler.HandleAsync(new PromoteModel(projectId, other.ModelVersionId, Guid.NewGuid()), CancellationToken.None);
            Assert.Equal("This project has no such model version.", result.Errors[nameof(PromoteModel.ModelVersionId)]);
        }

        await using var query = store.QuerySession();
        var models = await ProjectModelQueries.LoadAsync(query, projectId, CancellationToken.None);
        Assert.Empty(models.Versions);
        Assert.Null(models.Promoted);
        var events = await query.Events.FetchStreamAsync(ModelStreams.ForProject(projectId));
        Assert.Empty(events);
    }
}
