using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

/// <summary>
/// 3D HD95 / ASSD between annotators, on cases worked out by hand (the expected figures are derived in the comments),
/// with anisotropic spacing so that a figure computed in voxels, or with one axis's spacing, fails.
/// </summary>
public sealed class VolumeSurfaceAgreementTests
{
    private static readonly Guid Ann = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Bea = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    /// <summary>Boxes of class 1 covering voxels i, j in [lo, lo + 3] on slices k0..k1: a 4×4×n block.</summary>
    private static WeakLabels Block(int iLo, int jLo, int k0, int k1) => new()
    {
        Boxes = [.. Enumerable.Range(k0, k1 - k0 + 1).Select(k => new Box2D(iLo, jLo, iLo + 3, jLo + 3, k, 1))],
    };

    private static VolumeSurfaceFigures Compare(Grid grid, WeakLabels a, WeakLabels b) =>
        VolumeSurfaceAgreement.Compute(grid, [(Ann, a), (Bea, b)], [1]);

    [Fact]
    public void Cubes_one_voxel_apart_in_x_are_measured_with_x_spacing()
    {
        // 4×4×4 cubes, B one voxel further along x. Each has 56 surface voxels (64 less the 2×2×2 core). Of A's: the
        // 16 on its low-x face are one x-step from B's low-x face; the 4 in the middle of its high-x face lie inside B,
        // whose nearest surface is one x- or y-step away (both 0.7 mm); the other 36 are also B's surface: 0.
        // B likewise, so the pooled 112 are 40 × 0.7 mm and 72 × 0: ASSD = 40 · 0.7 / 112 = 0.25 mm, HD95 = 0.7 mm.
        var grid = new Grid(9, 8, 7, 0.7, 0.7, 2.5);
        var figures = Compare(grid, Block(2, 2, 1, 4), Block(3, 2, 1, 4));
        var pair = Assert.Single(figures.Pairs);
        Assert.Equal(0.25, pair.Distances.AssdMm, 12);
        Assert.Equal(0.7, pair.Distances.Hd95Mm, 12);
        Assert.Equal(0.7, pair.Distances.HausdorffMm, 12);
        Assert.Equal(4, pair.SlicesCompared);
        Assert.True(figures.AcrossSlices);
    }

    [Fact]
    public void Cubes_one_slice_apart_are_a_slice_spacing_apart_where_no_in_plane_surface_is_nearer()
    {
        // B one slice higher (2.5 mm). A's 16 bottom-face voxels are 2.5 mm from B's bottom face; the 4 in the middle
        // of A's top face lie inside B, but B's side wall is one in-plane step (0.7 mm) away, nearer than its top.
        // Pooled (both ways): 72 × 0, 8 × 0.7, 32 × 2.5 mm. ASSD = (8 · 0.7 + 32 · 2.5) / 112 = 0.764 mm; the 95th
        // percentile (rank 105.45 of 0..111) falls among the 2.5s.
        var grid = new Grid(9, 8, 8, 0.7, 0.7, 2.5);
        var figures = Compare(grid, Block(2, 2, 1, 4), Block(2, 2, 2, 5));
        var pair = Assert.Single(figures.Pairs);
        Assert.Equal((8 * 0.7 + 32 * 2.5) / 112, pair.Distances.AssdMm, 12);
        Assert.Equal(2.5, pair.Distances.Hd95Mm, 12);
        Assert.Equal(5, pair.SlicesCompared);
        // The two slices only one of them drew rank first (unbounded in the plane); the shared slices agree exactly.
        Assert.Equal<int>([1, 5], figures.Slices.Take(2).Select(s => s.Slice).Order());
        Assert.All(figures.Slices, s => Assert.True(double.IsPositiveInfinity(s.Distances.Hd95Mm)));
        Assert.Equal(2, figures.Slices.Count);
    }

    [Fact]
    public void Concentric_spheres_painted_slice_by_slice_are_their_radii_apart_in_mm()
    {
        // Balls of radius 6 and 9 mm about one centre, painted as masks on 1 × 1 × 2 mm voxels: every surface point of
        // one is about 3 mm from the other's. Sampling moves each surface by up to half a voxel diagonal (≈ 1.2 mm).
        var grid = new Grid(26, 26, 13, 1, 1, 2);
        var figures = Compare(grid, Ball(grid, 6), Ball(grid, 9));
        var pair = Assert.Single(figures.Pairs);
        Assert.InRange(pair.Distances.AssdMm, 2.4, 3.6);
        Assert.InRange(pair.Distances.Hd95Mm, 3.0, 4.5);
        // The same balls on isotropic 2 mm voxels in voxel units would be 1.5 voxels apart: mm it is.
        Assert.True(pair.Distances.AssdMm > 2);
    }

    [Fact]
    public void Identical_labels_agree_fully_and_list_no_slice()
    {
        var grid = new Grid(9, 8, 7, 0.7, 0.7, 2.5);
        var figures = Compare(grid, Block(2, 2, 1, 4), Block(2, 2, 1, 4));
        Assert.Equal(SurfaceDistances.Identical, Assert.Single(figures.Pairs).Distances);
        Assert.Empty(figures.Slices);
    }

