using Marten.Events.Aggregation;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// Folds one annotator's events on an item into <see cref="AnnotatorItemLabels"/>. Not registered as
/// a stored projection (the stored form is one <see cref="AnnotationRecord"/> per label, which is
/// cheaper to write); the QA desk's history replay (LabelReplay) folds events through it as of any moment.
/// </summary>
public sealed class AnnotatorItemLabelsProjection : SingleStreamProjection<AnnotatorItemLabels, Guid>
{
    public static void Apply(BoxDrawn e, AnnotatorItemLabels labels) =>
        Add(labels, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Box, e.Box, null, null, null, e.Provenance, e.ActiveMs, e.At), e.ItemId, e.AnnotatorId);

    public static void Apply(ScribbleDrawn e, AnnotatorItemLabels labels) =>
        Add(labels, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Scribble, null, e.Scribble, null, null, e.Provenance, e.ActiveMs, e.At), e.ItemId, e.AnnotatorId);

    public static void Apply(PointPlaced e, AnnotatorItemLabels labels) =>
        Add(labels, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Point, null, null, e.Point, null, e.Provenance, e.ActiveMs, e.At), e.ItemId, e.AnnotatorId);

    public static void Apply(PolygonDrawn e, AnnotatorItemLabels labels) =>
        Add(labels, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Polygon, null, null, null, null, e.Provenance, e.ActiveMs, e.At, Polygon: e.Polygon), e.ItemId, e.AnnotatorId);

    public static void Apply(BrushStrokePainted e, AnnotatorItemLabels labels) =>
        Add(labels, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Brush, null, null, null, null, e.Provenance, e.ActiveMs, e.At, Brush: e.Stroke), e.ItemId, e.AnnotatorId);

    public static void Apply(TagSet e, AnnotatorItemLabels labels)
    {
        // One answer per class and slice: a new tag replaces the old one.
        labels.Annotations.RemoveAll(a => a.Tag is { } t && t.ClassId == e.Tag.ClassId && t.Slice == e.Tag.Slice);
        Add(labels, new StoredAnnotation(e.AnnotationId, e.CommandId, AnnotationKinds.Tag, null, null, null, e.Tag, e.Provenance, e.ActiveMs, e.At), e.ItemId, e.AnnotatorId);
    }

    public static void Apply(AnnotationDeleted e, AnnotatorItemLabels labels)
    {
        labels.Annotations.RemoveAll(a => a.AnnotationId == e.AnnotationId);
        labels.UpdatedAt = e.At;
    }

    private static void Add(AnnotatorItemLabels labels, StoredAnnotation annotation, Guid itemId, Guid annotatorId)
    {
        labels.ItemId = itemId;
        labels.AnnotatorId = annotatorId;
        labels.Annotations.Add(annotation);
        labels.UpdatedAt = annotation.At;
    }
}
