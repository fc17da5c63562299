using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Annotations;

/// <summary>The kind names of the wire protocol and the project setting each one needs.</summary>
public static class AnnotationKinds
{
    public const string Box = "box";
    public const string Scribble = "scribble";
    public const string Point = "point";
    public const string Tag = "tag";
    public const string Polygon = "polygon";
    public const string Brush = "brush";
    public const string Mask = "mask";
    public const string Delete = "delete";

    /// <summary>The project setting that allows the kind; null for deletions, which are always allowed.</summary>
    public static AnnotationKind? RequiredSetting(string kind) => kind switch
    {
        Box => AnnotationKind.Box,
        Scribble => AnnotationKind.Scribble,
        Point => AnnotationKind.Point,
        Tag => AnnotationKind.Tag,
        Polygon => AnnotationKind.Polygon,
        Brush => AnnotationKind.Brush,
        Mask => AnnotationKind.Mask,
        _ => null,
    };
}
