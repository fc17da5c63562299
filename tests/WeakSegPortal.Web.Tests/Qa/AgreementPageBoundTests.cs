using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Qa;

/// <summary>
/// Issue 12: after a takeover the agreement subscription's first page recomputed 22 items (19.5 s) before agreement moved,
/// and a later page 44 items (50.4 s): every item whose summary was made at an earlier lap's mark was behind at once. A page
/// of the trailing subscription recomputes at most <see cref="AgreementRecomputer.ItemsPerPage"/> items and leaves the rest
/// to the next pages, and a page that reaches the high water mark recomputes everything left, so every summary ends up a full
/// recompute's. Pages are handed to the real <see cref="AgreementSubscription"/> by hand here (the daemon is off, and the
/// high water mark is written as its agent would), so what each page does is exact.
/// </summary>
public sealed class AgreementPageBoundTests(AgreementPageBoundTests.QuietPortal factory) : IClassFixture<AgreementPageBoundTests.QuietPortal>
{
    private const int Items = AgreementRecomputer.ItemsPerPage + 3;

    [Fact]
    public async Task A_trailing_page_recomputes_at_most_its_share_and_the_next_pages_take_the_rest_until_every_summary_is_a_full_recomputes()
    {
        var (project, items, first, second) = await TeamAsync("Bounded pages");
        var store = factory.Services.GetRequiredService<IDocumentStore>();

        // The node that died had summarised every item through its first labels.
        var mark = await MarkHighWaterAsync();
        Assert.Equal(Items, (await HandAsync(0, mark, items)).Count);

        // Everybody draws again, and more comes after: the node taking over starts a page behind every item, trailing.
        foreach (var item in items)
        {
            await AgreementEvents.AppendAsync(factory, item, first, AgreementEvents.Box(item, first, 20));
        }
        var pageEnd = await AgreementEvents.AppendAsync(factory, items[0], second, AgreementEvents.Box(items[0], second, 30));
        await AgreementEvents.AppendAsync(factory, items[^1], second, AgreementEvents.Box(items[^1], second, 40));
        await MarkHighWaterAsync();

        var firstPage = await HandAsync(mark, pageEnd, items);
        Assert.Equal(AgreementRecomputer.ItemsPerPage, firstPage.Count);
        var carried = await BacklogAsync();
        Assert.Equal(Items - AgreementRecomputer.ItemsPerPage, carried.Count);
        Assert.Empty(carried.Intersect(firstPage));

        // The next page (the last, reaching the mark) takes on what the first one left, and its own item unless the first
        // page's recompute already read its event.
        var last = await HandAsync(pageEnd, await MarkHighWaterAsync(), items);
        Assert.Equal(carried.Union(firstPage.Contains(items[^1]) ? Array.Empty<Guid>() : new[] { items[^1] }).Order(), last.Order());
        Assert.Empty(await BacklogAsync());

        await AssertEveryoneFullyRecomputedAsync(store, project, items, expectedLabels: i => i == items[0] || i == items[^1] ? 4 : 3);
    }

    [Fact]
    public async Task A_page_that_reaches_the_high_water_mark_recomputes_every_item_behind()
    {
        var (_, items, first, _) = await TeamAsync("Caught-up page");
        var start = await MarkHighWaterAsync();
        await HandAsync(0, start, items);
        foreach (var item in items)
        {
            await AgreementEvents.AppendAsync(factory, item, first, AgreementEvents.Box(item, first, 24));
        }

        var page = await HandAsync(start, await MarkHighWaterAsync(), items);

        Assert.Equal(items.Order(), page.Order());
        Assert.Empty(await BacklogAsync());
    }

    private async Task AssertEveryoneFullyRecomputedAsync(IDocumentStore store, Guid project, IReadOnlyList<Guid> items, Func<Guid, int> expectedLabels)
    {
        var recomputer = factory.Services.GetRequiredService<AgreementRecomputer>();
        // A full recompute of every item, in a session never saved.
        await using var discarded = store.LightweightSession();
        await recomputer.RecomputeAsync(discarded, [.. items], CancellationToken.None);
        var full = discarded.PendingChanges.AllChangedFor<ItemAgreementSummary>().ToDictionary(s => s.Id);
        var cards = discarded.PendingChanges.AllChangedFor<AnnotatorScorecard>().ToList();
        await using var query = store.QuerySession();
        foreach (var item in items)
        {
            var stored = await query.LoadAsync<ItemAgreementSummary>(item);
            Assert.NotNull(stored);
            Assert.Equal(expectedLabels(item), stored.ManualAnnotations);
            Assert.Equal(Comparable(full[item]), Comparable(stored));
        }
        foreach (var card in cards)
        {
            var stored = await query.LoadAsync<AnnotatorScorecard>(card.Id);
            Assert.NotNull(stored);
            Assert.Equal(project, stored.ProjectId);
            Assert.Equal(Comparable(card), Comparable(stored));
        }
    }

