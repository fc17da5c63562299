namespace WeakSegPortal.Core.Labels;

/// <summary>A closed outline on one slice of its <see cref="Plane"/> (the last point joins the first) painting one class as a full mask.</summary>
public sealed record Polygon(IReadOnlyList<PlanePoint> Points, int Slice, int ClassId, SlicePlane Plane = SlicePlane.Axial) : IMaskShape
{
    public bool Erases => false;

    public void Visit(Grid grid, Action<int> visit) => PlaneVoxels.Visit(grid, Plane, (onPlane, v) => PolygonRasterizer.Visit(this, onPlane, v), visit);
}
