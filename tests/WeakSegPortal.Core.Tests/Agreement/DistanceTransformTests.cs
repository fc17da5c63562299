using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class DistanceTransformTests
{
    [Fact]
    public void Distances_use_the_spacing_of_each_axis()
    {
        var grid = new Grid(4, 3, 2, spacingX: 0.5, spacingY: 2, spacingZ: 3);
        var features = new bool[grid.Count];
        features[0] = true;
        var d = DistanceTransform.SquaredMm(features, grid);
        Assert.Equal(0.25 * 9, d[grid.Index(3, 0, 0)], 12);
        Assert.Equal(16, d[grid.Index(0, 2, 0)], 12);
        Assert.Equal(9 + 4 + 0.25, d[grid.Index(1, 1, 1)], 12);
    }

    [Fact]
    public void No_feature_means_infinite_distance() =>
        Assert.All(DistanceTransform.SquaredMm(new bool[8], new Grid(2, 2, 2)), d => Assert.True(double.IsPositiveInfinity(d)));

    [Fact]
    public void Matches_brute_force_on_a_random_anisotropic_volume()
    {
        var grid = new Grid(9, 7, 5, 0.7, 1.3, 2.9);
        var random = new Random(7);
        var features = Enumerable.Range(0, grid.Count).Select(_ => random.NextDouble() < 0.04).ToArray();
        var d = DistanceTransform.SquaredMm(features, grid);
        for (var v = 0; v < grid.Count; v++)
        {
            Assert.Equal(BruteForce.SquaredDistance(v, features, grid), d[v], 9);
        }
    }
}
