using Marten;
using WeakSegPortal.Core;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Qa;

/// <summary>Adjudication, gold marking and returning an item, against the real event store and daemon.</summary>
public sealed class QaDecisionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<CommandResult> AdjudicateAsync(AdjudicateItem command)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdjudicateItemHandler>().HandleAsync(command, CancellationToken.None);
    }

    private async Task<CommandResult> ReturnAsync(ReturnItem command)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReturnItemHandler>().HandleAsync(command, CancellationToken.None);
    }

    private async Task<IReadOnlyList<object>> ItemEventsAsync(Guid item)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<IQuerySession>().Events.FetchStreamAsync(item);
        return [.. events.Select(e => e.Data)];
    }

    [Fact]
    public async Task Accepting_one_annotators_labels_minus_a_struck_annotation_records_what_was_kept_and_can_make_it_gold()
    {
        var world = await new QaWorld(factory, "adj").CreateAsync("Adjudication");
        await using var a1 = await world.ConnectAsync(0);
        await using var a2 = await world.ConnectAsync(1);
        var keep = await QaWorld.BoxAsync(a1, world.Item, 10, 10, 30, 30);
        var strike = await QaWorld.BoxAsync(a1, world.Item, 40, 5, 50, 15);
        await QaWorld.BoxAsync(a2, world.Item, 12, 10, 30, 30);

        var result = await AdjudicateAsync(new AdjudicateItem(world.Item, AdjudicationBasis.Annotator, world.Annotators[0],
            [strike.AnnotationId!.Value], MarkGold: true, world.QaLead, ByManager: false));

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        var events = await ItemEventsAsync(world.Item);
        var adjudicated = Assert.Single(events.OfType<ItemAdjudicated>());
        var kept = Assert.Single(adjudicated.Kept);
        Assert.Equal(world.Annotators[0], kept.AnnotatorId);
        Assert.Equal([keep.AnnotationId!.Value], kept.Annotations.Select(a => a.AnnotationId));
        Assert.Equal([strike.AnnotationId!.Value], adjudicated.RemovedAnnotationIds);
        Assert.Single(events.OfType<ItemMarkedGold>());
        var view = await world.LoadAsync<ItemView>(world.Item);
        Assert.True(view!.IsGold);
        Assert.Equal(AdjudicationBasis.Annotator, view.Adjudication!.Basis);
        var summary = await world.SummaryWhenAsync(s => s.Status == QaStatus.Adjudicated && s.IsGold && s.Annotators.All(a => a.Gold is not null));
        Assert.All(summary.Annotators, a => Assert.NotNull(a.Gold!.Specificity));
    }

    [Fact]
    public async Task A_QA_lead_of_another_project_cannot_adjudicate_and_an_empty_acceptance_is_refused()
    {
        var world = await new QaWorld(factory, "adj2").CreateAsync("Adjudication refusals");
        var outsider = await factory.EnsureUserAsync("adj2-outsider", QaWorld.Password, Web.Account.Roles.QaLead);
        var refused = await AdjudicateAsync(new AdjudicateItem(world.Item, AdjudicationBasis.Consensus, null, [], false, outsider, ByManager: false));
        Assert.False(refused.Succeeded);
        Assert.Contains("do not review", refused.Errors[""], StringComparison.Ordinal);

        var empty = await AdjudicateAsync(new AdjudicateItem(world.Item, AdjudicationBasis.Consensus, null, [], false, world.QaLead, ByManager: false));
        Assert.False(empty.Succeeded);
        Assert.Empty((await ItemEventsAsync(world.Item)).OfType<ItemAdjudicated>());
    }

    [Fact]
    public async Task A_returned_item_comes_back_in_that_annotators_queue_with_the_comment()
    {
        var world = await new QaWorld(factory, "ret").CreateAsync("Return to annotator");
        await using var a1 = await world.ConnectAsync(0);
        await QaWorld.BoxAsync(a1, world.Item, 10, 10, 30, 30);
        await world.SubmitItemAsync(world.Annotators[0]);
        Assert.Null(await world.NextAsync(world.Annotators[0]));

        var blank = await ReturnAsync(new ReturnItem(world.Item, world.Annotators[0], "  ", world.QaLead, false));
        Assert.False(blank.Succeeded);
        var result = await ReturnAsync(new ReturnItem(world.Item, world.Annotators[0], "The liver box misses the left lobe.", world.QaLead, false));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));

        var again = await world.NextAsync(world.Annotators[0]);
        Assert.Equal(world.Item, again?.Id);
        Assert.Equal("The liver box misses the left lobe.", again!.ReturnCommentFor(world.Annotators[0]));
        Assert.Null(again.ReturnCommentFor(world.Annotators[1]));
        // Open again: the annotator may fix their labels.
        await QaWorld.BoxAsync(a1, world.Item, 5, 10, 30, 30);
        await world.SummaryWhenAsync(s => s.Status == QaStatus.Returned);

        await world.SubmitItemAsync(world.Annotators[0]);
        var view = await world.LoadAsync<ItemView>(world.Item);
        Assert.Null(view!.ReturnCommentFor(world.Annotators[0]));
        Assert.Null(await world.NextAsync(world.Annotators[0]));
    }
}
