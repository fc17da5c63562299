using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Items;

/// <summary>The progress an annotator is shown agrees with what the work queue really hands out.</summary>
public sealed class QueueProgressTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<ItemView?> NextAsync(Guid projectId, Guid annotator)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var handler = new NextItemHandler(scope.ServiceProvider.GetRequiredService<IDocumentSession>(), TimeProvider.System, new GoldDraw(new Random(1)));
        return await handler.HandleAsync(new NextItem(projectId, annotator), CancellationToken.None);
    }

    private async Task<QueueProgress?> ProgressAsync(Guid projectId, Guid annotator)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await QueueProgressQuery.ForAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), projectId, annotator, CancellationToken.None);
    }

    private async Task FinishAsync(Guid item, Guid annotator, string? skipReason = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<FinishItemHandler>().HandleAsync(new FinishItem(item, annotator, 1000, skipReason), CancellationToken.None);
        Assert.True(result.Succeeded);
    }

    private static ProjectMember Annotator(Guid id) => new(id, ProjectRole.Annotator);

    [Fact]
    public async Task Items_left_counts_down_to_exactly_what_the_queue_still_hands_out()
    {
        var (me, other) = (Guid.NewGuid(), Guid.NewGuid());
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Progress", annotatorsPerItem: 1), Annotator(me), Annotator(other));
        for (var n = 0; n < 4; n++)
        {
            await TestData.ItemAsync(factory.Services, project, $"item {n}");
        }
        // The other annotator takes one item's only slot: it is not left for me.
        var taken = await NextAsync(project, other);

        Assert.Equal(new QueueProgress(Done: 0, Open: 0, Returned: 0, Available: 3), await ProgressAsync(project, me));
        var handedOut = new List<Guid>();
        for (var step = 1; ; step++)
        {
            var item = await NextAsync(project, me);
            var progress = (await ProgressAsync(project, me))!;
            if (item is null)
            {
                Assert.Equal((0, 3), (progress.Left, progress.Done));
                break;
            }
            handedOut.Add(item.Id);
            // "Item 1 of 3, 3 left" while working on the first; the open item is counted as left.
            Assert.Equal((step, 3, 3 - step + 1), (progress.Position, progress.Total, progress.Left));
            await FinishAsync(item.Id, me, step == 2 ? "Structure not visible" : null);
        }
        Assert.Equal(3, handedOut.Count);
        Assert.DoesNotContain(taken!.Id, handedOut);
    }

    [Fact]
    public async Task An_item_returned_by_QA_counts_as_left_and_returned_until_submitted_again()
    {
        var me = Guid.NewGuid();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Progress returned"), Annotator(me));
        var item = await TestData.ItemAsync(factory.Services, project, "a");
        await NextAsync(project, me);
        await FinishAsync(item, me);
        Assert.Equal(new QueueProgress(1, 0, 0, 0), await ProgressAsync(project, me));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            session.Events.Append(item, new ItemReturned(item, me, "Look again at the edge.", Guid.NewGuid(), DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }
        Assert.Equal(new QueueProgress(Done: 0, Open: 1, Returned: 1, Available: 0), await ProgressAsync(project, me));
        Assert.Equal(item, (await NextAsync(project, me))!.Id);

        await FinishAsync(item, me);
        Assert.Equal(new QueueProgress(1, 0, 0, 0), await ProgressAsync(project, me));
    }

    [Fact]
    public async Task Someone_outside_the_team_has_no_progress()
    {
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Progress closed"), Annotator(Guid.NewGuid()));
        Assert.Null(await ProgressAsync(project, Guid.NewGuid()));
    }
}
