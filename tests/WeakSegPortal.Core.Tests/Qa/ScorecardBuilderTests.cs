using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Qa;

public sealed class ScorecardBuilderTests
{
    private static AnnotatorAgreementSummary Entry(Guid annotator, double? dice, GoldScore? gold = null, int assisted = 0) =>
        new(annotator, dice, null, null, null, 1, assisted, 1000, true, gold);

    [Fact]
    public void A_scorecard_averages_agreement_and_gold_and_takes_medians_of_time()
    {
        var me = Guid.NewGuid();
        var project = Guid.NewGuid();
        var item = QaSamples.Item();
        var summaries = new[]
        {
            new ItemAgreementSummary { Annotators = [Entry(me, 0.8)] },
            new ItemAgreementSummary { Annotators = [Entry(me, 0.4, new GoldScore(1, 0.5, 0.9))] },
            new ItemAgreementSummary { Annotators = [Entry(me, null)] },
            new ItemAgreementSummary { Annotators = [Entry(Guid.NewGuid(), 0.1)] },
        };
        var labels = new[]
        {
            QaSamples.Labels(item, me, QaSamples.Box(0, 1, 1, 1, 4, 4, activeMs: 2000), QaSamples.Scribble(0, 1, 3, activeMs: 6000, source: Provenance.SuggestionSource)),
            QaSamples.Labels(QaSamples.Item(), me, QaSamples.Box(0, 1, 1, 1, 4, 4, activeMs: 4000)),
            QaSamples.Labels(QaSamples.Item(), me),
        };

        var card = ScorecardBuilder.Build(project, me, summaries, labels, DateTimeOffset.UnixEpoch);

        Assert.Equal(ScorecardIds.For(project, me), card.Id);
        Assert.Equal(3, card.Items);
        Assert.Equal(2, card.ItemsCompared);
        Assert.Equal(0.6, card.AgreementWithConsensus!.Value, 9);
        Assert.Equal(1, card.GoldItems);
        Assert.Equal(0.9, card.GoldDice);
        // Items took 8 s and 4 s: median 6 s. Boxes took 2 s and 4 s: median 3 s.
        Assert.Equal(6.0, card.MedianSecondsPerItem);
        Assert.Equal(3.0, card.SecondsPerKind.Single(k => k.Kind == "box").MedianSeconds);
        Assert.Equal(1.0 / 3, card.SuggestionAcceptance, 9);
    }

    [Fact]
    public void Agreement_on_items_where_suggestions_were_taken_is_kept_apart_from_items_drawn_by_hand()
    {
        var me = Guid.NewGuid();
        var summaries = new[]
        {
            new ItemAgreementSummary { Annotators = [Entry(me, 0.9, assisted: 2)] },
            new ItemAgreementSummary { Annotators = [Entry(me, 0.7, assisted: 1)] },
            new ItemAgreementSummary { Annotators = [Entry(me, 0.5)] },
            new ItemAgreementSummary { Annotators = [Entry(me, null)] },
        };
        var item = QaSamples.Item();
        var labels = new[]
        {
            QaSamples.Labels(item, me, QaSamples.Mask(0, 1, 16, 16, (x, y) => x < 4), QaSamples.Mask(1, 1, 16, 16, (x, y) => y < 4), QaSamples.Box(0, 1, 1, 1, 4, 4)),
        };

        var card = ScorecardBuilder.Build(Guid.NewGuid(), me, summaries, labels, DateTimeOffset.UnixEpoch);

        Assert.Equal(2, card.AssistedAnnotations);
        Assert.Equal(2.0 / 3, card.SuggestionAcceptance, 9);
        Assert.Equal(0.8, card.AgreementAssisted!.Value, 9);
        Assert.Equal(0.5, card.AgreementManual!.Value, 9);
        Assert.Equal(0.7, card.AgreementWithConsensus!.Value, 9);
    }

    [Fact]
    public void Someone_who_never_took_a_suggestion_has_no_assisted_agreement()
    {
        var me = Guid.NewGuid();
        var card = ScorecardBuilder.Build(Guid.NewGuid(), me, [new ItemAgreementSummary { Annotators = [Entry(me, 0.6)] }], [QaSamples.Labels(QaSamples.Item(), me, QaSamples.Box(0, 1, 1, 1, 4, 4))], DateTimeOffset.UnixEpoch);
        Assert.Equal(0, card.AssistedAnnotations);
        Assert.Null(card.AgreementAssisted);
        Assert.Equal(0.6, card.AgreementManual);
    }

    [Fact]
    public void Someone_without_labels_has_an_empty_scorecard_not_an_error()
    {
        var card = ScorecardBuilder.Build(Guid.NewGuid(), Guid.NewGuid(), [], [], DateTimeOffset.UnixEpoch);
        Assert.Equal(0, card.Items);
        Assert.Null(card.AgreementWithConsensus);
        Assert.Null(card.MedianSecondsPerItem);
        Assert.Equal(0, card.SuggestionAcceptance);
    }
}