    /// <summary>
    /// Hands the real subscription the page (floor, ceiling] as the daemon would, commits what it stored, and returns the items
    /// it recomputed (those whose summary it replaced).
    /// </summary>
    private async Task<List<Guid>> HandAsync(long floor, long ceiling, IReadOnlyList<Guid> items)
    {
        var store = factory.Services.GetRequiredService<IDocumentStore>();
        var subscription = new AgreementSubscription(factory.Services.GetRequiredService<AgreementRecomputer>(),
            factory.Services.GetRequiredService<AgreementBroadcast>(), factory.Services.GetRequiredService<AgreementBatchTimings>());
        var before = await MarksAsync(store, items);
        await using (var session = store.LightweightSession())
        {
            var events = await session.Events.QueryAllRawEvents().Where(e => e.Sequence > floor && e.Sequence <= ceiling).OrderBy(e => e.Sequence).ToListAsync();
            await subscription.HandleAsync([.. events.Where(e => AgreementSubscription.Inputs.Contains(e.EventType))], ceiling, session, CancellationToken.None);
            await session.SaveChangesAsync();
        }
        var after = await MarksAsync(store, items);
        return [.. items.Where(i => after.GetValueOrDefault(i) != before.GetValueOrDefault(i))];
    }

    /// <summary>Each item's summary's time of making, or nothing.</summary>
    private static async Task<Dictionary<Guid, DateTimeOffset>> MarksAsync(IDocumentStore store, IReadOnlyList<Guid> items)
    {
        await using var query = store.QuerySession();
        return (await query.LoadManyAsync<ItemAgreementSummary>(items)).ToDictionary(s => s.Id, s => s.UpdatedAt);
    }

    private async Task<List<Guid>> BacklogAsync()
    {
        await using var query = factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var backlog = await query.LoadAsync<AgreementBacklog>(AgreementSubscription.SubscriptionName);
        return backlog is null ? [] : [.. backlog.Items.Keys];
    }

    /// <summary>What the daemon's high water agent does: every event so far was committed. Returns the mark.</summary>
    private async Task<long> MarkHighWaterAsync()
    {
        var store = (DocumentStore)factory.Services.GetRequiredService<IDocumentStore>();
        var schema = store.Options.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"insert into {schema}.mt_event_progression (name, last_seq_id) select 'HighWaterMark', coalesce(max(seq_id), 0) from {schema}.mt_events " +
            "on conflict (name) do update set last_seq_id = excluded.last_seq_id returning last_seq_id";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<(Guid Project, List<Guid> Items, Guid First, Guid Second)> TeamAsync(string name)
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft(name),
            new ProjectMember(first, ProjectRole.Annotator), new ProjectMember(second, ProjectRole.Annotator));
        var items = new List<Guid>();
        for (var i = 0; i < Items; i++)
        {
            var item = await TestData.ItemAsync(factory.Services, project, $"{name} {i}");
            await AgreementEvents.AppendAsync(factory, item, first, AgreementEvents.Box(item, first, 2 + i));
            await AgreementEvents.AppendAsync(factory, item, second, AgreementEvents.Box(item, second, 4 + i));
            items.Add(item);
        }
        return (project, items, first, second);
    }

    /// <summary>A summary or scorecard as JSON without the time it was made and its mark.</summary>
    private static string Comparable(object document)
    {
        var json = JsonSerializer.SerializeToNode(document)!.AsObject();
        json.Remove(nameof(ItemAgreementSummary.UpdatedAt));
        json.Remove(nameof(ItemAgreementSummary.EventsThrough));
        return json.ToJsonString();
    }

    /// <summary>The portal with its async daemon off: the test hands the subscription its pages.</summary>
    public sealed class QuietPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Agreement:Daemon", "Disabled");
        }
    }
}
