using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

/// <summary>Polygons and brush strokes as full masks in <see cref="WeakLabelRasterizer"/>.</summary>
public sealed class FullMaskRasterizerTests
{
    private const int Liver = 1;
    private const int Spleen = 2;

    private static Polygon Square(double x0, double y0, double x1, double y1, int slice, int classId) =>
        new([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1)], slice, classId);

    [Fact]
    public void Polygon_is_positive_inside_and_negative_elsewhere_on_its_slice_only()
    {
        var grid = new Grid(4, 3, 2);
        var labels = new WeakLabels { Masks = [Square(0.5, -0.5, 2.5, 1.5, 0, Liver)] };
        var states = WeakLabelRasterizer.Rasterize(labels, Liver, grid);
        Assert.Equal(MaskPicture.States(".##.", ".##.", "....", "????", "????", "????"), states);
    }

    [Fact]
    public void Brush_paints_like_a_scribble_of_its_width_and_an_eraser_removes_earlier_paint()
    {
        var grid = Grid.Planar(5, 3);
        var labels = new WeakLabels
        {
            Masks =
            [
                new BrushStroke([new(0, 1), new(4, 1)], 1, 0, Liver, Erase: false),
                new BrushStroke([new(2, 1)], 1, 0, Liver, Erase: true),
            ],
        };
        Assert.Equal(MaskPicture.States(".....", "##.##", "....."), WeakLabelRasterizer.Rasterize(labels, Liver, grid));
    }

    [Fact]
    public void Paint_after_an_erase_comes_back_and_erasing_another_class_changes_nothing()
    {
        var grid = Grid.Planar(3, 1);
        var labels = new WeakLabels
        {
            Masks =
            [
                new BrushStroke([new(0, 0), new(2, 0)], 1, 0, Liver, Erase: false),
                new BrushStroke([new(0, 0), new(2, 0)], 1, 0, Liver, Erase: true),
                new BrushStroke([new(1, 0)], 1, 0, Liver, Erase: false),
                new BrushStroke([new(0, 0), new(2, 0)], 1, 0, Spleen, Erase: true),
            ],
        };
        Assert.Equal(MaskPicture.States(".#."), WeakLabelRasterizer.Rasterize(labels, Liver, grid));
    }

    [Fact]
    public void A_slice_whose_paint_was_all_erased_says_nothing()
    {
        var grid = Grid.Planar(3, 1);
        var labels = new WeakLabels
        {
            Masks =
            [
                new BrushStroke([new(1, 0)], 1, 0, Liver, Erase: false),
                new BrushStroke([new(1, 0)], 1, 0, Liver, Erase: true),
            ],
        };
        Assert.Equal(MaskPicture.States("???"), WeakLabelRasterizer.Rasterize(labels, Liver, grid));
    }

    [Fact]
    public void Another_class_paint_is_negative_and_overrides_weaker_evidence()
    {
        var grid = Grid.Planar(4, 1);
        var labels = new WeakLabels
        {
            Scribbles = [new Scribble([new(0, 0), new(3, 0)], 1, 0, Liver)],
            Masks = [Square(1.5, -0.5, 3.5, 0.5, 0, Spleen)],
        };
        Assert.Equal(MaskPicture.States("##.."), WeakLabelRasterizer.Rasterize(labels, Liver, grid));
        Assert.Equal(MaskPicture.States("..##"), WeakLabelRasterizer.Rasterize(labels, Spleen, grid));
    }

    [Fact]
    public void Painted_is_null_without_a_mask_of_the_class()
    {
        var masks = new IMaskShape[] { Square(0, 0, 1, 1, 0, Spleen) };
        Assert.Null(WeakLabelRasterizer.Painted(masks, Liver, Grid.Planar(2, 2)));
    }
}
