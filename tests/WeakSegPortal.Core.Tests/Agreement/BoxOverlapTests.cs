using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class BoxOverlapTests
{
    [Fact]
    public void Identical_boxes_score_one() =>
        Assert.Equal(1.0, BoxOverlap.IoU(new Box2D(1, 2, 5, 7, 0), new Box2D(5, 7, 1, 2, 0)));

    [Fact]
    public void Touching_boxes_share_no_area() =>
        Assert.Equal(0.0, BoxOverlap.IoU(new Box2D(0, 0, 2, 2, 0), new Box2D(2, 0, 4, 2, 0)));

    [Fact]
    public void Disjoint_boxes_score_zero() =>
        Assert.Equal(0.0, BoxOverlap.IoU(new Box2D(0, 0, 1, 1, 0), new Box2D(3, 3, 4, 4, 0)));

    [Fact]
    public void Contained_box_scores_its_area_share() =>
        Assert.Equal(0.25, BoxOverlap.IoU(new Box2D(0, 0, 4, 4, 0), new Box2D(1, 1, 3, 3, 0)), 12);

    [Fact]
    public void Overlapping_squares_match_the_hand_count() =>
        Assert.Equal(1.0 / 7, BoxOverlap.IoU(new Box2D(0, 0, 2, 2, 0), new Box2D(1, 1, 3, 3, 0)), 12);

    [Fact]
    public void Boxes_on_different_slices_do_not_overlap() =>
        Assert.Equal(0.0, BoxOverlap.IoU(new Box2D(0, 0, 2, 2, 0), new Box2D(0, 0, 2, 2, 1)));

    [Fact]
    public void Overlapping_cubes_match_the_hand_count() =>
        Assert.Equal(1.0 / 15, BoxOverlap.IoU(new Box3D(0, 0, 0, 2, 2, 2), new Box3D(1, 1, 1, 3, 3, 3)), 12);

    [Fact]
    public void Bounding_box_spans_the_outer_voxel_edges()
    {
        var mask = MaskPicture.Mask(".....", "..#..", ".##..", ".....");
        var box = BoxOverlap.BoundingBox(mask, Grid.Planar(5, 4), 0);
        Assert.Equal(new Box2D(0.5, 0.5, 2.5, 2.5, 0), box);
    }

    [Fact]
    public void Empty_slice_has_no_bounding_box() =>
        Assert.Null(BoxOverlap.BoundingBox(new bool[6], Grid.Planar(3, 2), 0));
}
