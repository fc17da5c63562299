using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Training.Simulation;

/// <summary>Draws scribbles as a hand would: along an organ's long axis through its deepest point, and a stroke around it on the background.</summary>
/// <remarks>
/// Inside an organ a careful annotator draws a cross: one stroke along the long axis and one across it, both through the
/// deepest point. A stroke grows point by point (about 3 pixels apart, with a gentle wave and hand shake) only while every
/// pixel of the new segment, as rasterised, keeps <see cref="AnnotatorProfile.EdgeMargin"/> pixels from the edge, so a careful
/// stroke lies wholly inside. A careless one checks nothing and runs <see cref="AnnotatorProfile.Overshoot"/> pixels past the
/// edge.
/// </remarks>
public static class SimulatedScribbles
{
    public const double Width = 2;
    private const double Step = 3;

    /// <summary>Strokes inside the class through its deepest point: along its long axis, and (careful annotators) across it.</summary>
    public static IEnumerable<Scribble> Inside(SliceAnatomy slice, int classId, AnnotatorProfile annotator, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(annotator);
        ArgumentNullException.ThrowIfNull(random);
        var start = slice.Deepest(classId);
        var (ax, ay) = slice.Axis(classId);
        (double, double)[] directions = annotator.Careless ? [(ax, ay)] : [(ax, ay), (-ay, ax)];
        foreach (var (dx, dy) in directions)
        {
            var origin = new PlanePoint(start.X, start.Y);
            if (!annotator.Careless && !Covers(slice, classId, origin, origin, annotator.EdgeMargin))
            {
                yield break;
            }
            var wiggle = random.Uniform(0, 2 * Math.PI);
            var forward = Walk(slice, classId, origin, (dx, dy), annotator, random, wiggle);
            var backward = Walk(slice, classId, origin, (-dx, -dy), annotator, random, wiggle);
            backward.Reverse();
            yield return new Scribble([.. backward, origin, .. forward], Width, slice.Slice, classId);
        }
    }

    /// <summary>Background strokes on a loop around the class, kept where the loop is clear of every organ.</summary>
    public static IEnumerable<Scribble> Around(SliceAnatomy slice, int classId, AnnotatorProfile annotator, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(annotator);
        ArgumentNullException.ThrowIfNull(random);
        var (x0, y0, x1, y1) = slice.Bounds(classId);
        var gap = annotator.Careless ? random.Uniform(0, 2) : annotator.EdgeMargin + Width / 2 + random.Uniform(2, 4);
        var (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        var (rx, ry) = ((x1 - x0) / 2.0 * Math.Sqrt(2) + gap, (y1 - y0) / 2.0 * Math.Sqrt(2) + gap);
        var run = new List<PlanePoint>();
        var count = (int)Math.Max(12, 2 * Math.PI * Math.Max(rx, ry) / Step);
        for (var n = 0; n <= count; n++)
        {
            var theta = 2 * Math.PI * n / count;
            var point = new PlanePoint(cx + rx * Math.Cos(theta) + random.Gaussian(0, annotator.Jitter), cy + ry * Math.Sin(theta) + random.Gaussian(0, annotator.Jitter));
            var inImage = point.X >= 1 && point.Y >= 1 && point.X <= slice.Width - 2 && point.Y <= slice.Height - 2;
            var clear = annotator.Careless
                ? slice.Depth(0, point.X, point.Y) >= 1
                : Covers(slice, 0, run.Count == 0 ? point : run[^1], point, annotator.EdgeMargin);
            if (inImage && clear)
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

    /// <summary>
    /// Background strokes across the rest of the slice: a loop at 0.85 of the image's half width and height, through the body's
    /// outer tissue and the air beside it, kept where it is clear of every organ (careful: by the edge margin).
    /// </summary>
    /// <remarks>
    /// Without it the background is labelled only on rings around the organs, and most of the slice (air, body away from the
    /// organs) is unlabelled: whichever class the network leans to floods it.
    /// </remarks>
    public static IEnumerable<Scribble> Background(SliceAnatomy slice, AnnotatorProfile annotator, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(annotator);
        ArgumentNullException.ThrowIfNull(random);
        var (cx, cy) = ((slice.Width - 1) / 2.0, (slice.Height - 1) / 2.0);
        var scale = random.Uniform(0.8, 0.9);
        var (rx, ry) = (scale * slice.Width / 2, scale * slice.Height / 2);
        var count = (int)Math.Max(12, 2 * Math.PI * Math.Max(rx, ry) / Step);
        var phase = random.Uniform(0, 2 * Math.PI);
        var run = new List<PlanePoint>();
        for (var n = 0; n <= count; n++)
        {
            var theta = phase + 2 * Math.PI * n / count;
            var point = new PlanePoint(cx + rx * Math.Cos(theta) + random.Gaussian(0, annotator.Jitter), cy + ry * Math.Sin(theta) + random.Gaussian(0, annotator.Jitter));
            var inImage = point.X >= 1 && point.Y >= 1 && point.X <= slice.Width - 2 && point.Y <= slice.Height - 2;
            var clear = annotator.Careless
                ? slice.Depth(0, point.X, point.Y) >= 1
                : Covers(slice, 0, run.Count == 0 ? point : run[^1], point, annotator.EdgeMargin);
            if (inImage && clear)
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

    private static List<PlanePoint> Walk(SliceAnatomy slice, int classId, PlanePoint start, (double X, double Y) direction,
        AnnotatorProfile annotator, SeededRandom random, double wiggle)
    {
        var points = new List<PlanePoint>();
        var previous = start;
        var overshoot = annotator.Overshoot;
        for (var t = Step; t < slice.Width + slice.Height; t += Step)
        {
            var side = Math.Sin(wiggle + t / 5);
            var next = new PlanePoint(
                start.X + direction.X * t - direction.Y * side + random.Gaussian(0, annotator.Jitter),
                start.Y + direction.Y * t + direction.X * side + random.Gaussian(0, annotator.Jitter));
            if (next.X < 0 || next.Y < 0 || next.X > slice.Width - 1 || next.Y > slice.Height - 1)
            {
                break;
            }
            if (annotator.Careless ? slice.Depth(classId, next.X, next.Y) < 1 && (overshoot -= Step) < 0
                                   : !Covers(slice, classId, previous, next, annotator.EdgeMargin))
            {
                break;
            }
            points.Add(next);
            previous = next;
        }
        return points;
    }

    /// <summary>Whether every pixel of the rasterised segment a→b lies inside the class, at least margin pixels from its edge.</summary>
    private static bool Covers(SliceAnatomy slice, int classId, PlanePoint a, PlanePoint b, double margin)
    {
        var inside = true;
        ScribbleRasterizer.Visit(new Scribble([a, b], Width, 0, classId), slice.Grid,
            index => inside &= slice.Depth(classId, index % slice.Width, index / slice.Width) >= 1 + margin);
        return inside;
    }
}
