namespace WeakSegPortal.Core.Projects;

/// <summary>An example image shown beside the guidelines (a good box, a bad scribble…), stored by content key.</summary>
public sealed record GuidelineExample(Guid ExampleId, string BlobKey, string ContentType, string Caption);
