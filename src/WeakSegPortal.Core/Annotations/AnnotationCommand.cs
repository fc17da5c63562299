namespace WeakSegPortal.Core.Annotations;

/// <summary>
/// One finished stroke, box, click, tag or deletion, as the browser sends it (docs/annotation-protocol.md).
/// Geometry is in voxel index space of the item; only the member matching <see cref="Kind"/> is set.
/// <see cref="Provenance"/> absent means drawn by hand. <see cref="Plane"/> absent or "axial": the
/// geometry is axial (slice = k, x = i, y = j); a box, brush stroke, polygon or mask may be "coronal"
/// (slice = j, x = i, y = k) or "sagittal" (slice = i, x = j, y = k); a mask is then as large as that plane
/// (coronal nx × nz, sagittal ny × nz, rows = k ascending).
/// </summary>
public sealed record AnnotationCommand(
    Guid CommandId,
    Guid ItemId,
    string Kind,
    int ClassId,
    int? Slice,
    BoxShape? Box = null,
    ScribbleShape? Scribble = null,
    PointShape? Point = null,
    TagValue? Tag = null,
    DeleteTarget? Delete = null,
    long ActiveMs = 0,
    PolygonShape? Polygon = null,
    BrushShape? Brush = null,
    MaskShape? Mask = null,
    Provenance? Provenance = null,
    string? Plane = null);

public sealed record BoxShape(double X0, double Y0, double X1, double Y1);

/// <summary>A polyline; each point is [x, y].</summary>
public sealed record ScribbleShape(IReadOnlyList<double[]> Points, double Width);

/// <summary>A closed outline; each point is [x, y], the last joins the first.</summary>
public sealed record PolygonShape(IReadOnlyList<double[]> Points);

/// <summary>A stroke of a round brush (width in voxels); an erasing stroke removes earlier paint of its class.</summary>
public sealed record BrushShape(IReadOnlyList<double[]> Points, double Width, bool Erase);

/// <summary>A full mask of the slice, run-length coded (MaskRle): an accepted suggestion.</summary>
public sealed record MaskShape(int Width, int Height, IReadOnlyList<int> Counts);

public sealed record PointShape(double X, double Y, bool Positive);

public sealed record TagValue(bool Present);

public sealed record DeleteTarget(Guid AnnotationId);

/// <summary>
/// The server's answer to a command. Accepted: stored. Refused (<see cref="Retry"/> false): final,
/// the command can never be stored, and the reason is shown to the annotator. <see cref="Retry"/>
/// true: nothing was stored because of a passing fault; the sender keeps the command and resends it.
/// </summary>
public sealed record AnnotationAck(Guid CommandId, bool Accepted, Guid? AnnotationId, string? Reason, bool Retry = false)
{
    public static AnnotationAck Refused(Guid commandId, string reason) => new(commandId, false, null, reason);

    public static AnnotationAck RetryLater(Guid commandId, string reason) => new(commandId, false, null, reason, Retry: true);
}
