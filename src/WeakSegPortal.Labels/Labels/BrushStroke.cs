namespace WeakSegPortal.Core.Labels;

/// <summary>
/// A stroke of a round brush of the given width (voxels of its plane) on one slice of its <see cref="Plane"/>. It paints
/// its class, or, when <see cref="Erase"/> is set, removes earlier paint of that class on that plane slice only.
/// </summary>
public sealed record BrushStroke(IReadOnlyList<PlanePoint> Points, double Width, int Slice, int ClassId, bool Erase, SlicePlane Plane = SlicePlane.Axial) : IMaskShape
{
    public bool Erases => Erase;

    /// <summary>The voxels a brush covers on its plane are those a scribble of the same path and width covers there.</summary>
    public Scribble AsScribble() => new(Points, Width, Slice, ClassId);

    public void Visit(Grid grid, Action<int> visit) => PlaneVoxels.Visit(grid, Plane, (onPlane, v) => ScribbleRasterizer.Visit(AsScribble(), onPlane, v), visit);
}
