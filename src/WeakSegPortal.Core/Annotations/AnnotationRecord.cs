namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// One current label of one annotator on one item, as its own document. Written inline without
/// reading anything first, so the acknowledgement path stays a single write batch; an annotator's
/// labels are assembled at read time (<see cref="AnnotationRecords"/>).
/// </summary>
public sealed class AnnotationRecord
{
    /// <summary>The annotation id; for a tag, a key of (item, annotator, class, slice), so a new answer replaces the old one.</summary>
    public Guid Id { get; set; }
    public Guid AnnotationId { get; set; }
    public Guid ItemId { get; set; }
    public Guid AnnotatorId { get; set; }
    public StoredAnnotation Annotation { get; set; } = default!;
}
