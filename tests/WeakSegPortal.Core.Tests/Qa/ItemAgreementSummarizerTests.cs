using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Qa;

public sealed class ItemAgreementSummarizerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Annotators_who_scribble_alike_on_a_volume_slice_agree_and_the_summary_says_so()
    {
        var item = QaSamples.Item(nz: 50);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var labels = new[]
        {
            QaSamples.Labels(item, a, QaSamples.Scribble(37, 1, 4), QaSamples.Scribble(37, 0, 10)),
            QaSamples.Labels(item, b, QaSamples.Scribble(37, 1, 4), QaSamples.Scribble(37, 0, 10, source: Provenance.SuggestionSource)),
        };

        var summary = ItemAgreementSummarizer.Summarize(item, labels, null, Now);

        Assert.Equal(2, summary.AnnotatorCount);
        Assert.Equal(1, summary.LabelledSlices);
        Assert.Equal(1.0, summary.Score);
        Assert.Equal([1], summary.ClassIds);
        Assert.Equal(["scribble"], summary.Kinds);
        Assert.True(summary.Assisted);
        Assert.Equal(1.0, Assert.Single(summary.Classes).MeanPairwiseDice);
        Assert.All(summary.Annotators, x => Assert.Equal(1.0, x.DiceWithConsensus));
        Assert.Equal(1, summary.Annotators.Single(x => x.AnnotatorId == b).AssistedAnnotations);
        Assert.Equal(QaStatus.Open, summary.Status);
        Assert.Null(summary.TagAlpha);
    }

    [Fact]
    public void An_accepted_mask_is_read_as_a_full_mask_exactly_like_the_polygon_of_the_same_voxels()
    {
        var item = QaSamples.Item(nz: 4);
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        // The polygon's inside: voxel centres x 2–5, y 2–4 (left and top edges in, right and bottom out).
        var polygon = QaSamples.Polygon(2, 1, new(2, 2), new(6, 2), new(6, 5), new(2, 5));
        var same = QaSamples.Mask(2, 1, 16, 16, (x, y) => x is >= 2 and <= 5 && y is >= 2 and <= 4);
        var shifted = QaSamples.Mask(2, 1, 16, 16, (x, y) => x is >= 4 and <= 7 && y is >= 2 and <= 4);

        var alike = ItemAgreementSummarizer.Summarize(item, [QaSamples.Labels(item, a, polygon), QaSamples.Labels(item, b, same)], null, Now);
        var apart = ItemAgreementSummarizer.Summarize(item, [QaSamples.Labels(item, a, polygon), QaSamples.Labels(item, c, shifted)], null, Now);

        Assert.Equal(1.0, Assert.Single(alike.Classes).MeanPairwiseDice);
        // 12 voxels each, 6 shared: Dice 0.5.
        Assert.Equal(0.5, Assert.Single(apart.Classes).MeanPairwiseDice!.Value, 9);
        Assert.Equal(["mask", "polygon"], alike.Kinds);
        Assert.Equal(1, alike.LabelledSlices);
    }

    [Fact]
    public void Assisted_and_manual_labels_are_counted_apart_and_so_is_their_annotators_agreement()
    {
        var item = QaSamples.Item(nz: 1);
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var labels = new[]
        {
            QaSamples.Labels(item, a, QaSamples.Scribble(0, 1, 4), QaSamples.Scribble(0, 0, 10)),
            QaSamples.Labels(item, b, QaSamples.Scribble(0, 1, 4, source: Provenance.SuggestionSource), QaSamples.Scribble(0, 0, 10)),
            QaSamples.Labels(item, d, QaSamples.Scribble(0, 1, 4), QaSamples.Scribble(0, 0, 10)),
            QaSamples.Labels(item, c, QaSamples.Scribble(0, 0, 4), QaSamples.Scribble(0, 1, 10)),
        };

        var summary = ItemAgreementSummarizer.Summarize(item, labels, null, Now);

        Assert.True(summary.Assisted);
        Assert.Equal((1, 7), (summary.AssistedAnnotations, summary.ManualAnnotations));
        var of = summary.Annotators.ToDictionary(x => x.AnnotatorId);
        Assert.Equal(of[b].Agreement, summary.AssistedAgreement);
        Assert.Equal((of[a].Agreement!.Value + of[c].Agreement!.Value + of[d].Agreement!.Value) / 3, summary.ManualAgreement!.Value, 9);
        Assert.True(summary.AssistedAgreement > summary.ManualAgreement, $"b agrees with the majority, c with nobody: {of[b].Agreement} vs {summary.ManualAgreement}");
    }

    [Fact]
    public void An_item_drawn_entirely_by_hand_has_no_assisted_agreement()
    {
        var item = QaSamples.Item(nz: 1);
        var labels = new[] { QaSamples.Labels(item, Guid.NewGuid(), QaSamples.Scribble(0, 1, 4)), QaSamples.Labels(item, Guid.NewGuid(), QaSamples.Scribble(0, 1, 4)) };
        var summary = ItemAgreementSummarizer.Summarize(item, labels, null, Now);
        Assert.False(summary.Assisted);
        Assert.Equal((0, 2), (summary.AssistedAnnotations, summary.ManualAnnotations));
        Assert.Null(summary.AssistedAgreement);
        Assert.Equal(1.0, summary.ManualAgreement);
    }

    [Fact]
    public void Swapped_scribbles_score_lower_than_matching_ones()
    {
        var item = QaSamples.Item(nz: 1);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var labels = new[]
        {
            QaSamples.Labels(item, a, QaSamples.Scribble(0, 1, 4), QaSamples.Scribble(0, 0, 10)),
            QaSamples.Labels(item, b, QaSamples.Scribble(0, 0, 4), QaSamples.Scribble(0, 1, 10)),
        };
        var summary = ItemAgreementSummarizer.Summarize(item, labels, null, Now);
        Assert.Equal(0.0, summary.Score);
        Assert.Equal(1.0, summary.ScribbleClassConflictFraction);
    }

    [Fact]
    public void Nobody_labelled_means_no_annotators_and_nothing_to_disagree_on()
    {
        var summary = ItemAgreementSummarizer.Summarize(QaSamples.Item(), [], null, Now);
        Assert.Equal(0, summary.AnnotatorCount);
        Assert.Equal(1.0, summary.Score);
        Assert.Empty(summary.Annotators);
        Assert.Equal(0, summary.LabelledSlices);
    }

    [Fact]
    public void On_a_gold_item_each_annotator_is_scored_against_the_adjudicated_labels()
    {
        var item = QaSamples.Item(nz: 1, gold: true);
        var (good, bad) = (Guid.NewGuid(), Guid.NewGuid());
        var truth = new[] { QaSamples.Scribble(0, 1, 4), QaSamples.Scribble(0, 0, 10) };
        var labels = new[]
        {
            QaSamples.Labels(item, good, truth),
            QaSamples.Labels(item, bad, QaSamples.Scribble(0, 0, 4), QaSamples.Scribble(0, 1, 10)),
        };
        item.Adjudication = new AdjudicationNote("annotator", good, Guid.NewGuid(), Now);
        var reference = new ItemAdjudicated(item.Id, "annotator", good, [new AdjudicatedLabels(good, truth)], [], Guid.NewGuid(), Now);

        var summary = ItemAgreementSummarizer.Summarize(item, labels, reference, Now);

        Assert.Equal(QaStatus.Adjudicated, summary.Status);
        var goodGold = summary.Annotators.Single(a => a.AnnotatorId == good).Gold!;
        var badGold = summary.Annotators.Single(a => a.AnnotatorId == bad).Gold!;
        Assert.Equal(1.0, goodGold.Dice);
        Assert.Equal(1.0, goodGold.Sensitivity);
        Assert.Equal(0.0, badGold.Dice);
        Assert.Equal(0.0, badGold.Specificity);
    }

    [Fact]
    public void A_returned_item_shows_as_returned()
    {
        var item = QaSamples.Item();
        item.Returns.Add(new ReturnNote(Guid.NewGuid(), "Look again", Guid.NewGuid(), Now));
        Assert.Equal(QaStatus.Returned, ItemAgreementSummarizer.Summarize(item, [], null, Now).Status);
    }

    [Fact]
    public void A_summary_with_undefined_tag_statistics_and_box_only_labels_survives_the_document_store_as_JSON()
    {
        var item = QaSamples.Item(nx: 64, ny: 48, nz: 4);
        var labels = new[] { (10, 10, 30, 30), (12, 10, 31, 30), (40, 20, 60, 40) }
            .Select(b => QaSamples.Labels(item, Guid.NewGuid(), QaSamples.Box(2, 1, b.Item1, b.Item2, b.Item3, b.Item4), QaSamples.Tag(1, true))).ToArray();
        var summary = ItemAgreementSummarizer.Summarize(item, labels, null, Now);

        var back = System.Text.Json.JsonSerializer.Deserialize<ItemAgreementSummary>(System.Text.Json.JsonSerializer.Serialize(summary))!;
        var viaNewtonsoft = Newtonsoft.Json.JsonConvert.DeserializeObject<ItemAgreementSummary>(Newtonsoft.Json.JsonConvert.SerializeObject(summary))!;

        foreach (var copy in new[] { back, viaNewtonsoft })
        {
            Assert.Equal(Core.Agreement.AgreementStatistic.AllRatingsIdentical, copy.Tags!.Alpha.UndefinedReason);
            Assert.Equal(1.0, copy.Tags.MeanKappa.PercentAgreement);
            Assert.Equal(summary.Score, copy.Score);
            Assert.Equal(summary.Annotators.Select(a => a.Agreement), copy.Annotators.Select(a => a.Agreement));
        }
    }
}
