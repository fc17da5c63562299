namespace WeakSegPortal.Core.Annotations;

/// <summary>A command as it reached the server, with the signed-in annotator who sent it.</summary>
public sealed record SubmittedAnnotation(AnnotationCommand Command, Guid AnnotatorId);
