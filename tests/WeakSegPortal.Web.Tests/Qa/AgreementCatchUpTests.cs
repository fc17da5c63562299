using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Qa;

/// <summary>
/// The agreement subscription trailing the annotators (issue 12, bench.sh cluster: a node taking the daemon over spent
/// 72 s on its first page): an item's summary says through which event it is current, a page whose events it already
/// includes recomputes nothing, and a later event of the item is recomputed.
/// </summary>
public sealed class AgreementCatchUpTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_summary_is_current_through_its_events_and_only_an_event_past_that_is_recomputed()
    {
        var annotator = Guid.NewGuid();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Catch-up"), new ProjectMember(annotator, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "catch-up");
        await AgreementEvents.AppendAsync(factory, item, annotator, AgreementEvents.Box(item, annotator, 2));
        var second = await AgreementEvents.AppendAsync(factory, item, annotator, AgreementEvents.Box(item, annotator, 10));

        // The daemon's recompute read the high water mark, which had passed both events, before their labels.
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        await using (var query = store.QuerySession())
        {
            var summary = await Eventually.GetAsync(() => query.LoadAsync<ItemAgreementSummary>(item), s => s.ManualAnnotations == 2 && s.EventsThrough >= second);
            Assert.True(summary.EventsThrough >= second);
        }

        var recomputer = factory.Services.GetRequiredService<AgreementRecomputer>();
        await using (var session = store.LightweightSession())
        {
            Assert.Null(await recomputer.RecomputeBehindAsync(session, new Dictionary<Guid, long> { [item] = second }, CancellationToken.None));
        }

        var third = await AgreementEvents.AppendAsync(factory, item, annotator, AgreementEvents.Box(item, annotator, 20));
        await using (var session = store.LightweightSession())
        {
            var change = await recomputer.RecomputeBehindAsync(session, new Dictionary<Guid, long> { [item] = third }, CancellationToken.None);
            Assert.NotNull(change);
            Assert.Equal([item], change.ItemIds);
            await session.SaveChangesAsync();
        }
        await using (var query = store.QuerySession())
        {
            Assert.Equal(3, (await query.LoadAsync<ItemAgreementSummary>(item))!.ManualAnnotations);
        }
    }

    /// <summary>
    /// Issue 12: a node taking the daemon over spent 16.8 s on a first page of 4 items (1,440 labels) that its later pages
    /// would have done in well under a second: the recompute's code ran for the first time there. A node that may take
    /// over runs the recompute once beforehand on the most recently summarised items, and stores nothing.
    /// </summary>
    [Fact]
    public async Task A_node_warms_the_recompute_on_recent_items_and_stores_nothing()
    {
        var annotator = Guid.NewGuid();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("Warm-up"), new ProjectMember(annotator, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "warm-up");
        var drawn = await AgreementEvents.AppendAsync(factory, item, annotator, AgreementEvents.Box(item, annotator, 4));
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        ItemAgreementSummary before;
        await using (var query = store.QuerySession())
        {
            before = await Eventually.GetAsync(() => query.LoadAsync<ItemAgreementSummary>(item), s => s.EventsThrough >= drawn);
        }

        var trace = await factory.Services.GetRequiredService<AgreementWarmup>().WarmAsync(CancellationToken.None);

        Assert.True(trace.Items >= 1, trace.ToString());
        Assert.True(trace.Labels >= 1, trace.ToString());
        Assert.True(trace.Scorecards >= 1, trace.ToString());
        await using (var query = store.QuerySession())
        {
            var after = await query.LoadAsync<ItemAgreementSummary>(item);
            Assert.Equal(before.UpdatedAt, after!.UpdatedAt);
            Assert.Equal(before.EventsThrough, after.EventsThrough);
        }
    }
}
