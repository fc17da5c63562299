using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Items.Sampling;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Items;

/// <summary>The project's sampling strategy picks the next item on real PostgreSQL; open, returned and gold items keep precedence.</summary>
public sealed class SamplingStrategyQueueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Every_registered_strategy_can_be_chosen_and_hands_out_items_until_none_is_left(string strategy)
    {
        var person = Guid.NewGuid();
        var project = await ProjectAsync($"Every strategy {strategy}", strategy, person);
        var items = new[] { await TestData.ItemAsync(factory.Services, project, "a"), await TestData.ItemAsync(factory.Services, project, "b") };

        var got = new List<Guid>();
        while (await NextAsync(project, person) is { } next)
        {
            got.Add(next.Id);
            await SubmitAsync(next.Id, person);
        }

        Assert.Equal(items.Order(), got.Order());
        Assert.Equal(strategy, (await SummaryAsync(project)).SamplingStrategy);
    }

    public static TheoryData<string> Strategies() => [.. SamplingStrategies.Names];

    [Fact]
    public async Task Sequential_is_the_default_and_hands_out_the_earliest_least_covered_item()
    {
        var person = Guid.NewGuid();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Default sequential"), Annotator(person));
        var first = await TestData.ItemAsync(factory.Services, project, "a");
        await TestData.ItemAsync(factory.Services, project, "b");

        Assert.Equal(SamplingStrategies.Sequential, (await SummaryAsync(project)).SamplingStrategy);
        Assert.Equal(first, (await NextAsync(project, person))!.Id);
    }

    [Fact]
    public async Task Random_lets_the_draw_pick_among_the_least_covered_items()
    {
        var (person, other) = (Guid.NewGuid(), Guid.NewGuid());
        var project = await ProjectAsync("Random draw", SamplingStrategies.Random, person, other);
        var covered = await TestData.ItemAsync(factory.Services, project, "a");
        var b = await TestData.ItemAsync(factory.Services, project, "b");
        var c = await TestData.ItemAsync(factory.Services, project, "c");
        Assert.Equal(covered, (await NextAsync(project, other, new ScriptedRandom(0)))!.Id);

        // "a" is held by the other annotator: the draw chooses among b and c, in import order (index 1 is c).
        Assert.Equal(c, (await NextAsync(project, person, new ScriptedRandom(1)))!.Id);
        await SubmitAsync(c, person);
        Assert.Equal(b, (await NextAsync(project, person, new ScriptedRandom(0)))!.Id);
    }

    [Fact]
    public async Task Informative_is_sequential_until_a_model_is_promoted_then_ranks_by_uncertainty_times_one_plus_disagreement()
    {
        var (early, late) = (Guid.NewGuid(), Guid.NewGuid());
        var project = await ProjectAsync("Informative", SamplingStrategies.Informative, early, late);
        var a = await TestData.ItemAsync(factory.Services, project, "a");
        var b = await TestData.ItemAsync(factory.Services, project, "b");
        var c = await TestData.ItemAsync(factory.Services, project, "c");
        var version = await RegisterAsync(project, (a, 0.2), (b, 0.5), (c, 0.4));

        Assert.Equal(a, (await NextAsync(project, early))!.Id); // registered, not promoted: sequential

        await PromoteAsync(project, version);
        await AgreementAsync(project, c, score: 0.5);

        // b: 0.5 × (1 + 0) = 0.5; c: 0.4 × (1 + 0.5) = 0.6; a (held by the early annotator, overlap 2): 0.2.
        Assert.Equal(c, (await NextAsync(project, late))!.Id);
        await SubmitAsync(c, late);
        Assert.Equal(b, (await NextAsync(project, late))!.Id);
    }

    [Fact]
    public async Task Open_returned_and_gold_items_come_before_the_strategy_s_pick()
    {
        var person = Guid.NewGuid();
        var project = await ProjectAsync("Precedence", SamplingStrategies.Informative, person, goldRate: 0.5);
        var a = await TestData.ItemAsync(factory.Services, project, "a");
        var b = await TestData.ItemAsync(factory.Services, project, "b");
        var gold = await TestData.ItemAsync(factory.Services, project, "gold", gold: true);
        await PromoteAsync(project, await RegisterAsync(project, (a, 0.9), (b, 0.1)));
        var never = new ScriptedRandom(0, nextDouble: 0.99);

        var picked = await NextAsync(project, person, never);
        Assert.Equal(a, picked!.Id);
        Assert.Equal(a, (await NextAsync(project, person, never))!.Id); // open: resumed
        await SubmitAsync(a, person);
        Assert.Equal(gold, (await NextAsync(project, person, new ScriptedRandom(0, nextDouble: 0)))!.Id); // the gold draw wins
        await SubmitAsync(gold, person);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            session.Events.Append(a, new ItemReturned(a, person, "Look again.", Guid.NewGuid(), DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        Assert.Equal(a, (await NextAsync(project, person, never))!.Id); // returned: before b
    }

    private async Task<Guid> ProjectAsync(string name, string strategy, Guid person, Guid? other = null, double goldRate = 0)
    {
        var draft = TestData.Draft(name, annotatorsPerItem: 2, goldRate: goldRate);
        draft.SamplingStrategy = strategy;
        ProjectMember[] team = other is { } second ? [Annotator(person), Annotator(second)] : [Annotator(person)];
        return await TestData.ProjectAsync(factory.Services, draft, team);
    }

    private static ProjectMember Annotator(Guid id) => new(id, ProjectRole.Annotator);

    private async Task<ItemView?> NextAsync(Guid projectId, Guid annotator, Random? draws = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = new NextItemHandler(scope.ServiceProvider.GetRequiredService<IDocumentSession>(), TimeProvider.System, new GoldDraw(draws ?? new Random(1)));
        return await handler.HandleAsync(new NextItem(projectId, annotator), CancellationToken.None);
    }

    private async Task<ProjectSummary> SummaryAsync(Guid projectId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IQuerySession>().LoadAsync<ProjectSummary>(projectId))!;
    }

    private async Task SubmitAsync(Guid itemId, Guid annotator)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Events.Append(itemId, new ItemSubmitted(itemId, annotator, 1000, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    private async Task<Guid> RegisterAsync(Guid projectId, params (Guid Item, double Uncertainty)[] uncertainties)
    {
        var registered = new ModelVersionRegistered(
            Guid.NewGuid(), projectId, Guid.NewGuid(), 1, new TrainingConfig(), 3, "ckpt", "onnx", 0.3, 0.8, 3, 0, [],
            [.. uncertainties.Select(u => new ItemUncertainty(u.Item, u.Uncertainty))], 1000, DateTimeOffset.UtcNow);
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Events.Append(ModelStreams.ForProject(projectId), registered);
        await session.SaveChangesAsync();
        return registered.ModelVersionId;
    }

    private async Task PromoteAsync(Guid projectId, Guid versionId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PromoteModelHandler>()
            .HandleAsync(new PromoteModel(projectId, versionId, Guid.NewGuid()), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
    }

    /// <summary>The agreement read model's row, as the agreement subscription writes it.</summary>
    private async Task AgreementAsync(Guid projectId, Guid itemId, double score)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Store(new ItemAgreementSummary { Id = itemId, ProjectId = projectId, Score = score, UpdatedAt = DateTimeOffset.UtcNow });
        await session.SaveChangesAsync();
    }

    /// <summary>Draws that say what the test needs: every index draw answers <c>index</c> (bounded), every chance draw <c>nextDouble</c>.</summary>
    private sealed class ScriptedRandom(int index, double nextDouble = 0.99) : Random
    {
        public override double NextDouble() => nextDouble;

        public override int Next(int maxValue) => Math.Min(index, maxValue - 1);
    }
}
