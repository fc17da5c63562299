using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Models;

namespace WeakSegPortal.Worker.Tests;

/// <summary>Boxes drawn on coronal and sagittal planes moved onto the network's pixels for training.</summary>
public sealed class BoxPlaneWorkerTests
{
    /// <summary>16 × 12 × 4 resampled to 8 × 8: x' = (x + 0.5) · 8 / 16 − 0.5, y' = (y + 0.5) · 8 / 12 − 0.5; k stays.</summary>
    private static readonly NetworkInput Pixels = new(
        Volume.FromFloat32(new VolumeGeometry(16, 12, 4, new Vec3(1, 1, 1), new Vec3(0, 0, 0), Direction3.Identity),
            new VolumeMetadata { Modality = "CT" }, new float[16 * 12 * 4]),
        "CT", 8);

    private static Box2D Moved(Box2D box) =>
        NetworkLabels.From(new WeakLabels { Boxes = [box] }, new Grid(16, 12, 4), Pixels).Boxes.Single();

    [Fact]
    public void A_coronal_box_s_i_range_maps_like_x_its_row_j_like_y_and_its_k_range_stays()
    {
        // i 1.5 … 9.5 → 0.5 … 4.5; row j = 8 → 5.17, the nearest network row 5; k 0.5 … 2.5 unchanged.
        var moved = Moved(new Box2D(1.5, 0.5, 9.5, 2.5, 8, 1, SlicePlane.Coronal));
        Assert.Equal(new Box2D(0.5, 0.5, 4.5, 2.5, 5, 1, SlicePlane.Coronal), moved);
    }

    [Fact]
    public void A_sagittal_box_s_j_range_maps_like_y_and_its_column_i_like_x()
    {
        // j 2.5 … 8.5 → 1.5 … 5.5; column i = 10 → 4.75, the nearest network column 5; k 0 … 3 unchanged.
        var moved = Moved(new Box2D(2.5, 0, 8.5, 3, 10, 1, SlicePlane.Sagittal));
        Assert.Equal(new Box2D(1.5, 0, 5.5, 3, 5, 1, SlicePlane.Sagittal), moved);
    }

    [Fact]
    public void An_axial_box_maps_both_corners_and_keeps_its_slice()
    {
        var moved = Moved(new Box2D(1.5, 2.5, 9.5, 8.5, 2, 1));
        Assert.Equal(new Box2D(0.5, 1.5, 4.5, 5.5, 2, 1), moved);
    }
}
