namespace WeakSegPortal.Core.Labels;

/// <summary>
/// One label of the exchange file. <see cref="Voxel"/> holds its points in voxel index space, [x, y] on <see cref="Slice"/>
/// (a box: its two corners; a point: one; a scribble, polygon or brush stroke: its polyline); <see cref="World"/> the same
/// points as [x, y, z] in LPS mm. Voxel coordinates are what is read back; world coordinates are for other tools.
/// A box, polygon, brush stroke or mask drawn on a coronal or sagittal plane names it in <see cref="Plane"/>; its slice and
/// points (a mask's width × height and rows) are that plane's.
/// </summary>
public sealed record ExchangeLabel(string Kind, int ClassId, int? Slice)
{
    public const string Box = "box";
    public const string Scribble = "scribble";
    public const string Point = "point";
    public const string Tag = "tag";
    public const string Polygon = "polygon";
    public const string Brush = "brush";
    public const string Mask = "mask";

    public Guid? AnnotationId { get; init; }
    public Guid? CommandId { get; init; }
    public Guid? AnnotatorId { get; init; }
    public DateTimeOffset? At { get; init; }
    public long ActiveMs { get; init; }
    public ExchangeProvenance? Provenance { get; init; }
    public IReadOnlyList<double[]>? Voxel { get; init; }
    public IReadOnlyList<double[]>? World { get; init; }
    /// <summary>Stroke width in voxels (scribbles and brush strokes).</summary>
    public double? Width { get; init; }
    /// <summary>A brush stroke that erases earlier paint of its class.</summary>
    public bool? Erase { get; init; }
    /// <summary>A point that says the class is there (true) or not there (false).</summary>
    public bool? Positive { get; init; }
    /// <summary>A tag's answer: present or absent.</summary>
    public bool? Present { get; init; }
    public ExchangeMask? MaskCode { get; init; }
    /// <summary>
    /// A box's, polygon's, brush stroke's or mask's plane: absent (axial: slice = k, voxel [i, j]), "coronal" (slice = j, voxel
    /// [i, k]; a mask nx × nz) or "sagittal" (slice = i, voxel [j, k]; a mask ny × nz).
    /// </summary>
    public string? Plane { get; init; }

    public Box2D? ToBox() => Kind == Box
        ? new Box2D(Corner(0)[0], Corner(0)[1], Corner(1)[0], Corner(1)[1], OnSlice(), ClassId, OnPlane())
        : null;

    public Scribble? ToScribble() => Kind == Scribble ? new Scribble(Line(), Width ?? 1, OnSlice(), ClassId) : null;

    public LabelPoint? ToPoint() => Kind == Point ? new LabelPoint(Corner(0)[0], Corner(0)[1], OnSlice(), ClassId, Positive ?? true) : null;

    public Tag? ToTag() => Kind == Tag ? new Tag(ClassId, Present ?? true, Slice) : null;

    public Polygon? ToPolygon() => Kind == Polygon ? new Polygon(Line(), OnSlice(), ClassId, OnPlane()) : null;

    public BrushStroke? ToBrush() => Kind == Brush ? new BrushStroke(Line(), Width ?? 1, OnSlice(), ClassId, Erase ?? false, OnPlane()) : null;

    public SliceMask? ToMask() => Kind == Mask
        ? MaskCode is { } m ? new SliceMask(m.Width, m.Height, m.Counts, OnSlice(), ClassId, OnPlane()) : throw Invalid("a mask label needs its maskCode")
        : null;

    /// <summary>A label set as the maths reads it; full masks (polygons, masks, brush strokes) keep their order.</summary>
    public static WeakLabels ToWeakLabels(IEnumerable<ExchangeLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var all = labels.ToList();
        if (all.Find(l => l.Kind is not (Box or Scribble or Point or Tag or Polygon or Brush or Mask)) is { } odd)
        {
            throw odd.Invalid($"unknown kind \"{odd.Kind}\"");
        }
        all.ForEach(l => l.CheckPlane());
        return new WeakLabels
        {
            Boxes = [.. all.Select(l => l.ToBox()).OfType<Box2D>()],
            Scribbles = [.. all.Select(l => l.ToScribble()).OfType<Scribble>()],
            Points = [.. all.Select(l => l.ToPoint()).OfType<LabelPoint>()],
            Tags = [.. all.Select(l => l.ToTag()).OfType<Tag>()],
            Masks = [.. all.Select(l => (IMaskShape?)l.ToPolygon() ?? (IMaskShape?)l.ToBrush() ?? l.ToMask()).OfType<IMaskShape>()],
        };
    }

    /// <summary>Throws unless <see cref="Plane"/> is absent or axial, or the label is a box, polygon, brush stroke or mask on a known plane.</summary>
    public void CheckPlane()
    {
        if (Kind is not (Box or Polygon or Brush or Mask) && Plane is not (null or SlicePlaneNames.Axial))
        {
            throw Invalid($"only boxes, polygons, brush strokes and masks are stored on a coronal or sagittal plane, not a {Kind} on \"{Plane}\"");
        }
        _ = OnPlane();
    }

    private SlicePlane OnPlane() => SlicePlaneNames.TryParse(Plane, out var plane)
        ? plane
        : throw Invalid($"\"{Plane}\" is not a plane (axial, coronal or sagittal)");

    private int OnSlice() => Slice ?? throw Invalid("it needs a slice");

    private double[] Corner(int n) => Voxel is { } v && v.Count > n && v[n] is { Length: >= 2 } p
        ? p
        : throw Invalid($"it needs {n + 1} voxel point(s) of [x, y]");

    private PlanePoint[] Line() => Voxel is { Count: > 0 } v && v.All(p => p is { Length: >= 2 })
        ? [.. v.Select(p => new PlanePoint(p[0], p[1]))]
        : throw Invalid("it needs voxel points of [x, y]");

    private InvalidDataException Invalid(string why) => new($"A {Kind} label{(AnnotationId is { } id ? $" ({id})" : "")} cannot be read: {why}.");
}