    [Fact]
    public void A_class_neither_annotator_drew_makes_no_pair()
    {
        var grid = new Grid(9, 8, 7);
        var figures = VolumeSurfaceAgreement.Compute(grid, [(Ann, Block(2, 2, 1, 4)), (Bea, Block(2, 2, 1, 4))], [2]);
        Assert.Empty(figures.Pairs);
        Assert.False(figures.AcrossSlices);
    }

    [Fact]
    public void Paint_wins_over_boxes_as_the_region_of_a_class()
    {
        var grid = new Grid(9, 8, 3);
        var painted = new bool[grid.SliceSize];
        painted[grid.Index(4, 4, 0)] = true;
        var labels = Block(1, 1, 1, 1) with { Masks = [new SliceMask(grid.Nx, grid.Ny, MaskRle.Encode(painted), 1, 1)] };
        var region = ClassRegion.Of(labels, 1, grid);
        Assert.Equal(RegionSource.Paint, region.Source);
        Assert.Equal(1, region.Mask.Count(v => v));
        Assert.Equal(RegionSource.Boxes, ClassRegion.Of(Block(1, 1, 1, 1), 1, grid).Source);
    }

    [Fact]
    public void Slices_are_ranked_by_in_plane_hd95_worst_first()
    {
        // Same block on slices 1..4, B's box moved 1 voxel on slice 2 and 3 voxels on slice 3 (x spacing 0.5 mm):
        // slice 3 is 1.5 mm off, slice 2 0.5 mm, slices 1 and 4 agree and are not listed.
        var grid = new Grid(12, 8, 6, 0.5, 0.8, 3);
        var b = new WeakLabels
        {
            Boxes = [new(2, 2, 5, 5, 1, 1), new(3, 2, 6, 5, 2, 1), new(5, 2, 8, 5, 3, 1), new(2, 2, 5, 5, 4, 1)],
        };
        var figures = Compare(grid, Block(2, 2, 1, 4), b);
        Assert.Equal<int>([3, 2], figures.Slices.Select(s => s.Slice));
        Assert.Equal(1.5, figures.Slices[0].Distances.Hd95Mm, 12);
        Assert.Equal(0.5, figures.Slices[1].Distances.Hd95Mm, 12);
        Assert.True(figures.Slices[0].Dice < figures.Slices[1].Dice);
        Assert.Equal((Ann, Bea, 1), (figures.Slices[0].A, figures.Slices[0].B, figures.Slices[0].ClassId));
    }

    [Fact]
    public void Cropping_to_the_masks_gives_the_whole_grids_distances_also_at_the_image_edge()
    {
        var random = new Random(5);
        for (var run = 0; run < 20; run++)
        {
            var grid = new Grid(14, 11, 7, 0.6, 1.3, 2.7);
            var (a, b) = (new bool[grid.Count], new bool[grid.Count]);
            // Blobs in a random sub-box, which now and then reaches the image edge.
            var (i0, j0, k0) = (random.Next(0, 8), random.Next(0, 6), random.Next(0, 4));
            for (var v = 0; v < grid.Count; v++)
            {
                var (i, j, k) = (v % grid.Nx, v / grid.Nx % grid.Ny, v / grid.SliceSize);
                var inside = i >= i0 && j >= j0 && k >= k0 && i < i0 + 7 && j < j0 + 6 && k < k0 + 4;
                a[v] = inside && random.NextDouble() < 0.5;
                b[v] = inside && random.NextDouble() < 0.4;
            }
            var cropped = MaskCrop.Around(a, b, grid)!.Value;
            Assert.True(cropped.Grid.Count < grid.Count);
            var (whole, part) = (SurfaceDistance.Compute(a, b, grid), SurfaceDistance.Compute(cropped.A, cropped.B, cropped.Grid));
            Assert.Equal(whole.Hd95Mm, part.Hd95Mm, 9);
            Assert.Equal(whole.AssdMm, part.AssdMm, 9);
            Assert.Equal(whole.HausdorffMm, part.HausdorffMm, 9);
        }
    }

    /// <summary>A ball of <paramref name="radiusMm"/> about the grid's centre, painted as one mask per slice.</summary>
    private static WeakLabels Ball(Grid grid, double radiusMm)
    {
        var (ci, cj, ck) = ((grid.Nx - 1) / 2.0, (grid.Ny - 1) / 2.0, (grid.Nz - 1) / 2.0);
        var masks = new List<IMaskShape>();
        for (var k = 0; k < grid.Nz; k++)
        {
            var slice = new bool[grid.SliceSize];
            for (var j = 0; j < grid.Ny; j++)
            {
                for (var i = 0; i < grid.Nx; i++)
                {
                    var (x, y, z) = ((i - ci) * grid.SpacingX, (j - cj) * grid.SpacingY, (k - ck) * grid.SpacingZ);
                    slice[(j * grid.Nx) + i] = (x * x) + (y * y) + (z * z) <= radiusMm * radiusMm;
                }
            }
            if (slice.Contains(true))
            {
                masks.Add(new SliceMask(grid.Nx, grid.Ny, MaskRle.Encode(slice), k, 1));
            }
        }
        return new WeakLabels { Masks = masks };
    }
}
