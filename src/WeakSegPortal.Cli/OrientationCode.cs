using WeakSegPortal.Imaging.Volumes;

namespace WeakSegPortal.Cli;

/// <summary>The three-letter code (e.g. "LPS", "RAS") of the patient direction each index axis points to most.</summary>
internal static class OrientationCode
{
    public static string Of(Direction3 direction) =>
        string.Concat(Letter(direction.AxisI), Letter(direction.AxisJ), Letter(direction.AxisK));

    private static char Letter(Vec3 axis)
    {
        var (ax, ay, az) = (Math.Abs(axis.X), Math.Abs(axis.Y), Math.Abs(axis.Z));
        if (ax >= ay && ax >= az)
        {
            return axis.X >= 0 ? 'L' : 'R';
        }

        return ay >= az ? (axis.Y >= 0 ? 'P' : 'A') : (axis.Z >= 0 ? 'S' : 'I');
    }
}
