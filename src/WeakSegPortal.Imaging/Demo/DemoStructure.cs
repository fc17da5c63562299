using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Demo;

/// <summary>An organ-like ellipsoid (centre and semi-axes in LPS mm) with its label id (0 = not labelled) and intensity.</summary>
public sealed record DemoStructure(string Name, int LabelId, Vec3 Center, Vec3 SemiAxes, float Intensity)
{
    public bool Contains(Vec3 world)
    {
        var d = world - Center;
        var q = (d.X * d.X / (SemiAxes.X * SemiAxes.X)) + (d.Y * d.Y / (SemiAxes.Y * SemiAxes.Y)) + (d.Z * d.Z / (SemiAxes.Z * SemiAxes.Z));
        return q <= 1;
    }
}
