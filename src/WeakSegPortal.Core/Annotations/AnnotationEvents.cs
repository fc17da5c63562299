using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Annotations;

// Events of one annotator's labels on one item (one stream per item × annotator).
// Each carries who, when (server UTC), the client's command id and the label's provenance.
// Every consumer (the record projection, history replay, agreement) reads them through
// IAnnotationEvent and ILabelMade, never kind by kind: a new kind is one record here.

/// <summary>An event of one annotator's label stream on one item.</summary>
public interface IAnnotationEvent : IItemEvent
{
    Guid AnnotationId { get; }
    Guid AnnotatorId { get; }
    Guid CommandId { get; }
    DateTimeOffset At { get; }
}

/// <summary>An event that makes one label: what it is (kind, class, slice, geometry) comes from <see cref="ToStored"/>.</summary>
public interface ILabelMade : IAnnotationEvent
{
    Provenance Provenance { get; }
    long ActiveMs { get; }

    /// <summary>The label as it is stored and read back.</summary>
    StoredAnnotation ToStored();
}

public sealed record BoxDrawn(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, Box2D Box, Provenance Provenance, long ActiveMs, DateTimeOffset At) : ILabelMade
{
    public StoredAnnotation ToStored() => new(AnnotationId, CommandId, AnnotationKinds.Box, Box, null, null, null, Provenance, ActiveMs, At);
}

public sealed record ScribbleDrawn(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, Scribble Scribble, Provenance Provenance, long ActiveMs, DateTimeOffset At) : ILabelMade
{
    public StoredAnnotation ToStored() => new(AnnotationId, CommandId, AnnotationKinds.Scribble, null, Scribble, null, null, Provenance, ActiveMs, At);
}

public sealed record PointPlaced(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, LabelPoint Point, Provenance Provenance, long ActiveMs, DateTimeOffset At) : ILabelMade
{
    public StoredAnnotation ToStored() => new(AnnotationId, CommandId, AnnotationKinds.Point, null, null, Point, null, Provenance, ActiveMs, At);
}

public sealed record TagSet(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, Tag Tag, Provenance Provenance, long ActiveMs, DateTimeOffset At) : ILabelMade
{
    public StoredAnnotation ToStored() => new(AnnotationId, CommandId, AnnotationKinds.Tag, null, null, null, Tag, Provenance, ActiveMs, At);
}

public sealed record PolygonDrawn(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, Polygon Polygon, Provenance Provenance, long ActiveMs, DateTimeOffset At) : ILabelMade
{
    public StoredAnnotation ToStored() => new(AnnotationId, CommandId, AnnotationKinds.Polygon, null, null, null, null, Provenance, ActiveMs, At, Polygon: Polygon);
}

public sealed record BrushStrokePainted(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, BrushStroke Stroke, Provenance Provenance, long ActiveMs, DateTimeOffset At) : ILabelMade
{
    public StoredAnnotation ToStored() => new(AnnotationId, CommandId, AnnotationKinds.Brush, null, null, null, null, Provenance, ActiveMs, At, Brush: Stroke);
}

/// <summary>A full mask of one class on one slice, accepted from a suggestion (its provenance says which).</summary>
public sealed record MaskPainted(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, SliceMask Mask, Provenance Provenance, long ActiveMs, DateTimeOffset At) : ILabelMade
{
    public StoredAnnotation ToStored() => new(AnnotationId, CommandId, AnnotationKinds.Mask, null, null, null, null, Provenance, ActiveMs, At, Mask: Mask);
}

public sealed record AnnotationDeleted(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, DateTimeOffset At) : IAnnotationEvent;
