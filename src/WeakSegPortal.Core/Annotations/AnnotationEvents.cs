using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Annotations;

// Events of one annotator's labels on one item (one stream per item × annotator).
// Each carries who, when (server UTC), the client's command id and the label's provenance.

public sealed record BoxDrawn(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, Box2D Box, Provenance Provenance, long ActiveMs, DateTimeOffset At);

public sealed record ScribbleDrawn(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, Scribble Scribble, Provenance Provenance, long ActiveMs, DateTimeOffset At);

public sealed record PointPlaced(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, LabelPoint Point, Provenance Provenance, long ActiveMs, DateTimeOffset At);

public sealed record TagSet(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, Tag Tag, Provenance Provenance, long ActiveMs, DateTimeOffset At);

public sealed record PolygonDrawn(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, Polygon Polygon, Provenance Provenance, long ActiveMs, DateTimeOffset At);

public sealed record BrushStrokePainted(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, BrushStroke Stroke, Provenance Provenance, long ActiveMs, DateTimeOffset At);

public sealed record AnnotationDeleted(Guid AnnotationId, Guid ItemId, Guid AnnotatorId, Guid CommandId, DateTimeOffset At);
