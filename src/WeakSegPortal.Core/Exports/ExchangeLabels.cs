using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Exports;

/// <summary>Stored labels to and from the exchange file's labels (<see cref="ExchangeLabel"/>), geometry unchanged.</summary>
public static class ExchangeLabels
{
    /// <summary>A stored label for the file; <paramref name="world"/> turns a voxel index (i, j, k) into LPS mm.</summary>
    public static ExchangeLabel From(StoredAnnotation a, Guid annotatorId, Func<double, double, double, double[]> world)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(world);
        var slice = a.Slice ?? 0;
        var plane = a.Box?.Plane ?? a.MaskShape?.Plane ?? SlicePlane.Axial;
        double[][] voxel = a switch
        {
            { Box: { } b } => [[b.X0, b.Y0], [b.X1, b.Y1]],
            { Point: { } p } => [[p.X, p.Y]],
            { Scribble: { } s } => [.. s.Points.Select(p => new[] { p.X, p.Y })],
            { Polygon: { } g } => [.. g.Points.Select(p => new[] { p.X, p.Y })],
            { Brush: { } r } => [.. r.Points.Select(p => new[] { p.X, p.Y })],
            _ => [],
        };
        return new ExchangeLabel(a.Kind, a.ClassId, a.Slice)
        {
            AnnotationId = a.AnnotationId,
            CommandId = a.CommandId,
            AnnotatorId = annotatorId,
            At = a.At,
            ActiveMs = a.ActiveMs,
            Provenance = new ExchangeProvenance(a.Provenance.Source, a.Provenance.Engine, a.Provenance.ModelVersion, a.Provenance.Prompt, a.Provenance.SuggestionId, a.Provenance.ObjectId),
            Voxel = voxel.Length == 0 ? null : voxel,
            World = voxel.Length == 0 ? null : [.. voxel.Select(v => World(world, plane, v, slice))],
            Width = a.Scribble?.Width ?? a.Brush?.Width,
            Erase = a.Brush?.Erase,
            Positive = a.Point?.IsPositive,
            Present = a.Tag?.Present,
            MaskCode = a.Mask is { } m ? new ExchangeMask(m.Width, m.Height, m.Counts) : null,
            Plane = SlicePlaneNames.WireName(plane),
        };
    }

    /// <summary>A point of the label's plane (x, y on its slice) in LPS mm: coronal (i, slice, k), sagittal (slice, j, k).</summary>
    private static double[] World(Func<double, double, double, double[]> world, SlicePlane plane, double[] v, int slice) => plane switch
    {
        SlicePlane.Coronal => world(v[0], slice, v[1]),
        SlicePlane.Sagittal => world(slice, v[0], v[1]),
        _ => world(v[0], v[1], slice),
    };

    /// <summary>The event that makes the label again, on item <paramref name="itemId"/> as <paramref name="annotationId"/>.</summary>
    public static ILabelMade ToEvent(ExchangeLabel label, Guid itemId, Guid annotatorId, Guid annotationId, DateTimeOffset whenUnknown)
    {
        ArgumentNullException.ThrowIfNull(label);
        var p = label.Provenance;
        if (p is not null && !Provenance.IsKnown(p.Source))
        {
            throw new InvalidDataException($"A label's provenance \"{p.Source}\" is not one of {string.Join(", ", Provenance.Sources)}.");
        }
        label.CheckPlane();
        var provenance = p is null ? Provenance.Manual : new Provenance(p.Source, p.Engine, p.ModelVersion, p.Prompt, p.SuggestionId, p.ObjectId);
        var command = label.CommandId ?? annotationId;
        var at = label.At ?? whenUnknown;
        return label.Kind switch
        {
            ExchangeLabel.Box => new BoxDrawn(annotationId, itemId, annotatorId, command, label.ToBox()!, provenance, label.ActiveMs, at),
            ExchangeLabel.Scribble => new ScribbleDrawn(annotationId, itemId, annotatorId, command, label.ToScribble()!, provenance, label.ActiveMs, at),
            ExchangeLabel.Point => new PointPlaced(annotationId, itemId, annotatorId, command, label.ToPoint()!, provenance, label.ActiveMs, at),
            ExchangeLabel.Tag => new TagSet(annotationId, itemId, annotatorId, command, label.ToTag()!, provenance, label.ActiveMs, at),
            ExchangeLabel.Polygon => new PolygonDrawn(annotationId, itemId, annotatorId, command, label.ToPolygon()!, provenance, label.ActiveMs, at),
            ExchangeLabel.Brush => new BrushStrokePainted(annotationId, itemId, annotatorId, command, label.ToBrush()!, provenance, label.ActiveMs, at),
            ExchangeLabel.Mask => new MaskPainted(annotationId, itemId, annotatorId, command, label.ToMask()!, provenance, label.ActiveMs, at),
            _ => throw new InvalidDataException($"A label of unknown kind \"{label.Kind}\" cannot be imported."),
        };
    }
}
