using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Web.Qa;

/// <summary>
/// The annotators' labels as the QA viewer (wwwroot/src/qa-viewer.js) draws them: one layer per
/// annotator, shapes in voxel index space with a flat point list (a box as x0, y0, x1, y1). Tags
/// have no shape and are left out. The viewer shows axial slices: a box drawn on a coronal or sagittal
/// plane is shown as its trace on each axial slice it crosses (<see cref="BoxVoxels.AxialTrace"/>: a
/// one-voxel-high box along row j, or one-voxel-wide along column i), with <see cref="Shape.Plane"/> naming the plane.
/// </summary>
public static class QaViewerLayers
{
    /// <summary>A drawn label; an accepted mask has no points and carries its run-length code in <see cref="Mask"/>.</summary>
    public sealed record Shape(string Kind, int ClassId, int Slice, double[] Points, double? Width = null, bool? Positive = null, bool? Erase = null, MaskShape? Mask = null, string? Plane = null);

    public sealed record Layer(Guid Id, string Name, string Colour, IReadOnlyList<Shape> Shapes);

    public static IReadOnlyList<Layer> Of(IEnumerable<OverlayLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        return [.. layers.Select(l => new Layer(l.AnnotatorId, l.Name, l.Colour, [.. l.Annotations.SelectMany(ShapesOf)]))];
    }

    private static IEnumerable<Shape> ShapesOf(StoredAnnotation a) => a.Box is { IsAxial: false } box
        ? BoxVoxels.AxialSlices(box).Select(k => BoxVoxels.AxialTrace(box, k)).OfType<Box2D>()
            .Select(t => new Shape("box", t.ClassId, t.Slice, [t.X0, t.Y0, t.X1, t.Y1], Plane: SlicePlaneNames.WireName(box.Plane)))
        : ShapeOf(a) is { } shape ? [shape] : [];

    private static Shape? ShapeOf(StoredAnnotation a) => a switch
    {
        { Box: { } b } => new Shape("box", b.ClassId, b.Slice, [b.X0, b.Y0, b.X1, b.Y1]),
        { Scribble: { } s } => new Shape("scribble", s.ClassId, s.Slice, Flat(s.Points), s.Width),
        { Point: { } p } => new Shape("point", p.ClassId, p.Slice, [p.X, p.Y], Positive: p.IsPositive),
        { Polygon: { } p } => new Shape("polygon", p.ClassId, p.Slice, Flat(p.Points)),
        { Brush: { } b } => new Shape("brush", b.ClassId, b.Slice, Flat(b.Points), b.Width, Erase: b.Erase),
        { Mask: { } m } => new Shape("mask", m.ClassId, m.Slice, [], Mask: new MaskShape(m.Width, m.Height, m.Counts)),
        _ => null,
    };

    private static double[] Flat(IReadOnlyList<Core.Labels.PlanePoint> points) => [.. points.SelectMany(p => new[] { p.X, p.Y })];
}
