using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Simulation;

/// <summary>Draws scribbles as a hand would: along an organ's long axis through its deepest point, and a stroke around it on the background.</summary>
/// <remarks>
/// A careful annotator's stroke points keep <see cref="AnnotatorProfile.EdgeMargin"/> plus the stroke's half width from
/// every edge, with points about 3 pixels apart, so the whole rasterised stroke stays inside the object. A careless one keeps
/// no margin and runs <see cref="AnnotatorProfile.Overshoot"/> pixels past the object's edge.
/// </remarks>
public static class SimulatedScribbles
{
    public const double Width = 2;
    private const double Step = 3;

    /// <summary>A stroke inside the class along its long axis; null where the class has no room for one.</summary>
    public static Scribble? Inside(SliceAnatomy slice, int classId, AnnotatorProfile annotator, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(annotator);
        ArgumentNullException.ThrowIfNull(random);
        var margin = annotator.EdgeMargin + Width / 2;
        var start = slice.Deepest(classId);
        if (slice.Depth(classId, start.X, start.Y) < Math.Max(margin, 1))
        {
            return null;
        }
        var (ax, ay) = slice.Axis(classId);
        var wiggle = random.Uniform(0, 2 * Math.PI);
        var forward = Walk(slice, classId, start, (ax, ay), margin, annotator, random, wiggle);
        var backward = Walk(slice, classId, start, (-ax, -ay), margin, annotator, random, wiggle);
        backward.Reverse();
        var points = backward.Concat([new PlanePoint(start.X, start.Y)]).Concat(forward).ToList();
        return new Scribble(points, Width, slice.Slice, classId);
    }

    /// <summary>Background strokes on a loop around the class, kept where the loop is clear of every organ.</summary>
    public static IEnumerable<Scribble> Around(SliceAnatomy slice, int classId, AnnotatorProfile annotator, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(annotator);
        ArgumentNullException.ThrowIfNull(random);
        var (x0, y0, x1, y1) = slice.Bounds(classId);
        var gap = annotator.Careless ? random.Uniform(0, 2) : annotator.EdgeMargin + Width / 2 + random.Uniform(2, 4);
        var clearance = annotator.Careless ? 0 : annotator.EdgeMargin + Width / 2;
        var (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        var (rx, ry) = ((x1 - x0) / 2.0 * Math.Sqrt(2) + gap, (y1 - y0) / 2.0 * Math.Sqrt(2) + gap);
        var run = new List<PlanePoint>();
        var count = (int)Math.Max(12, 2 * Math.PI * Math.Max(rx, ry) / Step);
        for (var n = 0; n <= count; n++)
        {
            var theta = 2 * Math.PI * n / count;
            var point = new PlanePoint(cx + rx * Math.Cos(theta) + random.Gaussian(0, annotator.Jitter), cy + ry * Math.Sin(theta) + random.Gaussian(0, annotator.Jitter));
            if (IsClearBackground(slice, point, clearance))
            {
                run.Add(point);
                continue;
            }
            if (run.Count >= 2)
            {
                yield return new Scribble(run, Width, slice.Slice, 0);
            }
            run = [];
        }
        if (run.Count >= 2)
        {
            yield return new Scribble(run, Width, slice.Slice, 0);
        }
    }

    private static bool IsClearBackground(SliceAnatomy slice, PlanePoint p, double clearance)
    {
        var (x, y) = ((int)Math.Round(p.X), (int)Math.Round(p.Y));
        if (x < 1 || y < 1 || x >= slice.Width - 1 || y >= slice.Height - 1)
        {
            return false;
        }
        return slice.Depth(0, x, y) > clearance;
    }

    private static List<PlanePoint> Walk(SliceAnatomy slice, int classId, (int X, int Y) start, (double X, double Y) direction,
        double margin, AnnotatorProfile annotator, SeededRandom random, double wiggle)
    {
        var points = new List<PlanePoint>();
        var overshoot = annotator.Overshoot;
        for (var t = Step; t < slice.Width + slice.Height; t += Step)
        {
            var side = Math.Sin(wiggle + t / 5);
            var x = start.X + direction.X * t - direction.Y * side + random.Gaussian(0, annotator.Jitter);
            var y = start.Y + direction.Y * t + direction.X * side + random.Gaussian(0, annotator.Jitter);
            if (x < 0 || y < 0 || x > slice.Width - 1 || y > slice.Height - 1)
            {
                break;
            }
            if (slice.Depth(classId, x, y) < margin)
            {
                if (overshoot <= 0)
                {
                    break;
                }
                overshoot -= Step;
            }
            points.Add(new PlanePoint(x, y));
        }
        return points;
    }
}
