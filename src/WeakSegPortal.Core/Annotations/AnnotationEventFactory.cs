namespace WeakSegPortal.Core.Annotations;

/// <summary>The event an accepted drawing command appends, by the kind of shape it carries.</summary>
public static class AnnotationEventFactory
{
    public static object Created(Guid id, Guid itemId, Guid annotatorId, AnnotationCommand command, AnnotationCommandValidator.Accepted shape, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(shape);
        var activeMs = Math.Max(0, command.ActiveMs);
        var provenance = ProvenanceRules.Stored(command.Provenance);
        return shape switch
        {
            { Box: { } box } => new BoxDrawn(id, itemId, annotatorId, command.CommandId, box, provenance, activeMs, at),
            { Scribble: { } scribble } => new ScribbleDrawn(id, itemId, annotatorId, command.CommandId, scribble, provenance, activeMs, at),
            { Point: { } point } => new PointPlaced(id, itemId, annotatorId, command.CommandId, point, provenance, activeMs, at),
            { Polygon: { } polygon } => new PolygonDrawn(id, itemId, annotatorId, command.CommandId, polygon, provenance, activeMs, at),
            { Brush: { } stroke } => new BrushStrokePainted(id, itemId, annotatorId, command.CommandId, stroke, provenance, activeMs, at),
            { Mask: { } mask } => new MaskPainted(id, itemId, annotatorId, command.CommandId, mask, provenance, activeMs, at),
            { Tag: { } tag } => new TagSet(id, itemId, annotatorId, command.CommandId, tag, provenance, activeMs, at),
            _ => throw new InvalidOperationException("The validator accepted a command without geometry."),
        };
    }
}
