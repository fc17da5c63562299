using WeakSegPortal.Core.Annotations;

namespace WeakSegPortal.Web.Qa;

/// <summary>One annotator's labels drawn in one colour on the item view.</summary>
public sealed record OverlayLayer(Guid AnnotatorId, string Name, string Colour, IReadOnlyList<StoredAnnotation> Annotations);
