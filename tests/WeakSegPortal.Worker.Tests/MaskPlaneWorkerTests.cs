using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Models;

namespace WeakSegPortal.Worker.Tests;

/// <summary>Full masks drawn on coronal and sagittal planes moved onto the network's pixels for training, hand-computed.</summary>
public sealed class MaskPlaneWorkerTests
{
    /// <summary>16 × 12 × 4 resampled to 8 × 8 (nearest: network x reads i = ⌊(x + ½) · 16 / 8⌋ = 2x + 1); k stays.</summary>
    private static readonly NetworkInput Pixels = new(
        Volume.FromFloat32(new VolumeGeometry(16, 12, 4, new Vec3(1, 1, 1), new Vec3(0, 0, 0), Direction3.Identity),
            new VolumeMetadata { Modality = "CT" }, new float[16 * 12 * 4]),
        "CT", 8);

    private static List<IMaskShape> Moved(params IMaskShape[] masks) =>
        [.. NetworkLabels.From(new WeakLabels { Masks = masks }, new Grid(16, 12, 4), Pixels).Masks];

    [Fact]
    public void A_coronal_mask_keeps_its_rows_k_has_its_i_axis_resampled_and_lies_on_the_nearest_network_row()
    {
        // Coronal j = 8 (16 × 4): row k = 1, i 4..7. Network x 2, 3 read i 5, 7; row j 8 → 5.17 → network row 5.
        var mask = new SliceMask(16, 4, [20, 4, 40], 8, 1, SlicePlane.Coronal);
        var moved = Assert.Single(Moved(mask));
        Assert.Equal((8, 4, 5, 1, SlicePlane.Coronal), (((SliceMask)moved).Width, ((SliceMask)moved).Height, moved.Slice, moved.ClassId, moved.Plane));
        Assert.Equal([10, 2, 20], ((SliceMask)moved).Counts);
        // An eraser on the same coronal slice at i = 5 leaves i 4, 6, 7: network x 2 (i 5) is cleared.
        var erased = (SliceMask)Assert.Single(Moved(mask, new BrushStroke([new PlanePoint(5, 1)], 1, 8, 1, true, SlicePlane.Coronal)));
        Assert.Equal([11, 1, 20], erased.Counts);
    }

    [Fact]
    public void A_sagittal_brush_stroke_has_its_j_axis_resampled_and_lies_on_the_nearest_network_column()
    {
        // Sagittal i = 10 (12 × 4): row k = 2, j 0..5. Network x 0..3 read j 0, 2, 3, 5; column i 10 → 4.75 → network column 5.
        var stroke = new BrushStroke([new PlanePoint(0, 2), new PlanePoint(5, 2)], 1, 10, 1, false, SlicePlane.Sagittal);
        var moved = (SliceMask)Assert.Single(Moved(stroke));
        Assert.Equal((8, 4, 5, SlicePlane.Sagittal), (moved.Width, moved.Height, moved.Slice, moved.Plane));
        Assert.Equal([16, 4, 12], moved.Counts);
    }

    [Fact]
    public void Answers_keep_the_order_of_their_latest_edits_so_the_later_still_wins()
    {
        var axial = new SliceMask(16, 12, [0, 16 * 12], 1, 1);
        var coronal = new SliceMask(16, 4, [20, 4, 40], 8, 1, SlicePlane.Coronal);
        Assert.Equal([SlicePlane.Axial, SlicePlane.Coronal], Moved(axial, coronal).Select(m => m.Plane));
        Assert.Equal([SlicePlane.Coronal, SlicePlane.Axial], Moved(coronal, axial).Select(m => m.Plane));
    }
}
