using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class BoxAgreementTests
{
    [Fact]
    public void Pairwise_box_iou_averages_best_matches_over_pairs()
    {
        var a = new WeakLabels { Boxes = [new Box2D(0, 0, 2, 2, 0, 1)] };
        var b = new WeakLabels { Boxes = [new Box2D(1, 1, 3, 3, 0, 1), new Box2D(0, 0, 2, 2, 0, ClassId: 9)] };
        var c = new WeakLabels { Boxes = [new Box2D(0, 0, 4, 4, 0, 1)] };
        // a–b 1/7, a–c 1/4, b–c 1/4 (b's class-9 box does not count).
        Assert.Equal((1.0 / 7 + 0.25 + 0.25) / 3, BoxAgreement.MeanPairwiseIoU([a, b, c], 1), 12);
    }

    [Fact]
    public void Pairwise_box_iou_is_undefined_with_one_boxer() =>
        Assert.True(double.IsNaN(BoxAgreement.MeanPairwiseIoU(
            [new WeakLabels { Boxes = [new Box2D(0, 0, 1, 1, 0, 1)] }, WeakLabels.Empty], 1)));

    [Fact]
    public void Box_is_compared_with_the_consensus_bounding_box_on_its_slice()
    {
        var grid = Grid.Planar(6, 6);
        var consensus = BoxRasterizer.ToMask(new Box2D(1, 1, 2, 2, 0), grid);
        // Consensus box spans [0.5, 2.5]²; the drawn box [0.5, 4.5]×[0.5, 2.5] doubles it: IoU 0.5.
        var iou = BoxAgreement.ConsensusIoU([new Box2D(0.5, 0.5, 4.5, 2.5, 0, 1)], 1, consensus, grid);
        Assert.Equal(0.5, iou, 12);
    }
}
