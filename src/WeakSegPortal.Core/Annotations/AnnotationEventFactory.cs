namespace WeakSegPortal.Core.Annotations;

/// <summary>The event an accepted drawing command appends, by the kind of shape it carries.</summary>
public static class AnnotationEventFactory
{
    public static object Created(Guid id, Guid itemId, Guid annotatorId, AnnotationCommand command, AnnotationCommandValidator.Accepted shape, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(shape);
        var activeMs = Math.Max(0, command.ActiveMs);
        return shape switch
        {
            { Box: { } box } => new BoxDrawn(id, itemId, annotatorId, command.CommandId, box, Provenance.Manual, activeMs, at),
            { Scribble: { } scribble } => new ScribbleDrawn(id, itemId, annotatorId, command.CommandId, scribble, Provenance.Manual, activeMs, at),
            { Point: { } point } => new PointPlaced(id, itemId, annotatorId, command.CommandId, point, Provenance.Manual, activeMs, at),
            { Polygon: { } polygon } => new PolygonDrawn(id, itemId, annotatorId, command.CommandId, polygon, Provenance.Manual, activeMs, at),
            { Brush: { } stroke } => new BrushStrokePainted(id, itemId, annotatorId, command.CommandId, stroke, Provenance.Manual, activeMs, at),
            { Tag: { } tag } => new TagSet(id, itemId, annotatorId, command.CommandId, tag, Provenance.Manual, activeMs, at),
            _ => throw new InvalidOperationException("The validator accepted a command without geometry."),
        };
    }
}
