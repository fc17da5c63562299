using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>Box supervision as multiple-instance learning: every row and column crossing a tight box holds some of its class.</summary>
/// <remarks>
/// Positive bags: each row and each column of the box; a bag's probability is the α-softmax smooth maximum
/// S_α(p) = Σ p e^{αp} / Σ e^{αp} of the class probability along it, and the bag term is −log S_α (mean over bags).
/// Negative: every pixel outside every box of the class on that image, for each class boxed there, is background for
/// that class: −log(1 − p) (mean over those pixels). Smoothness: mean of (p_i − p_j)² over neighbour pairs (the 8-neighbourhood,
/// each pair once) with both pixels inside a box. Only rows and columns (0°) make bags here; Wang &amp; Xia add lines at ±20°, ±40°,
/// and a focal weighting, left out (plain BCE).
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
        var total = Positive(p, boxes, options.Alpha) + Negative(p, boxes) + options.SmoothnessWeight * Smoothness(p, boxes);
        return total.MoveToOuterDisposeScope();
    }

    /// <summary>Mean −log S_α over all rows and columns of all boxes; p are probabilities [batch, classes, height, width].</summary>
    public static Tensor Positive(Tensor p, IReadOnlyList<TrainingBox> boxes, double alpha)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(boxes);
        using var scope = NewDisposeScope();
        var sum = zeros(1, dtype: p.dtype, device: p.device).squeeze();
        long bags = 0;
        foreach (var box in boxes)
        {
            var inside = Inside(p, box); // [h, w]
            sum = sum - SmoothMaximum(inside, 1, alpha).clamp_min(Epsilon).log().sum()
                      - SmoothMaximum(inside, 0, alpha).clamp_min(Epsilon).log().sum();
            bags += box.Height + box.Width;
        }
        var result = bags == 0 ? sum : sum / bags;
        return result.MoveToOuterDisposeScope();
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
