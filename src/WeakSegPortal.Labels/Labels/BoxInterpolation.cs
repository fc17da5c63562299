namespace WeakSegPortal.Core.Labels;

/// <summary>
/// Box interpolation (issue 15, item 3): two boxes of one class on slices k1 &lt; k2 propose a box on every slice between,
/// each corner linear in voxel index space: for t = (k − k1) / (k2 − k1), corner = a + (b − a) · t, on the corners
/// normalised to min/max. One rule, two implementations held to one case file: this and wwwroot/src/box-interpolation.js,
/// wwwroot/test/box-interpolation-cases.json. Two boxes on one coronal (or sagittal) plane interpolate between their
/// slices of that plane; boxes on different planes are refused.
/// </summary>
public static class BoxInterpolation
{
    public const string OtherClass = "The two boxes must be of one class.";
    public const string TooClose = "The two boxes must lie on slices at least two apart.";
    public const string OtherPlane = "The two boxes must be drawn on one plane.";

    public static (IReadOnlyList<Box2D> Boxes, string? Refused) Between(Box2D a, Box2D b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.ClassId != b.ClassId)
        {
            return ([], OtherClass);
        }
        if (a.Plane != b.Plane)
        {
            return ([], OtherPlane);
        }
        if (Math.Abs(b.Slice - a.Slice) < 2)
        {
            return ([], TooClose);
        }
        var (lo, hi) = a.Slice < b.Slice ? (a, b) : (b, a);
        var boxes = new List<Box2D>(hi.Slice - lo.Slice - 1);
        for (var k = lo.Slice + 1; k < hi.Slice; k++)
        {
            var t = (double)(k - lo.Slice) / (hi.Slice - lo.Slice);
            boxes.Add(new Box2D(Lerp(lo.MinX, hi.MinX, t), Lerp(lo.MinY, hi.MinY, t), Lerp(lo.MaxX, hi.MaxX, t), Lerp(lo.MaxY, hi.MaxY, t), k, lo.ClassId, lo.Plane));
        }
        return (boxes, null);
    }

    private static double Lerp(double a, double b, double t) => a + ((b - a) * t);
}
