using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>Box supervision as multiple-instance learning: every row and column crossing a tight box holds some of its class.</summary>
/// <remarks>
/// Positive bags (Wang &amp; Xia, MICCAI 2021): the lines crossing the box from side to side at each of
/// <see cref="BoxTightnessOptions.Angles"/> (published: −40° … 40° in 20° steps; by default rows and columns only): for angle θ, from each row of the left edge the pixels
/// (x, y₀ + round((x − x₀) tan θ)) across to the right edge, and from each column of the top edge the pixels
/// (x₀ + round((y − y₀) tan θ), y) down to the bottom edge, a line kept only where it stays inside the box; at 0° these are
/// the rows and columns. The bags are taken on the box less <see cref="BoxTightnessOptions.BagInset"/> on each side (drawn
/// boxes are often a pixel loose, and a bag on such an edge line is false), and the box's class must fill at least
/// <see cref="BoxTightnessOptions.MinimumFill"/> of the box (one pixel meets a bag, so a diagonal would meet them all). A line met twice (small boxes) is one bag. A bag's probability is the α-softmax smooth maximum
/// S_α(p) = Σ p e^{αp} / Σ e^{αp} of the class probability along it, and the bag term is −log S_α (mean over bags).
/// Negative: every pixel outside every box of the class on that image, for each class boxed there, is background for
/// that class: −log(1 − p) (mean over those pixels). Smoothness: mean of (p_i − p_j)² over neighbour pairs (the 8-neighbourhood,
/// each pair once) with both pixels inside a box, weighted by <see cref="BoxTightnessOptions.SmoothnessWeight"/> (off by default, see there). Wang &amp; Xia weight the bag terms with a focal loss; here they are plain
/// cross-entropy.
/// </remarks>
public static class BoxTightnessLoss
{
    private const double Epsilon = 1e-6;

