namespace WeakSegPortal.Core.Projects;

/// <summary>The kinds of annotation a project may allow; weak kinds first, full-mask kinds last.</summary>
public enum AnnotationKind
{
    Tag,
    Box,
    Scribble,
    Point,
    Brush,
    Polygon,
    /// <summary>Full masks accepted from a suggestion (docs/suggestion-protocol.md).</summary>
    Mask,
}
