using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Qa;

/// <summary>Small hand-made items and labels for the QA logic's tests.</summary>
internal static class QaSamples
{
    public static ItemView Item(int nx = 16, int ny = 16, int nz = 10, bool gold = false) => new()
    {
        Id = Guid.NewGuid(),
        ProjectId = Guid.NewGuid(),
        Name = "case",
        Geometry = new ItemGeometry(nx, ny, nz, [1, 1, 3], [0, 0, 0], [1, 0, 0, 0, 1, 0, 0, 0, 1]),
        IsGold = gold,
    };

    public static StoredAnnotation Scribble(int slice, int classId, double row, double from = 2, double to = 12, long activeMs = 1000, string source = "manual") =>
        new(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Scribble, null,
            new Scribble([new(from, row), new(to, row)], 1, slice, classId), null, null, new Provenance(source), activeMs, DateTimeOffset.UnixEpoch);

    public static StoredAnnotation Box(int slice, int classId, double x0, double y0, double x1, double y1, long activeMs = 1000) =>
        new(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Box, new Box2D(x0, y0, x1, y1, slice, classId), null, null, null, Provenance.Manual, activeMs, DateTimeOffset.UnixEpoch);

    public static StoredAnnotation Point(int slice, int classId, double x, double y, bool positive = true, long activeMs = 1000) =>
        new(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Point, null, null, new LabelPoint(x, y, slice, classId, positive), null, Provenance.Manual, activeMs, DateTimeOffset.UnixEpoch);

    public static StoredAnnotation Tag(int classId, bool present, int? slice = null, long activeMs = 1000) =>
        new(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Tag, null, null, null, new Tag(classId, present, slice), Provenance.Manual, activeMs, DateTimeOffset.UnixEpoch);

    public static StoredAnnotation Polygon(int slice, int classId, params PlanePoint[] points) =>
        new(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Polygon, null, null, null, null, Provenance.Manual, 1000, DateTimeOffset.UnixEpoch, Polygon: new Polygon(points, slice, classId));

    /// <summary>An accepted suggestion: a full mask of the voxels whose (x, y) <paramref name="set"/> picks, on an nx × ny slice.</summary>
    public static StoredAnnotation Mask(int slice, int classId, int nx, int ny, Func<int, int, bool> set, string source = Provenance.SuggestionSource)
    {
        var pixels = new bool[nx * ny];
        for (var v = 0; v < pixels.Length; v++)
        {
            pixels[v] = set(v % nx, v / nx);
        }
        var provenance = source == Provenance.SuggestionSource
            ? new Provenance(source, "grabcut-box", "1", "{}", Guid.NewGuid(), Guid.NewGuid())
            : Provenance.Manual;
        return new(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Mask, null, null, null, null, provenance, 1000, DateTimeOffset.UnixEpoch,
            Mask: new SliceMask(nx, ny, MaskRle.Encode(pixels), slice, classId));
    }

    public static AnnotatorItemLabels Labels(ItemView item, Guid annotator, params StoredAnnotation[] annotations) => new()
    {
        Id = AnnotationStreams.For(item.Id, annotator),
        ItemId = item.Id,
        AnnotatorId = annotator,
        Annotations = [.. annotations],
    };
}
