using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class ItemAgreementCalculatorTests
{
    private const int Background = 0;
    private const int Lesion = 1;
    private static readonly Grid Grid = Grid.Planar(8, 8);
    private static readonly int[] Classes = [Lesion];

    private static AnnotatorLabels Annotator(string id, WeakLabels labels) =>
        AnnotatorLabels.FromGeometry(id, labels, Classes, Grid);

    private static WeakLabels LesionAndBackground(double lesionRow, double backgroundRow) => new()
    {
        Scribbles =
        [
            new Scribble([new(1, lesionRow), new(6, lesionRow)], 1, 0, Lesion),
            new Scribble([new(1, backgroundRow), new(6, backgroundRow)], 1, 0, Background),
        ],
    };

    [Fact]
    public void Identical_annotations_score_one()
    {
        var labels = LesionAndBackground(2, 6);
        var result = ItemAgreementCalculator.Compute(Grid, Classes, [Annotator("a", labels), Annotator("b", labels)], Background);
        var lesion = Assert.Single(result.Classes);
        Assert.Equal(1.0, lesion.MeanPairwiseDice);
        Assert.All(lesion.Annotators, a => Assert.Equal(1.0, a.ScribblePrecision));
        Assert.Equal(0, result.ScribbleConflicts.ClassConflictVoxels);
        Assert.Equal(1.0, result.Score);
        Assert.Equal(6, lesion.Consensus.Count(x => x));
    }

    [Fact]
    public void Swapped_classes_conflict_everywhere_and_score_zero()
    {
        var result = ItemAgreementCalculator.Compute(Grid, Classes,
            [Annotator("a", LesionAndBackground(2, 6)), Annotator("b", LesionAndBackground(6, 2))], Background);
        var lesion = Result(result);
        Assert.Equal(0.0, lesion.MeanPairwiseDice);
        Assert.All(lesion.Annotators, a => Assert.Equal(0.0, a.ScribblePrecision));
        Assert.Equal(12, result.ScribbleConflicts.ClassConflictVoxels);
        Assert.Equal(12, result.ScribbleConflicts.ForegroundBackgroundConflictVoxels);
        Assert.Equal(0.0, result.Score);
        Assert.All(lesion.Disagreement.Where((_, v) => lesion.VoteFraction[v] > 0), d => Assert.Equal(1f, d));
    }

    [Fact]
    public void Scribble_precision_is_judged_against_the_others_only()
    {
        // b and c scribble row 2; a scribbles row 2 from x = 1 to 3 and row 4 (which b and c call background).
        var a = new WeakLabels
        {
            Scribbles = [new Scribble([new(1, 2), new(3, 2)], 1, 0, Lesion), new Scribble([new(1, 4), new(3, 4)], 1, 0, Lesion)],
        };
        var others = LesionAndBackground(2, 4);
        var result = ItemAgreementCalculator.Compute(Grid, Classes,
            [Annotator("a", a), Annotator("b", others), Annotator("c", others)], Background);
        var annotatorA = Result(result).Annotators[0];
        Assert.Equal(0.5, annotatorA.ScribblePrecision);
        Assert.Equal(1.0, Result(result).Annotators[1].ScribblePrecision);
    }

    [Fact]
    public void Clicks_are_checked_against_the_consensus_of_the_others()
    {
        var scribbler = LesionAndBackground(2, 6);
        var clicker = new WeakLabels { Points = [new LabelPoint(3, 2, 0, Lesion), new LabelPoint(3, 4, 0, Lesion)] };
        var result = ItemAgreementCalculator.Compute(Grid, Classes,
            [Annotator("s", scribbler), Annotator("p", clicker)], Background);
        var points = Result(result).Annotators[1].Points;
        Assert.Equal(2, points.Points);
        Assert.Equal(0.5, points.ShareInside);
        Assert.Equal([-1.0, 2.0], points.SignedDistancesMm);
    }

    [Fact]
    public void A_single_annotator_has_nothing_to_disagree_with()
    {
        var result = ItemAgreementCalculator.Compute(Grid, Classes, [Annotator("a", LesionAndBackground(2, 6))], Background);
        Assert.Equal(1, result.AnnotatorCount);
        Assert.Equal(1.0, result.Score);
        Assert.True(double.IsNaN(Result(result).MeanPairwiseDice));
        Assert.True(double.IsNaN(Result(result).Annotators[0].ScribblePrecision));
    }

    [Fact]
    public void An_item_nobody_labelled_yet_has_no_classes_to_report()
    {
        var result = ItemAgreementCalculator.Compute(Grid, Classes, [], Background);
        Assert.Equal(0, result.AnnotatorCount);
        Assert.Empty(result.Classes);
        Assert.Equal(1.0, result.Score);
    }

    [Fact]
    public void Boxes_and_tags_feed_the_item_score()
    {
        var a = new WeakLabels { Boxes = [new Box2D(0, 0, 2, 2, 0, Lesion)], Tags = [new Tag(Lesion, true)] };
        var b = new WeakLabels { Boxes = [new Box2D(1, 1, 3, 3, 0, Lesion)], Tags = [new Tag(Lesion, true)] };
        var result = ItemAgreementCalculator.Compute(Grid, Classes, [Annotator("a", a), Annotator("b", b)], Background);
        Assert.Equal(1.0 / 7, Result(result).MeanBoxIoU, 12);
        Assert.True(double.IsNaN(result.TagAlpha));
        Assert.Equal(AgreementStatistic.AllRatingsIdentical, result.Tags.Alpha.UndefinedReason);
        Assert.Equal(1.0, result.Tags.Alpha.PercentAgreement);
        Assert.All(Result(result).Annotators, a => Assert.Equal(ConsensusBasis.Boxes, a.ScoredAgainst));

        // Components: labelled Dice 1 (both boxes call the same outside voxels background), box IoU 1/7,
        // tags: α undefined (all "present"), so their percent agreement, 1.
        Assert.Equal((1 + 1.0 / 7 + 1) / 3, result.Score, 12);
    }

    [Fact]
    public void Box_is_compared_with_the_others_consensus_extent()
    {
        // The scribbler marks row 2 from x = 1 to 6: extent [0.5, 6.5] × [1.5, 2.5].
        // The box [0.5, 6.5] × [1.5, 4.5] is three times as tall: IoU 1/3.
        var boxer = new WeakLabels { Boxes = [new Box2D(0.5, 1.5, 6.5, 4.5, 0, Lesion)] };
        var result = ItemAgreementCalculator.Compute(Grid, Classes,
            [Annotator("s", LesionAndBackground(2, 6)), Annotator("b", boxer)], Background);
        Assert.Equal(1.0 / 3, Result(result).Annotators[1].BoxConsensusIoU, 12);
    }

    private static ClassAgreement Result(ItemAgreement item) => Assert.Single(item.Classes);
}
