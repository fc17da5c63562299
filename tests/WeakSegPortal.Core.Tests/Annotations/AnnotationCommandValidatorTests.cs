using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Tests.Annotations;

/// <summary>Polygons and brush strokes through <see cref="AnnotationCommandValidator"/>.</summary>
public sealed class AnnotationCommandValidatorTests
{
    private static readonly ItemGeometry Geometry = new(64, 48, 8, [1, 1, 1], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]);

    private static ProjectSummary Project(params AnnotationKind[] kinds) => new()
    {
        Classes = [new LabelClass(1, "Liver", "#ff0000"), new LabelClass(2, "Spleen", "#00ff00")],
        AllowedKinds = [.. kinds],
    };

    private static readonly ProjectSummary Masks = Project(AnnotationKind.Polygon, AnnotationKind.Brush);

    private static AnnotationCommand PolygonCommand(int classId, int? slice, params double[][] points) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "polygon", classId, slice, Polygon: new PolygonShape(points));

    private static AnnotationCommand BrushCommand(double width, bool erase, int classId = 1, params double[][] points) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "brush", classId, 2, Brush: new BrushShape(points, width, erase));

    [Fact]
    public void A_polygon_inside_the_image_becomes_a_polygon_label()
    {
        var (shape, reason) = AnnotationCommandValidator.Check(PolygonCommand(2, 3, [1, 1], [10, 1], [10, 8]), Geometry, Masks);
        Assert.Null(reason);
        Assert.Equal(new PlanePoint(10, 8), shape!.Polygon!.Points[2]);
        Assert.Equal((3, 2), (shape.Polygon.Slice, shape.Polygon.ClassId));
    }

    [Theory]
    [InlineData("The polygon lies outside the image (64 × 48 × 8).", 1, 3, 70.0)]
    [InlineData("A polygon needs 3 to 20000 points of [x, y].", 1, 3, double.NaN)]
    [InlineData("Class 9 is not a class of this project.", 9, 3, 10.0)]
    [InlineData("A polygon needs a class; background is only for scribbles and points.", 0, 3, 10.0)]
    [InlineData("The polygon command is incomplete (geometry or slice missing).", 1, null, 10.0)]
    public void Bad_polygons_are_refused_with_a_reason(string expected, int classId, int? slice, double x)
    {
        var command = double.IsNaN(x)
            ? PolygonCommand(classId, slice, [1, 1], [5, 5])
            : PolygonCommand(classId, slice, [1, 1], [x, 1], [x, 8]);
        Assert.Equal(expected, AnnotationCommandValidator.Check(command, Geometry, Masks).Reason);
    }

    [Fact]
    public void A_polygon_with_no_area_is_refused()
    {
        var (_, reason) = AnnotationCommandValidator.Check(PolygonCommand(1, 0, [1, 1], [2, 2], [3, 3]), Geometry, Masks);
        Assert.Equal("The polygon has no area.", reason);
    }

    [Fact]
    public void Brush_and_eraser_strokes_become_brush_labels()
    {
        var (paint, _) = AnnotationCommandValidator.Check(BrushCommand(5, false, 1, [1, 1], [4, 4]), Geometry, Masks);
        var (erase, _) = AnnotationCommandValidator.Check(BrushCommand(5, true, 1, [2, 2]), Geometry, Masks);
        Assert.Equal((5.0, false, 2), (paint!.Brush!.Width, paint.Brush.Erase, paint.Brush.Slice));
        Assert.True(erase!.Brush!.Erase);
    }

    [Theory]
    [InlineData(0.5, 1, 1.0, "Brush width must be at least 1 and at most 200 voxels.")]
    [InlineData(201, 1, 1.0, "Brush width must be at least 1 and at most 200 voxels.")]
    [InlineData(3, 1, 64.0, "The brush lies outside the image (64 × 48 × 8).")]
    [InlineData(3, 0, 1.0, "A brush needs a class; background is only for scribbles and points.")]
    public void Bad_brush_strokes_are_refused_with_a_reason(double width, int classId, double x, string expected)
    {
        Assert.Equal(expected, AnnotationCommandValidator.Check(BrushCommand(width, false, classId, [1, 1], [x, 1]), Geometry, Masks).Reason);
    }

    [Fact]
    public void Full_mask_kinds_need_the_project_setting()
    {
        var weakOnly = Project(AnnotationKind.Box, AnnotationKind.Scribble);
        Assert.Equal("Polygons are not allowed in this project.", AnnotationCommandValidator.Check(PolygonCommand(1, 0, [1, 1], [5, 1], [5, 5]), Geometry, weakOnly).Reason);
        Assert.Equal("Brush strokes are not allowed in this project.", AnnotationCommandValidator.Check(BrushCommand(3, true, 1, [1, 1]), Geometry, weakOnly).Reason);
    }
}
