namespace WeakSegPortal.Core.Labels;

/// <summary>An axis-aligned box through several slices, in continuous voxel index space.</summary>
public sealed record Box3D(double X0, double Y0, double Z0, double X1, double Y1, double Z1, int ClassId = 0)
{
    public double MinX => Math.Min(X0, X1);
    public double MaxX => Math.Max(X0, X1);
    public double MinY => Math.Min(Y0, Y1);
    public double MaxY => Math.Max(Y0, Y1);
    public double MinZ => Math.Min(Z0, Z1);
    public double MaxZ => Math.Max(Z0, Z1);
    public double Volume => (MaxX - MinX) * (MaxY - MinY) * (MaxZ - MinZ);
}
