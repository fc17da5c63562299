namespace WeakSegPortal.Core.Labels;

/// <summary>An axis-aligned box on one slice, in continuous voxel index space, drawn for one class.</summary>
/// <remarks>Corners may come in any order (a drag can go either way); Min/Max normalise them.</remarks>
public sealed record Box2D(double X0, double Y0, double X1, double Y1, int Slice, int ClassId = 0)
{
    public double MinX => Math.Min(X0, X1);
    public double MaxX => Math.Max(X0, X1);
    public double MinY => Math.Min(Y0, Y1);
    public double MaxY => Math.Max(Y0, Y1);
    public double Area => (MaxX - MinX) * (MaxY - MinY);
}
