using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class SurfaceDistanceTests
{
    [Fact]
    public void Two_empty_masks_are_zero_apart()
    {
        var result = SurfaceDistance.Compute(new bool[9], new bool[9], Grid.Planar(3, 3));
        Assert.Equal(new SurfaceDistances(0, 0, 0), result);
    }

    [Fact]
    public void One_empty_mask_is_infinitely_far()
    {
        var result = SurfaceDistance.Compute(MaskPicture.Mask("#..", "...", "..."), new bool[9], Grid.Planar(3, 3));
        Assert.True(double.IsPositiveInfinity(result.Hd95Mm));
        Assert.True(double.IsPositiveInfinity(result.AssdMm));
    }

    [Fact]
    public void Identical_masks_are_zero_apart()
    {
        var mask = MaskPicture.Mask(".##.", ".###", "..#.");
        Assert.Equal(new SurfaceDistances(0, 0, 0), SurfaceDistance.Compute(mask, mask, Grid.Planar(4, 3)));
    }

    [Theory]
    [InlineData(0.5, 1.0, 1.5)]
    [InlineData(2.0, 1.0, 6.0)]
    public void Shift_along_x_is_measured_with_x_spacing(double spacingX, double spacingY, double expectedMm)
    {
        var grid = Grid.Planar(6, 2, spacingX, spacingY);
        var result = SurfaceDistance.Compute(MaskPicture.Mask("#.....", "......"), MaskPicture.Mask("...#..", "......"), grid);
        Assert.Equal(expectedMm, result.Hd95Mm, 12);
        Assert.Equal(expectedMm, result.AssdMm, 12);
    }

    [Fact]
    public void Slab_shifted_two_slices_is_two_slice_spacings_away()
    {
        // A 3×3×1 plate on slice 1 against the same plate on slice 3, slices 2.5 mm apart: every
        // surface voxel is 5 mm from its twin, and no closer voxel exists in the other plate.
        var grid = new Grid(3, 3, 5, 0.8, 0.8, 2.5);
        var a = new bool[grid.Count];
        var b = new bool[grid.Count];
        Array.Fill(a, true, grid.Index(0, 0, 1), grid.SliceSize);
        Array.Fill(b, true, grid.Index(0, 0, 3), grid.SliceSize);
        var result = SurfaceDistance.Compute(a, b, grid);
        Assert.Equal(5.0, result.Hd95Mm, 12);
        Assert.Equal(5.0, result.AssdMm, 12);
    }

    [Fact]
    public void Percentile_interpolates_between_pooled_distances()
    {
        // A = {(0,0)}, B = {(0,0), (3,0)}. A→B: 0; B→A: 0 and 3. Pooled [0, 0, 3]:
        // 95th percentile at rank 1.9 → 0 + 0.9·3 = 2.7; mean 1; maximum 3.
        var result = SurfaceDistance.Compute(MaskPicture.Mask("#..."), MaskPicture.Mask("#..#"), Grid.Planar(4, 1));
        Assert.Equal(2.7, result.Hd95Mm, 12);
        Assert.Equal(1.0, result.AssdMm, 12);
        Assert.Equal(3.0, result.HausdorffMm, 12);
    }

    [Fact]
    public void Matches_brute_force_on_random_blobs_with_anisotropic_spacing()
    {
        var grid = new Grid(12, 10, 6, 0.6, 1.1, 3.0);
        var random = new Random(11);
        var a = Enumerable.Range(0, grid.Count).Select(_ => random.NextDouble() < 0.3).ToArray();
        var b = Enumerable.Range(0, grid.Count).Select(_ => random.NextDouble() < 0.2).ToArray();
        var (sa, sb) = (BruteForce.Surface(a, grid), BruteForce.Surface(b, grid));
        var pooled = Directed(sa, sb, grid).Concat(Directed(sb, sa, grid)).Order().ToArray();
        var result = SurfaceDistance.Compute(a, b, grid);
        Assert.Equal(pooled.Average(), result.AssdMm, 9);
        Assert.Equal(pooled[^1], result.HausdorffMm, 9);
        var rank = 0.95 * (pooled.Length - 1);
        var expected = pooled[(int)rank] + (rank - (int)rank) * (pooled[(int)rank + 1] - pooled[(int)rank]);
        Assert.Equal(expected, result.Hd95Mm, 9);
    }

    private static IEnumerable<double> Directed(bool[] from, bool[] to, Grid grid) =>
        Enumerable.Range(0, from.Length).Where(v => from[v]).Select(v => Math.Sqrt(BruteForce.SquaredDistance(v, to, grid)));

    [Fact]
    public void Slice_distances_ignore_the_other_slices_and_the_slice_spacing()
    {
        // On slice 1 the two voxels are 3 columns apart at 0.5 mm; slice 0 differs wildly but does not count.
        var grid = new Grid(4, 1, 2, 0.5, 1, 10);
        var a = MaskPicture.Mask("####", "#...");
        var b = MaskPicture.Mask("....", "...#");
        var result = SurfaceDistance.ComputeOnSlice(a, b, grid, 1);
        Assert.Equal(1.5, result.Hd95Mm, 12);
        Assert.Equal(1.5, result.AssdMm, 12);
    }
}
