using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Core.Items;

/// <summary>The annotations of one annotator that an adjudication kept.</summary>
public sealed record AdjudicatedLabels(Guid AnnotatorId, IReadOnlyList<StoredAnnotation> Annotations);
