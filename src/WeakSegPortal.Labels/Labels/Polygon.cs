namespace WeakSegPortal.Core.Labels;

/// <summary>A closed outline on one slice (the last point joins the first) painting one class as a full mask.</summary>
public sealed record Polygon(IReadOnlyList<PlanePoint> Points, int Slice, int ClassId) : IMaskShape
{
    public bool Erases => false;

    public void Visit(Grid grid, Action<int> visit) => PolygonRasterizer.Visit(this, grid, visit);
}
