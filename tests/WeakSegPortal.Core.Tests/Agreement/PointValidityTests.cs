using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class PointValidityTests
{
    private static readonly Grid Grid = Grid.Planar(7, 5, spacingX: 0.5, spacingY: 2);

    private static readonly bool[] Consensus = MaskPicture.Mask(
        ".......",
        ".#####.",
        ".#####.",
        ".#####.",
        ".......");

    [Fact]
    public void Share_inside_counts_only_positive_clicks_of_the_class()
    {
        var points = new List<LabelPoint>
        {
            new(3, 2, 0, 1),
            new(2, 1, 0, 1),
            new(6, 2, 0, 1),
            new(0, 0, 0, 1),
            new(3, 2, 0, 1, IsPositive: false),
            new(0, 0, 0, ClassId: 2),
        };
        var validity = PointValidityCalculator.Evaluate(points, 1, Consensus, Grid);
        Assert.Equal(4, validity.Points);
        Assert.Equal(2, validity.Inside);
        Assert.Equal(0.5, validity.ShareInside);
    }

    [Fact]
    public void Signed_distance_is_negative_inside_and_positive_outside()
    {
        // Centre (3,2): nearest outside voxel is 2 rows away (4 mm) or 3 columns (1.5 mm) → −1.5.
        // (6,2): one column right of the mask → +0.5. (0,0): diagonal to (1,1) → √(0.25 + 4).
        var points = new List<LabelPoint> { new(3, 2, 0, 1), new(6, 2, 0, 1), new(0, 0, 0, 1) };
        var validity = PointValidityCalculator.Evaluate(points, 1, Consensus, Grid);
        Assert.Equal(-1.5, validity.SignedDistancesMm[0], 12);
        Assert.Equal(0.5, validity.SignedDistancesMm[1], 12);
        Assert.Equal(Math.Sqrt(4.25), validity.SignedDistancesMm[2], 12);
    }

    [Fact]
    public void Distances_agree_with_the_full_signed_distance_map()
    {
        var map = SignedDistanceMap.Compute(Consensus, Grid);
        var points = Enumerable.Range(0, Grid.Count).Select(v => new LabelPoint(v % 7, v / 7, 0, 1)).ToList();
        var validity = PointValidityCalculator.Evaluate(points, 1, Consensus, Grid);
        for (var v = 0; v < Grid.Count; v++)
        {
            Assert.Equal(map[v], validity.SignedDistancesMm[v], 12);
        }
    }

    [Fact]
    public void No_clicks_means_no_share()
    {
        var validity = PointValidityCalculator.Evaluate([], 1, Consensus, Grid);
        Assert.True(double.IsNaN(validity.ShareInside));
    }
}
