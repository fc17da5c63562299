namespace WeakSegPortal.Core.Labels;

/// <summary>
/// An axis-aligned box on one slice, in continuous voxel index space, drawn for one class.
/// X/Y/Slice are read per <see cref="Plane"/>: axial x = i, y = j, slice = k; coronal x = i, y = k,
/// slice = j; sagittal x = j, y = k, slice = i. <see cref="BoxVoxels"/> gives the (i, j, k) ranges.
/// </summary>
/// <remarks>Corners may come in any order (a drag can go either way); Min/Max normalise them.</remarks>
public sealed record Box2D(double X0, double Y0, double X1, double Y1, int Slice, int ClassId = 0, SlicePlane Plane = SlicePlane.Axial)
{
    public double MinX => Math.Min(X0, X1);
    public double MaxX => Math.Max(X0, X1);
    public double MinY => Math.Min(Y0, Y1);
    public double MaxY => Math.Max(Y0, Y1);
    public double Area => (MaxX - MinX) * (MaxY - MinY);

    public bool IsAxial => Plane == SlicePlane.Axial;
}
