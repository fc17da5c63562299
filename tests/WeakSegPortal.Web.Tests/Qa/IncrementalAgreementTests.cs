using WeakSegPortal.Core.Agreement;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Qa;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Qa;

/// <summary>Annotations sent through the real hub reach the agreement summary by way of the async daemon.</summary>
public sealed class IncrementalAgreementTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Three_annotators_label_an_item_through_the_hub_and_its_agreement_appears()
    {
        var world = await new QaWorld(factory, "inc").CreateAsync("Incremental agreement");
        var heard = new TaskCompletionSource<AgreementChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listening = factory.Services.GetRequiredService<AgreementNotifier>().Subscribe(c =>
        {
            if (c.ItemIds.Contains(world.Item) && c.ItemIds.Count > 0)
            {
                heard.TrySetResult(c);
            }
            return Task.CompletedTask;
        });
        await using var a1 = await world.ConnectAsync(0);
        await using var a2 = await world.ConnectAsync(1);
        await using var a3 = await world.ConnectAsync(2);
        await QaWorld.BoxAsync(a1, world.Item, 10, 10, 30, 30);
        await QaWorld.BoxAsync(a2, world.Item, 11, 10, 31, 30);
        var clock = Stopwatch.StartNew();
        await QaWorld.BoxAsync(a3, world.Item, 40, 30, 60, 45);

        var summary = await world.SummaryWhenAsync(s => s.AnnotatorCount == 3);
        var latency = clock.Elapsed;
        Console.WriteLine($"ack of the third box to its summary: {latency.TotalMilliseconds:0} ms");

        Assert.Equal(world.Project, summary.ProjectId);
        Assert.Equal(["box"], summary.Kinds);
        Assert.Equal([1], summary.ClassIds);
        Assert.Equal(1, summary.LabelledSlices);
        Assert.False(summary.Assisted);
        var boxes = Assert.Single(summary.Classes);
        // Two near-identical boxes and one far away: best-match IoU pairs average well below 1 and above 0.
        Assert.InRange(boxes.MeanBoxIoU!.Value, 0.2, 0.5);
        Assert.True(summary.Score < 1);
        var outlier = summary.Annotators.Single(a => a.AnnotatorId == world.Annotators[2]);
        // Boxes alone make a box consensus (inside the boxes of most of the others): the two near-identical
        // boxes make one the outlier misses entirely; each of them faces one near box and the far one,
        // whose boxes share nothing, so theirs is undefined.
        Assert.Equal(0.0, outlier.BoxConsensusIoU);
        Assert.Equal(ConsensusBasis.Boxes, outlier.ScoredAgainst);
        Assert.All(summary.Annotators.Where(a => a != outlier), a => Assert.Null(a.BoxConsensusIoU));
        Assert.True(outlier.Agreement < summary.Annotators.Where(a => a != outlier).Min(a => a.Agreement));
        Assert.Equal(4000, outlier.ActiveMs);
        await heard.Task.WaitAsync(TimeSpan.FromSeconds(15));

        var card = await Eventually.GetAsync(() => world.LoadAsync<AnnotatorScorecard>(ScorecardIds.For(world.Project, world.Annotators[2])), c => c.Items == 1);
        Assert.Equal(1, card.Annotations);
        Assert.Equal(4.0, card.MedianSecondsPerItem);
        Assert.Equal(0, card.SuggestionAcceptance);
        Assert.Equal("box", Assert.Single(card.SecondsPerKind).Kind);
    }

    [Fact]
    public async Task Deleting_ones_only_label_takes_the_annotator_out_of_the_item_and_their_scorecard()
    {
        var world = await new QaWorld(factory, "del").CreateAsync("Deleting labels");
        await using var a1 = await world.ConnectAsync(0);
        await using var a2 = await world.ConnectAsync(1);
        await QaWorld.BoxAsync(a1, world.Item, 10, 10, 30, 30);
        var mine = await QaWorld.BoxAsync(a2, world.Item, 10, 10, 30, 30);
        await world.SummaryWhenAsync(s => s.AnnotatorCount == 2);
        var card = ScorecardIds.For(world.Project, world.Annotators[1]);
        await Eventually.GetAsync(() => world.LoadAsync<AnnotatorScorecard>(card), c => c.Items == 1);

        var ack = await a2.InvokeAsync<Core.Annotations.AnnotationAck>("Submit",
            new Core.Annotations.AnnotationCommand(Guid.NewGuid(), world.Item, "delete", 0, null, Delete: new Core.Annotations.DeleteTarget(mine.AnnotationId!.Value)));
        Assert.True(ack.Accepted, ack.Reason);

        var summary = await world.SummaryWhenAsync(s => s.AnnotatorCount == 1);
        Assert.Equal([world.Annotators[0]], summary.AnnotatorIds);
        var emptied = await Eventually.GetAsync(() => world.LoadAsync<AnnotatorScorecard>(card), c => c.Items == 0);
        Assert.Equal(0, emptied.Annotations);
    }
}
