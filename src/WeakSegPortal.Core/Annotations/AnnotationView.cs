using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// A stored annotation as the browser reads it back: the command that made it (protocol shape,
/// docs/annotation-protocol.md) plus its annotation id. <see cref="Plane"/> is null for axial labels
/// and "coronal" or "sagittal" for a box, brush stroke, polygon or mask drawn on a reformat.
/// </summary>
public sealed record AnnotationView(
    Guid AnnotationId,
    Guid CommandId,
    Guid ItemId,
    string Kind,
    int ClassId,
    int? Slice,
    BoxShape? Box,
    ScribbleShape? Scribble,
    PointShape? Point,
    TagValue? Tag,
    long ActiveMs,
    Provenance Provenance,
    PolygonShape? Polygon = null,
    BrushShape? Brush = null,
    MaskShape? Mask = null,
    string? Plane = null)
{
    public static AnnotationView From(Guid itemId, StoredAnnotation a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new AnnotationView(a.AnnotationId, a.CommandId, itemId, a.Kind, a.ClassId, a.Slice,
            a.Box is { } b ? new BoxShape(b.X0, b.Y0, b.X1, b.Y1) : null,
            a.Scribble is { } s ? new ScribbleShape([.. s.Points.Select(p => new[] { p.X, p.Y })], s.Width) : null,
            a.Point is LabelPoint p ? new PointShape(p.X, p.Y, p.IsPositive) : null,
            a.Tag is { } t ? new TagValue(t.Present) : null,
            a.ActiveMs, a.Provenance,
            a.Polygon is { } g ? new PolygonShape([.. g.Points.Select(p => new[] { p.X, p.Y })]) : null,
            a.Brush is { } r ? new BrushShape([.. r.Points.Select(p => new[] { p.X, p.Y })], r.Width, r.Erase) : null,
            a.Mask is { } m ? new MaskShape(m.Width, m.Height, m.Counts) : null,
            SlicePlaneNames.WireName(a.Box?.Plane ?? a.MaskShape?.Plane ?? SlicePlane.Axial));
    }
}
