namespace WeakSegPortal.Core.Labels;

/// <summary>
/// A stroke of a round brush of the given width (voxels) on one slice. It paints its class, or,
/// when <see cref="Erase"/> is set, removes earlier paint of that class on that slice.
/// </summary>
public sealed record BrushStroke(IReadOnlyList<PlanePoint> Points, double Width, int Slice, int ClassId, bool Erase) : IMaskShape
{
    public bool Erases => Erase;

    /// <summary>The voxels a brush covers are those a scribble of the same path and width covers.</summary>
    public Scribble AsScribble() => new(Points, Width, Slice, ClassId);

    public void Visit(Grid grid, Action<int> visit) => ScribbleRasterizer.Visit(AsScribble(), grid, visit);
}
