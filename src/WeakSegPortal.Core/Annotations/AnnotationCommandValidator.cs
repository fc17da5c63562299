using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// Checks a command against the item's image and the project's label schema, and turns it into
/// label geometry. Refusals are sentences for the annotator.
/// </summary>
public static class AnnotationCommandValidator
{
    public const int MaxScribblePoints = 20_000;
    public const double MaxScribbleWidth = 200;
    public const int MaxPolygonPoints = 20_000;
    public const int MaxBrushPoints = 20_000;
    public const double MaxBrushWidth = 200;

    public sealed record Accepted(Box2D? Box, Scribble? Scribble, LabelPoint? Point, Tag? Tag, Polygon? Polygon = null, BrushStroke? Brush = null);

    public static (Accepted? Shape, string? Reason) Check(AnnotationCommand command, ItemGeometry geometry, ProjectSummary project)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(project);
        if (AnnotationKinds.RequiredSetting(command.Kind) is not { } setting)
        {
            return (null, $"\"{command.Kind}\" is not an annotation type.");
        }
        if (!project.AllowedKinds.Contains(setting))
        {
            return (null, $"{Plural(command.Kind)} are not allowed in this project.");
        }
        var backgroundAllowed = command.Kind is AnnotationKinds.Scribble or AnnotationKinds.Point;
        if (!(command.ClassId == 0 && backgroundAllowed) && !project.Classes.Exists(c => c.Id == command.ClassId))
        {
            return (null, command.ClassId == 0
                ? $"A {command.Kind} needs a class; background is only for scribbles and points."
                : $"Class {command.ClassId} is not a class of this project.");
        }
        var grid = new Grid(geometry.Nx, geometry.Ny, geometry.Nz);
        var outside = $"The {command.Kind} lies outside the image ({geometry.Nx} × {geometry.Ny} × {geometry.Nz}).";
        switch (command.Kind)
        {
            case AnnotationKinds.Box when command.Box is { } b && command.Slice is { } k:
                var box = new Box2D(b.X0, b.Y0, b.X1, b.Y1, k, command.ClassId);
                if (!ImageBounds.Contains(grid, box))
                {
                    return (null, outside);
                }
                return box.Area <= 0 ? (null, "The box has no area.") : (new Accepted(box, null, null, null), null);
            case AnnotationKinds.Scribble when command.Scribble is { } s && command.Slice is { } k:
                if (s.Points.Count is 0 or > MaxScribblePoints || s.Points.Any(p => p is not { Length: 2 }))
                {
                    return (null, $"A scribble needs 1 to {MaxScribblePoints} points of [x, y].");
                }
                if (!(s.Width > 0 && s.Width <= MaxScribbleWidth))
                {
                    return (null, $"Scribble width must be above 0 and at most {MaxScribbleWidth} pixels.");
                }
                var scribble = new Scribble([.. s.Points.Select(p => new PlanePoint(p[0], p[1]))], s.Width, k, command.ClassId);
                return ImageBounds.Contains(grid, scribble) ? (new Accepted(null, scribble, null, null), null) : (null, outside);
            case AnnotationKinds.Point when command.Point is { } p && command.Slice is { } k:
                var point = new LabelPoint(p.X, p.Y, k, command.ClassId, p.Positive);
                return ImageBounds.Contains(grid, point) ? (new Accepted(null, null, point, null), null) : (null, outside);
            case AnnotationKinds.Polygon when command.Polygon is { } g && command.Slice is { } k:
                if (g.Points is not { Count: >= 3 and <= MaxPolygonPoints } || g.Points.Any(p => p is not { Length: 2 }))
                {
                    return (null, $"A polygon needs 3 to {MaxPolygonPoints} points of [x, y].");
                }
                var polygon = new Polygon([.. g.Points.Select(p => new PlanePoint(p[0], p[1]))], k, command.ClassId);
                if (!ImageBounds.Contains(grid, polygon))
                {
                    return (null, outside);
                }
                return PolygonRasterizer.Area(polygon.Points) <= 0 ? (null, "The polygon has no area.") : (new Accepted(null, null, null, null, Polygon: polygon), null);
            case AnnotationKinds.Brush when command.Brush is { } r && command.Slice is { } k:
                if (r.Points is not { Count: >= 1 and <= MaxBrushPoints } || r.Points.Any(p => p is not { Length: 2 }))
                {
                    return (null, $"A brush stroke needs 1 to {MaxBrushPoints} points of [x, y].");
                }
                if (!(r.Width >= 1 && r.Width <= MaxBrushWidth))
                {
                    return (null, $"Brush width must be at least 1 and at most {MaxBrushWidth} voxels.");
                }
                var stroke = new BrushStroke([.. r.Points.Select(p => new PlanePoint(p[0], p[1]))], r.Width, k, command.ClassId, r.Erase);
                return ImageBounds.Contains(grid, stroke) ? (new Accepted(null, null, null, null, Brush: stroke), null) : (null, outside);
            case AnnotationKinds.Tag when command.Tag is { } t:
                var tag = new Tag(command.ClassId, t.Present, command.Slice);
                return ImageBounds.Contains(grid, tag) ? (new Accepted(null, null, null, tag), null) : (null, $"Slice {command.Slice} is not in the image.");
            default:
                return (null, $"The {command.Kind} command is incomplete (geometry or slice missing).");
        }
    }

    private static string Plural(string kind) => kind switch
    {
        AnnotationKinds.Box => "Boxes",
        AnnotationKinds.Scribble => "Scribbles",
        AnnotationKinds.Point => "Points",
        AnnotationKinds.Tag => "Tags",
        AnnotationKinds.Polygon => "Polygons",
        AnnotationKinds.Brush => "Brush strokes",
        _ => kind,
    };
}
