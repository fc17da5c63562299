using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Tests.Annotations;

/// <summary>
/// What <see cref="AnnotationCommandValidator"/> makes of accepted commands, and the values JSON cannot
/// carry (NaN, infinities). Accept and refuse rules and their words are in the case file shared with
/// the browser (wwwroot/test/annotation-cases.json, Web.Tests SharedAnnotationCasesTests).
/// </summary>
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
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Non_finite_coordinates_are_outside_the_image_for_every_kind(double x)
    {
        var all = Project(Enum.GetValues<AnnotationKind>());
        AnnotationCommand[] commands =
        [
            new(Guid.NewGuid(), Guid.NewGuid(), "box", 1, 2, Box: new BoxShape(1, 1, x, 9)),
            new(Guid.NewGuid(), Guid.NewGuid(), "scribble", 1, 2, Scribble: new ScribbleShape([[1, 1], [x, 2]], 3)),
            new(Guid.NewGuid(), Guid.NewGuid(), "point", 1, 2, Point: new PointShape(x, 2, true)),
            PolygonCommand(1, 2, [1, 1], [x, 1], [5, 5]),
            BrushCommand(3, false, 1, [1, 1], [x, 1]),
        ];
        Assert.All(commands, c => Assert.Matches("^The (box|scribble|point|polygon|brush stroke) (lies outside|leaves) the image \\(64 × 48\\)\\.$", AnnotationCommandValidator.Check(c, Geometry, all).Reason));
        Assert.Equal("Scribble width must be above 0 and at most 200 voxels.", AnnotationCommandValidator.Check(
            new(Guid.NewGuid(), Guid.NewGuid(), "scribble", 1, 2, Scribble: new ScribbleShape([[1, 1], [2, 2]], x)), Geometry, all).Reason);
    }

    [Fact]
    public void Brush_and_eraser_strokes_become_brush_labels()
    {
        var (paint, _) = AnnotationCommandValidator.Check(BrushCommand(5, false, 1, [1, 1], [4, 4]), Geometry, Masks);
        var (erase, _) = AnnotationCommandValidator.Check(BrushCommand(5, true, 1, [2, 2]), Geometry, Masks);
        Assert.Equal((5.0, false, 2), (paint!.Brush!.Width, paint.Brush.Erase, paint.Brush.Slice));
        Assert.True(erase!.Brush!.Erase);
    }
}
