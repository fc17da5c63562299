using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// Checks a command against the item's image and the project's label schema, and turns it into
/// label geometry. Refusals are sentences for the annotator. The browser applies the same rules in
/// the same words (wwwroot/src/validation.js); both are held to wwwroot/test/annotation-cases.json.
/// A command's provenance is checked last (<see cref="ProvenanceRules"/>). A box, brush stroke, polygon or mask may lie
/// on a coronal or sagittal plane (<see cref="AnnotationCommand.Plane"/>); it is then checked against that plane's axes.
/// </summary>
public static class AnnotationCommandValidator
{
    public const int MaxPoints = 20_000;
    public const double MaxScribbleWidth = 200;
    public const double MinBrushWidth = 1;
    public const double MaxBrushWidth = 200;
    public const double MinBoxSide = 1;

    /// <summary>The refusal of a point, scribble or tag sent on a coronal or sagittal plane.</summary>
    public const string OnlyBoxesOnReformats = "Only boxes, brush strokes, polygons and masks are stored on a coronal or sagittal plane; points, scribbles and tags store their axial equivalent.";

    /// <summary>The kinds that may name a coronal or sagittal plane.</summary>
    public static readonly IReadOnlySet<string> PlaneKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        AnnotationKinds.Box, AnnotationKinds.Brush, AnnotationKinds.Polygon, AnnotationKinds.Mask,
    };

    public sealed record Accepted(Box2D? Box, Scribble? Scribble, LabelPoint? Point, Tag? Tag, Polygon? Polygon = null, BrushStroke? Brush = null, SliceMask? Mask = null);

    public static (Accepted? Shape, string? Reason) Check(AnnotationCommand command, ItemGeometry geometry, ProjectSummary project)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(project);
        var kind = command.Kind;
        if (AnnotationKinds.RequiredSetting(kind) is not { } setting)
        {
            return Refuse($"\"{kind}\" is not an annotation type.");
        }
        if (!project.AllowedKinds.Contains(setting))
        {
            return Refuse($"{Plural(kind)} are not allowed in this project.");
        }
        if (command.ClassId == 0 && kind is not (AnnotationKinds.Scribble or AnnotationKinds.Point))
        {
            return Refuse($"A {kind} needs a class; background is only for scribbles and points.");
        }
        if (command.ClassId != 0 && !project.Classes.Exists(c => c.Id == command.ClassId))
        {
            return Refuse($"Class {command.ClassId} is not a class of this project.");
        }
        if (!SlicePlaneNames.TryParse(command.Plane, out var plane))
        {
            return Refuse($"\"{command.Plane}\" is not a plane; use \"axial\", \"coronal\" or \"sagittal\".");
        }
        if (plane != SlicePlane.Axial && !PlaneKinds.Contains(kind))
        {
            return Refuse(OnlyBoxesOnReformats);
        }
        var volume = new Grid(geometry.Nx, geometry.Ny, geometry.Nz);
        if (SliceReason(command, volume, plane) is { } sliceReason)
        {
            return Refuse(sliceReason);
        }
        // Shapes on a reformat are checked on that plane's own grid (x, y, slice = i, k, j coronal; j, k, i sagittal).
        var grid = PlaneVoxels.Of(volume, plane);
        var image = plane == SlicePlane.Axial
            ? $"the image ({geometry.Nx} × {geometry.Ny})"
            : $"the {SlicePlaneNames.WireName(plane)} plane ({grid.Nx} × {grid.Ny})";
        var k = command.Slice ?? 0;
        var (accepted, geometryReason) = kind switch
        {
            AnnotationKinds.Box when command.Box is { } b => CheckBox(new Box2D(b.X0, b.Y0, b.X1, b.Y1, k, command.ClassId, plane), volume, image),
            AnnotationKinds.Scribble when command.Scribble is { } s => CheckScribble(s, k, command.ClassId, grid, image),
            AnnotationKinds.Point when command.Point is { } p => ImageBounds.Contains(grid, new LabelPoint(p.X, p.Y, k, command.ClassId, p.Positive))
                ? (new Accepted(null, null, new LabelPoint(p.X, p.Y, k, command.ClassId, p.Positive), null), null)
                : Refuse($"The point lies outside {image}."),
            AnnotationKinds.Polygon when command.Polygon is { } g => OnPlane(CheckPolygon(g, k, command.ClassId, grid, image), plane),
            AnnotationKinds.Brush when command.Brush is { } r => OnPlane(CheckBrush(r, k, command.ClassId, grid, image), plane),
            AnnotationKinds.Mask when command.Mask is { } m => OnPlane(CheckMask(m, k, command.ClassId, grid, image), plane),
            AnnotationKinds.Tag when command.Tag is { } t => (new Accepted(null, null, null, new Tag(command.ClassId, t.Present, command.Slice)), null),
            _ => Refuse($"The {kind} command is incomplete (its {kind} is missing)."),
        };
        return accepted is not null && ProvenanceRules.Problem(command.Provenance) is { } provenanceReason
            ? Refuse(provenanceReason)
            : (accepted, geometryReason);
    }

    /// <summary>
    /// Drawings lie on a slice of the image; a tag is of the whole item (no slice) or of one slice.
    /// A drawing on a reformat lies on a slice of its plane (coronal: 0 … Ny − 1, sagittal: 0 … Nx − 1).
    /// </summary>
    private static string? SliceReason(AnnotationCommand command, Grid grid, SlicePlane plane)
    {
        var (_, _, slices) = BoxVoxels.PlaneSize(grid, plane);
        var of = plane == SlicePlane.Axial ? "a slice" : $"a {SlicePlaneNames.WireName(plane)} slice";
        return command.Slice switch
        {
            null => command.Kind == AnnotationKinds.Tag ? null : $"The {command.Kind} needs a slice.",
            { } k when k < 0 || k >= slices => $"Slice {k} is not {of} of this image (0–{slices - 1}).",
            _ => null,
        };
    }

    private static (Accepted?, string?) CheckBox(Box2D box, Grid grid, string image)
    {
        if (!ImageBounds.Contains(grid, box))
        {
            return Refuse($"The box lies outside {image}.");
        }
        return box.MaxX - box.MinX < MinBoxSide || box.MaxY - box.MinY < MinBoxSide
            ? Refuse("The box is smaller than one voxel.")
            : (new Accepted(box, null, null, null), null);
    }

    private static (Accepted?, string?) CheckScribble(ScribbleShape s, int k, int classId, Grid grid, string image)
    {
        if (!IsPointList(s.Points, 2))
        {
            return Refuse($"A scribble needs 2 to {MaxPoints} points.");
        }
        if (!(s.Width > 0 && s.Width <= MaxScribbleWidth))
        {
            return Refuse($"Scribble width must be above 0 and at most {MaxScribbleWidth} voxels.");
        }
        var scribble = new Scribble(ToPlane(s.Points), s.Width, k, classId);
        return ImageBounds.Contains(grid, scribble) ? (new Accepted(null, scribble, null, null), null) : Refuse($"The scribble leaves {image}.");
    }

    private static (Accepted?, string?) CheckPolygon(PolygonShape g, int k, int classId, Grid grid, string image)
    {
        if (!IsPointList(g.Points, 3))
        {
            return Refuse($"A polygon needs 3 to {MaxPoints} points.");
        }
        var polygon = new Polygon(ToPlane(g.Points), k, classId);
        if (!ImageBounds.Contains(grid, polygon))
        {
            return Refuse($"The polygon leaves {image}.");
        }
        return PolygonRasterizer.Area(polygon.Points) <= 0 ? Refuse("The polygon has no area.") : (new Accepted(null, null, null, null, Polygon: polygon), null);
    }

    private static (Accepted?, string?) CheckBrush(BrushShape r, int k, int classId, Grid grid, string image)
    {
        if (!IsPointList(r.Points, 1))
        {
            return Refuse($"A brush stroke needs 1 to {MaxPoints} points.");
        }
        if (!(r.Width >= MinBrushWidth && r.Width <= MaxBrushWidth))
        {
            return Refuse($"Brush width must be {MinBrushWidth} to {MaxBrushWidth} voxels.");
        }
        var stroke = new BrushStroke(ToPlane(r.Points), r.Width, k, classId, r.Erase);
        return ImageBounds.Contains(grid, stroke) ? (new Accepted(null, null, null, null, Brush: stroke), null) : Refuse($"The brush stroke leaves {image}.");
    }

    private static (Accepted?, string?) CheckMask(MaskShape m, int k, int classId, Grid grid, string image)
    {
        if (m.Width != grid.Nx || m.Height != grid.Ny)
        {
            return Refuse($"The mask is {m.Width} × {m.Height}; it must be as large as {image}.");
        }
        if (MaskRle.Problem(m.Counts, m.Width, m.Height) is { } problem)
        {
            return Refuse($"The mask could not be read: {problem}.");
        }
        var mask = new SliceMask(m.Width, m.Height, [.. m.Counts], k, classId);
        return mask.Pixels == 0 ? Refuse("The mask is empty.") : (new Accepted(null, null, null, null, Mask: mask), null);
    }

    /// <summary>A polygon, stroke or mask checked on its plane's grid, given its plane.</summary>
    private static (Accepted?, string?) OnPlane((Accepted? Shape, string? Reason) checkedShape, SlicePlane plane) => checkedShape.Shape is not { } a || plane == SlicePlane.Axial
        ? checkedShape
        : (a with { Polygon = a.Polygon is { } g ? g with { Plane = plane } : null, Brush = a.Brush is { } r ? r with { Plane = plane } : null, Mask = a.Mask is { } m ? m with { Plane = plane } : null }, checkedShape.Reason);

    private static bool IsPointList(IReadOnlyList<double[]>? points, int min) =>
        points is not null && points.Count >= min && points.Count <= MaxPoints && points.All(p => p is { Length: 2 });

    private static List<PlanePoint> ToPlane(IReadOnlyList<double[]> points) => [.. points.Select(p => new PlanePoint(p[0], p[1]))];

    private static (Accepted?, string?) Refuse(string reason) => (null, reason);

    private static string Plural(string kind) => kind switch
    {
        AnnotationKinds.Box => "Boxes",
        AnnotationKinds.Scribble => "Scribbles",
        AnnotationKinds.Point => "Points",
        AnnotationKinds.Tag => "Tags",
        AnnotationKinds.Polygon => "Polygons",
        AnnotationKinds.Brush => "Brush strokes",
        AnnotationKinds.Mask => "Suggested masks",
        _ => kind,
    };
}
