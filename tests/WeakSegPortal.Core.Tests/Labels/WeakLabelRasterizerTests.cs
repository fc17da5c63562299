using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

public sealed class WeakLabelRasterizerTests
{
    private const int Liver = 1;
    private const int Background = 0;

    [Fact]
    public void Nothing_drawn_leaves_every_voxel_unknown()
    {
        var states = WeakLabelRasterizer.Rasterize(WeakLabels.Empty, Liver, Grid.Planar(3, 3));
        Assert.All(states, s => Assert.Equal((byte)LabelState.Unknown, s));
    }

    [Fact]
    public void Own_scribble_is_positive_and_background_scribble_negative()
    {
        var labels = new WeakLabels
        {
            Scribbles =
            [
                new Scribble([new(0, 0), new(2, 0)], 1, 0, Liver),
                new Scribble([new(0, 2), new(2, 2)], 1, 0, Background),
            ],
        };
        var states = WeakLabelRasterizer.Rasterize(labels, Liver, Grid.Planar(3, 3));
        Assert.Equal(MaskPicture.States("###", "???", "..."), states);
    }

    [Fact]
    public void Box_makes_its_slice_negative_outside_and_leaves_inside_unknown()
    {
        var grid = new Grid(4, 3, 2);
        var labels = new WeakLabels { Boxes = [new Box2D(1, 0, 2, 1, 0, Liver)] };
        var states = WeakLabelRasterizer.Rasterize(labels, Liver, grid);
        Assert.Equal(MaskPicture.States(".??.", ".??.", "...."), states[..12]);
        Assert.All(states[12..], s => Assert.Equal((byte)LabelState.Unknown, s));
    }

    [Fact]
    public void Box_of_another_class_says_nothing_about_this_one()
    {
        var labels = new WeakLabels { Boxes = [new Box2D(1, 0, 2, 1, 0, ClassId: 7)] };
        var states = WeakLabelRasterizer.Rasterize(labels, Liver, Grid.Planar(3, 3));
        Assert.All(states, s => Assert.Equal((byte)LabelState.Unknown, s));
    }

    [Fact]
    public void Scribble_inside_a_box_overrides_the_unknown_interior()
    {
        var labels = new WeakLabels
        {
            Boxes = [new Box2D(0, 0, 2, 1, 0, Liver)],
            Scribbles = [new Scribble([new(1, 1)], 1, 0, Liver)],
        };
        var states = WeakLabelRasterizer.Rasterize(labels, Liver, Grid.Planar(3, 3));
        Assert.Equal(MaskPicture.States("???", "?#?", "..."), states);
    }

    [Fact]
    public void Absent_item_tag_makes_the_class_negative_everywhere()
    {
        var labels = new WeakLabels { Tags = [new Tag(Liver, Present: false)] };
        var states = WeakLabelRasterizer.Rasterize(labels, Liver, new Grid(2, 2, 2));
        Assert.All(states, s => Assert.Equal((byte)LabelState.Negative, s));
    }

    [Fact]
    public void Absent_slice_tag_touches_only_that_slice()
    {
        var labels = new WeakLabels { Tags = [new Tag(Liver, false, Slice: 1), new Tag(Liver, true)] };
        var states = WeakLabelRasterizer.Rasterize(labels, Liver, new Grid(2, 2, 2));
        Assert.Equal(MaskPicture.States("??", "??", "..", ".."), states);
    }

    [Fact]
    public void Clicks_set_single_voxels_by_polarity_and_class()
    {
        var labels = new WeakLabels
        {
            Points =
            [
                new LabelPoint(0, 0, 0, Liver),
                new LabelPoint(1, 0, 0, Liver, IsPositive: false),
                new LabelPoint(2, 0, 0, ClassId: 5),
                new LabelPoint(0, 1, 0, ClassId: 5, IsPositive: false),
            ],
        };
        var states = WeakLabelRasterizer.Rasterize(labels, Liver, Grid.Planar(3, 2));
        Assert.Equal(MaskPicture.States("#..", "???"), states);
    }
}
