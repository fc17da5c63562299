using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Imaging.Tests.Support;

/// <summary>Assertions on voxel arrays and geometry with a tolerance.</summary>
internal static class VolumeAssert
{
    public static void VoxelsEqual(double[] expected, Volume actual, double tolerance = 1e-3)
    {
        Assert.Equal(expected.Length, actual.Geometry.VoxelCount);
        var worst = 0.0;
        var worstAt = -1L;
        for (long n = 0; n < expected.Length; n++)
        {
            var diff = Math.Abs(expected[n] - actual[n]);
            if (diff > worst)
            {
                worst = diff;
                worstAt = n;
            }
        }

        Assert.True(worst <= tolerance, $"voxel {worstAt}: expected {(worstAt >= 0 ? expected[worstAt] : 0)}, got {(worstAt >= 0 ? actual[worstAt] : 0)} (tolerance {tolerance})");
    }

    public static void Near(Vec3 expected, Vec3 actual, double tolerance = 1e-4)
    {
        Assert.True((expected - actual).Length <= tolerance, $"expected {expected}, got {actual}");
    }

    public static void Near(double[] expectedXyz, Vec3 actual, double tolerance = 1e-4) =>
        Near(new Vec3(expectedXyz[0], expectedXyz[1], expectedXyz[2]), actual, tolerance);
}
