using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>
/// The axial-slice part of the tightness prior for boxes drawn on a coronal or sagittal plane (<see cref="TrainingLine"/>):
/// the row (or column) segment where the box crosses the slice is one positive bag, −log S_α of the class probability along
/// it (as <see cref="BoxTightnessLoss"/>'s rows), and every pixel of that line outside every segment of the class is
/// background for it, −log(1 − p). The two terms are means (over bags, over outside pixels) and are added. The box's other
/// bags (its columns along k) cross slices and are not seen on one axial image.
/// </summary>
public static class BoxLineLoss
{
    private const double Epsilon = 1e-6;

    /// <param name="logits">[batch, classes, height, width].</param>
    public static Tensor Compute(Tensor logits, IReadOnlyList<TrainingLine> lines, double alpha)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(lines);
        using var scope = NewDisposeScope();
        var p = nn.functional.softmax(logits, 1);
        return (Positive(p, lines, alpha) + Negative(p, lines)).MoveToOuterDisposeScope();
    }

    /// <summary>Mean −log S_α over the segments; p are probabilities [batch, classes, height, width].</summary>
    public static Tensor Positive(Tensor p, IReadOnlyList<TrainingLine> lines, double alpha)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(lines);
        using var scope = NewDisposeScope();
        var sum = zeros(1, dtype: p.dtype, device: p.device).squeeze();
        foreach (var line in lines)
        {
            var values = Along(p, line).narrow(0, line.From, line.Length);
            sum = sum - BoxTightnessLoss.SmoothMaximum(values, 0, alpha).clamp_min(Epsilon).log();
        }
        return (lines.Count == 0 ? sum : sum / lines.Count).MoveToOuterDisposeScope();
    }

    /// <summary>Mean −log(1 − p_c) over the pixels of each boxed line outside all of that line's segments of class c.</summary>
    public static Tensor Negative(Tensor p, IReadOnlyList<TrainingLine> lines)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(lines);
        using var scope = NewDisposeScope();
        var sum = zeros(1, dtype: p.dtype, device: p.device).squeeze();
        long pixels = 0;
        foreach (var group in lines.GroupBy(l => (l.Image, l.ClassId, l.IsRow, l.Line)))
        {
            var first = group.First();
            var length = (int)(first.IsRow ? p.shape[3] : p.shape[2]);
            var outside = new bool[length];
            Array.Fill(outside, true);
            foreach (var line in group)
            {
                Array.Fill(outside, false, line.From, line.Length);
            }
            var count = outside.Count(o => o);
            if (count == 0)
            {
                continue;
            }
            using var mask = tensor(outside).to(p.device);
            sum = sum - (1 - Along(p, first)).clamp_min(Epsilon).log().masked_select(mask).sum();
            pixels += count;
        }
        return (pixels == 0 ? sum : sum / pixels).MoveToOuterDisposeScope();
    }

    /// <summary>The class probability along the whole line: row <see cref="TrainingLine.Line"/> (over x) or that column (over y).</summary>
    private static Tensor Along(Tensor p, TrainingLine line) =>
        line.IsRow ? p[line.Image, line.ClassId, line.Line] : p[line.Image, line.ClassId].select(1, line.Line);
}
