namespace WeakSegPortal.Core.Labels;

/// <summary>All weak labels one annotator gave one item, in voxel index space.</summary>
public sealed record WeakLabels
{
    public IReadOnlyList<Box2D> Boxes { get; init; } = [];
    public IReadOnlyList<Box3D> Boxes3D { get; init; } = [];
    public IReadOnlyList<Scribble> Scribbles { get; init; } = [];
    public IReadOnlyList<LabelPoint> Points { get; init; } = [];
    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>Polygons, accepted masks and brush strokes (painting or erasing) in the order they were made: later edits act on earlier paint.</summary>
    public IReadOnlyList<IMaskShape> Masks { get; init; } = [];

    public static WeakLabels Empty { get; } = new();
}
