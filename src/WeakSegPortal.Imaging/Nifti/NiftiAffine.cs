using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Nifti;

/// <summary>
/// The voxel-to-world transform of a NIfTI header: sform when its code is set, else qform,
/// else pixdim scaling (the standard's "method 1"), converted from RAS to LPS by negating x and y.
/// </summary>
internal static class NiftiAffine
{
    public static (Vec3 Spacing, Vec3 Origin, Direction3 Direction, string Source) ToLps(NiftiHeader h)
    {
        double[][] ras;
        string source;
        if (h.SformCode > 0)
        {
            ras = h.Srow;
            source = "sform";
        }
        else if (h.QformCode > 0)
        {
            ras = FromQuaternion(h);
            source = "qform";
        }
        else
        {
            ras =
            [
                [Positive(h.PixDim[1]), 0, 0, 0],
                [0, Positive(h.PixDim[2]), 0, 0],
                [0, 0, Positive(h.PixDim[3]), 0],
            ];
            source = "pixdim";
        }

        // RAS → LPS: the same physical point has its x and y signs flipped.
        Vec3 Column(int c) => new(-ras[0][c], -ras[1][c], ras[2][c]);
        var columns = new[] { Column(0), Column(1), Column(2) };
        var spacing = new Vec3(columns[0].Length, columns[1].Length, columns[2].Length);
        if (spacing.X == 0 || spacing.Y == 0 || spacing.Z == 0)
        {
            throw new ImageReadException(ImageReadFailure.Corrupt, $"The NIfTI {source} has a zero-length axis.");
        }

        var direction = new Direction3(columns[0].Normalized(), columns[1].Normalized(), columns[2].Normalized());
        return (spacing, Column(3), direction, source);
    }

    /// <summary>nifti1_io's quatern_to_mat44, with qfac from pixdim[0].</summary>
    private static double[][] FromQuaternion(NiftiHeader h)
    {
        double b = h.QuaternB, c = h.QuaternC, d = h.QuaternD;
        var a = 1.0 - ((b * b) + (c * c) + (d * d));
        if (a < 1e-7)
        {
            // The stored quaternion is not unit length: renormalise it to a 180° rotation.
            a = 1.0 / Math.Sqrt((b * b) + (c * c) + (d * d));
            b *= a;
            c *= a;
            d *= a;
            a = 0;
        }
        else
        {
            a = Math.Sqrt(a);
        }

        var dx = Positive(h.PixDim[1]);
        var dy = Positive(h.PixDim[2]);
        var dz = Positive(h.PixDim[3]) * (h.PixDim[0] < 0 ? -1 : 1);
        return
        [
            [((a * a) + (b * b) - (c * c) - (d * d)) * dx, 2 * ((b * c) - (a * d)) * dy, 2 * ((b * d) + (a * c)) * dz, h.QoffsetX],
            [2 * ((b * c) + (a * d)) * dx, ((a * a) + (c * c) - (b * b) - (d * d)) * dy, 2 * ((c * d) - (a * b)) * dz, h.QoffsetY],
            [2 * ((b * d) - (a * c)) * dx, 2 * ((c * d) + (a * b)) * dy, ((a * a) + (d * d) - (c * c) - (b * b)) * dz, h.QoffsetZ],
        ];
    }

    private static double Positive(double spacing) => spacing > 0 ? spacing : 1;
}