    /// <param name="logits">[batch, classes, height, width].</param>
    public static Tensor Compute(Tensor logits, IReadOnlyList<TrainingBox> boxes, BoxTightnessOptions options)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(options);
        using var scope = NewDisposeScope();
        var p = nn.functional.softmax(logits, 1);
        var bags = options.BagInset > 0 ? [.. boxes.Select(b => Inset(b, options.BagInset))] : boxes;
        var total = Positive(p, bags, options.Alpha, options.Angles) + Negative(p, boxes);
        if (options.MinimumFill > 0)
        {
            total = total + Fill(p, boxes, options.MinimumFill);
        }
        if (options.SmoothnessWeight > 0)
        {
            total = total + options.SmoothnessWeight * Smoothness(p, boxes);
        }
        return total.MoveToOuterDisposeScope();
    }

    /// <summary>Mean −log S_α over all rows and columns of all boxes; p are probabilities [batch, classes, height, width].</summary>
    public static Tensor Positive(Tensor p, IReadOnlyList<TrainingBox> boxes, double alpha) => Positive(p, boxes, alpha, [0]);

    /// <summary>Mean −log S_α over the crossing lines of all boxes at the given angles (degrees); p as above.</summary>
    public static Tensor Positive(Tensor p, IReadOnlyList<TrainingBox> boxes, double alpha, IReadOnlyList<double> angles)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(angles);
        using var scope = NewDisposeScope();
        var sum = zeros(1, dtype: p.dtype, device: p.device).squeeze();
        long bags = 0;
        foreach (var box in boxes)
        {
            var inside = Inside(p, box).reshape(-1); // row-major over the box
            foreach (var family in CrossingLines(box, angles).GroupBy(line => line.Length))
            {
                var lines = family.ToList();
                using var index = tensor(lines.SelectMany(l => l).ToArray(), [lines.Count, family.Key]).to(p.device);
                var values = inside.index_select(0, index.reshape(-1)).reshape(lines.Count, family.Key);
                sum = sum - SmoothMaximum(values, 1, alpha).clamp_min(Epsilon).log().sum();
                bags += lines.Count;
            }
        }
        var result = bags == 0 ? sum : sum / bags;
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>The distinct lines crossing the box at the angles, each as row-major indices into the box (see the remarks).</summary>
    public static IReadOnlyList<long[]> CrossingLines(TrainingBox box, IReadOnlyList<double> angles)
    {
        ArgumentNullException.ThrowIfNull(box);
        ArgumentNullException.ThrowIfNull(angles);
        var (w, h) = (box.Width, box.Height);
        var lines = new List<long[]>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Keep(long[] line)
        {
            if (seen.Add(string.Join(',', line.Order())))
            {
                lines.Add(line);
            }
        }
        foreach (var degrees in angles)
        {
            var slope = Math.Tan(degrees * Math.PI / 180);
            for (var row = 0; row < h; row++)
            {
                var ys = Enumerable.Range(0, w).Select(x => row + (int)Math.Round(x * slope, MidpointRounding.AwayFromZero)).ToArray();
                if (ys.All(y => y >= 0 && y < h))
                {
                    Keep(ys.Select((y, x) => (long)y * w + x).ToArray());
                }
            }
            for (var column = 0; column < w; column++)
            {
                var xs = Enumerable.Range(0, h).Select(y => column + (int)Math.Round(y * slope, MidpointRounding.AwayFromZero)).ToArray();
                if (xs.All(x => x >= 0 && x < w))
                {
                    Keep(xs.Select((x, y) => (long)y * w + x).ToArray());
                }
            }
        }
        return lines;
    }

    /// <summary>Mean −log(1 − p_c) over pixels outside every box of class c, for each (image, class) that has a box.</summary>
    public static Tensor Negative(Tensor p, IReadOnlyList<TrainingBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(boxes);
        using var scope = NewDisposeScope();
        var (height, width) = ((int)p.shape[2], (int)p.shape[3]);
        var sum = zeros(1, dtype: p.dtype, device: p.device).squeeze();
        long pixels = 0;
        foreach (var group in boxes.GroupBy(b => (b.Image, b.ClassId)))
        {
            var outside = new bool[height * width];
            Array.Fill(outside, true);
            foreach (var box in group)
            {
                for (var y = box.Y0; y <= box.Y1; y++)
                {
                    Array.Fill(outside, false, y * width + box.X0, box.Width);
                }
            }
            var mask = tensor(outside, [height, width]).to(p.device);
            var probability = p[group.Key.Image, group.Key.ClassId];
            sum = sum - (1 - probability).clamp_min(Epsilon).log().masked_select(mask).sum();
            pixels += outside.Count(o => o);
        }
        var result = pixels == 0 ? sum : sum / pixels;
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>The box less <paramref name="pixels"/> on each side, where it stays at least one pixel across in that direction.</summary>
    public static TrainingBox Inset(TrainingBox box, int pixels)
    {
        ArgumentNullException.ThrowIfNull(box);
        var (dx, dy) = (box.Width > 2 * pixels ? pixels : 0, box.Height > 2 * pixels ? pixels : 0);
        return box with { X0 = box.X0 + dx, X1 = box.X1 - dx, Y0 = box.Y0 + dy, Y1 = box.Y1 - dy };
    }

    /// <summary>Mean over boxes of max(0, share − soft area of the box's class inside it / the box's area).</summary>
    public static Tensor Fill(Tensor p, IReadOnlyList<TrainingBox> boxes, double share)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(boxes);
        using var scope = NewDisposeScope();
        var sum = zeros(1, dtype: p.dtype, device: p.device).squeeze();
        foreach (var box in boxes)
        {
            sum = sum + (share - Inside(p, box).mean()).clamp_min(0);
        }
        var result = boxes.Count == 0 ? sum : sum / boxes.Count;
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>Mean (p_i − p_j)² over 8-neighbour pairs inside each box (each pair once).</summary>
    public static Tensor Smoothness(Tensor p, IReadOnlyList<TrainingBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(boxes);
        using var scope = NewDisposeScope();
        var sum = zeros(1, dtype: p.dtype, device: p.device).squeeze();
        long pairs = 0;
        foreach (var box in boxes)
        {
            var inside = Inside(p, box);
            foreach (var (dy, dx) in new[] { (0, 1), (1, 0), (1, 1), (1, -1) })
            {
                if (dy >= box.Height || Math.Abs(dx) >= box.Width)
                {
                    continue;
                }
                var (h, w) = (box.Height - dy, box.Width - Math.Abs(dx));
                var a = inside.narrow(0, 0, h).narrow(1, Math.Max(0, -dx), w);
                var b = inside.narrow(0, dy, h).narrow(1, Math.Max(0, dx), w);
                sum = sum + (a - b).square().sum();
                pairs += (long)h * w;
            }
        }
        var result = pairs == 0 ? sum : sum / pairs;
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>S_α along a dimension: Σ p e^{αp} / Σ e^{αp}, i.e. the sum of p weighted by softmax(αp).</summary>
    public static Tensor SmoothMaximum(Tensor values, long dim, double alpha)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var weights = nn.functional.softmax(values * alpha, dim);
        return (values * weights).sum(dim);
    }

    private static Tensor Inside(Tensor p, TrainingBox box) =>
        p[box.Image, box.ClassId].narrow(0, box.Y0, box.Height).narrow(1, box.X0, box.Width);
}
