using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Web.Exports;

/// <summary>An item's stored geometry as the imaging code's <see cref="VolumeGeometry"/> (whose IndexToWorld is the one voxel → world rule) and as the exchange file writes it.</summary>
public static class ExportGeometry
{
    public static VolumeGeometry Of(ItemGeometry g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var d = g.Direction;
        return new VolumeGeometry(g.Nx, g.Ny, g.Nz, new Vec3(g.Spacing[0], g.Spacing[1], g.Spacing[2]), new Vec3(g.Origin[0], g.Origin[1], g.Origin[2]),
            new Direction3(new Vec3(d[0], d[3], d[6]), new Vec3(d[1], d[4], d[7]), new Vec3(d[2], d[5], d[8])));
    }

    public static ExchangeGeometry ToExchange(ItemGeometry g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new ExchangeGeometry([g.Nx, g.Ny, g.Nz], [.. g.Spacing], [.. g.Origin], [.. g.Direction]);
    }

    /// <summary>The world (LPS mm) position of continuous voxel index (i, j, k).</summary>
    public static Func<double, double, double, double[]> World(VolumeGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        return (x, y, k) =>
        {
            var w = geometry.IndexToWorld(new Vec3(x, y, k));
            return [w.X, w.Y, w.Z];
        };
    }
}
