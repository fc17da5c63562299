namespace WeakSegPortal.Core.Annotations;

/// <summary>The current labels of one annotator on one item (deleted ones gone, a re-set tag replaced).</summary>
public sealed class AnnotatorItemLabels
{
    /// <summary>The stream id, <see cref="AnnotationStreams.For"/>(item, annotator).</summary>
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public Guid AnnotatorId { get; set; }
    public List<StoredAnnotation> Annotations { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}
