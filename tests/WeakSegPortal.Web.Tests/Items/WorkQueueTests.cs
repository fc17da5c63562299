using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Items;

public sealed class WorkQueueTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<ItemView?> NextAsync(Guid projectId, Guid annotator, GoldDraw? gold = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = new NextItemHandler(scope.ServiceProvider.GetRequiredService<IDocumentSession>(), TimeProvider.System, gold ?? new GoldDraw(new Random(1)));
        return await handler.HandleAsync(new NextItem(projectId, annotator), CancellationToken.None);
    }

    private static ProjectMember Annotator(Guid id) => new(id, ProjectRole.Annotator);

    [Fact]
    public async Task Each_item_goes_to_as_many_annotators_as_the_overlap_and_never_twice_to_one()
    {
        var people = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Overlap two", annotatorsPerItem: 2), [.. people.Select(Annotator)]);
        var items = new[] { await TestData.ItemAsync(factory.Services, project, "a"), await TestData.ItemAsync(factory.Services, project, "b") };

        var got = new Dictionary<Guid, List<Guid>>();
        foreach (var person in people)
        {
            got[person] = [];
            for (var round = 0; round < 3; round++)
            {
                var next = await NextAsync(project, person);
                if (next is null)
                {
                    break;
                }
                got[person].Add(next.Id);
                await SubmitAsync(next.Id, person);
            }
        }
        foreach (var list in got.Values)
        {
            Assert.Equal(list.Count, list.Distinct().Count());
        }
        var coverage = items.Select(i => got.Values.Count(l => l.Contains(i))).ToArray();
        Assert.Equal([2, 2], coverage);
    }

    [Fact]
    public async Task An_open_item_is_resumed_rather_than_a_new_one_given()
    {
        var person = Guid.NewGuid();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Resume"), Annotator(person));
        await TestData.ItemAsync(factory.Services, project, "a");
        await TestData.ItemAsync(factory.Services, project, "b");
        var first = await NextAsync(project, person);
        var again = await NextAsync(project, person);
        Assert.Equal(first!.Id, again!.Id);
    }

    [Fact]
    public async Task An_item_QA_returned_is_resumed_before_one_merely_left_open()
    {
        var person = Guid.NewGuid();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Returned first"), Annotator(person));
        await TestData.ItemAsync(factory.Services, project, "a");
        await TestData.ItemAsync(factory.Services, project, "b");
        var first = await NextAsync(project, person);
        await SubmitAsync(first!.Id, person);
        var second = await NextAsync(project, person);
        Assert.NotEqual(first.Id, second!.Id);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            session.Events.Append(first.Id, new ItemReturned(first.Id, person, "Look again at the edge.", Guid.NewGuid(), DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        var next = await NextAsync(project, person);
        Assert.Equal(first.Id, next!.Id);
        Assert.Equal("Look again at the edge.", next.ReturnCommentFor(person));
    }

    [Fact]
    public async Task Someone_outside_the_team_gets_nothing()
    {
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Closed team"), Annotator(Guid.NewGuid()));
        await TestData.ItemAsync(factory.Services, project, "a");
        Assert.Null(await NextAsync(project, Guid.NewGuid()));
    }

    [Fact]
    public async Task Gold_items_are_mixed_in_at_the_gold_rate_beyond_the_overlap()
    {
        var people = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Gold", annotatorsPerItem: 1, goldRate: 0.5), [.. people.Select(Annotator)]);
        var gold = await TestData.ItemAsync(factory.Services, project, "gold", gold: true);
        await TestData.ItemAsync(factory.Services, project, "plain");
        // A draw that always says "gold": every annotator gets the gold item first, overlap or not.
        var always = new GoldDraw(new AlwaysRandom());
        foreach (var person in people)
        {
            var next = await NextAsync(project, person, always);
            Assert.Equal(gold, next!.Id);
            await SubmitAsync(next.Id, person);
        }
    }

    [Fact]
    public async Task Skipping_needs_a_reason_and_frees_the_slot_for_someone_else()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Skip", annotatorsPerItem: 1), Annotator(first), Annotator(second));
        var item = await TestData.ItemAsync(factory.Services, project, "only");
        Assert.Equal(item, (await NextAsync(project, first))!.Id);
        Assert.Null(await NextAsync(project, second));

        await using var scope = factory.Services.CreateAsyncScope();
        var finish = scope.ServiceProvider.GetRequiredService<FinishItemHandler>();
        var silent = await finish.HandleAsync(new FinishItem(item, first, 500, SkipReason: "  "), CancellationToken.None);
        Assert.False(silent.Succeeded);
        var skipped = await finish.HandleAsync(new FinishItem(item, first, 500, SkipReason: "Structure not visible"), CancellationToken.None);
        Assert.True(skipped.Succeeded);
        Assert.Null(await NextAsync(project, first));
        Assert.Equal(item, (await NextAsync(project, second))!.Id);
    }

    [Fact]
    public async Task A_submitted_item_cannot_be_submitted_again_and_records_active_time()
    {
        var person = Guid.NewGuid();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Submit twice"), Annotator(person));
        var item = await TestData.ItemAsync(factory.Services, project, "a");
        await NextAsync(project, person);
        await using var scope = factory.Services.CreateAsyncScope();
        var finish = scope.ServiceProvider.GetRequiredService<FinishItemHandler>();
        Assert.True((await finish.HandleAsync(new FinishItem(item, person, 42_000), CancellationToken.None)).Succeeded);
        Assert.False((await finish.HandleAsync(new FinishItem(item, person, 1), CancellationToken.None)).Succeeded);
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(item);
        Assert.Equal(42_000, Assert.Single(events.Select(e => e.Data).OfType<ItemSubmitted>()).ActiveMilliseconds);
    }

    private async Task SubmitAsync(Guid itemId, Guid annotator)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        session.Events.Append(itemId, new ItemSubmitted(itemId, annotator, 1000, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    private sealed class AlwaysRandom : Random
    {
        public override double NextDouble() => 0;

        public override int Next(int maxValue) => 0;
    }
}
