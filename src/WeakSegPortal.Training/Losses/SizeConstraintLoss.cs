using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>Penalty on the soft size V = Σᵢ p_ic leaving its bounds [a, b]: ((V − a)/N)² below, ((V − b)/N)² above, 0 within.</summary>
/// <remarks>
/// Kervadec et al. (MedIA 2019): with points, pCE alone collapses; the size constraint on top keeps the class from
/// shrinking to the clicks. Sizes are divided by the image's N pixels so one weight (1e-2 in the paper, for raw sizes)
/// suits every image size. The result is the mean over the bounds given.
/// </remarks>
public static class SizeConstraintLoss
{
    /// <param name="logits">[batch, classes, height, width].</param>
    public static Tensor Compute(Tensor logits, IReadOnlyList<SizeBounds> bounds)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(bounds);
        using var scope = NewDisposeScope();
        var p = nn.functional.softmax(logits, 1);
        var pixels = (double)(logits.shape[2] * logits.shape[3]);
        var sum = zeros(1, dtype: p.dtype, device: p.device).squeeze();
        foreach (var bound in bounds)
        {
            var size = p[bound.Image, bound.ClassId].sum();
            var below = (bound.Min - size).clamp_min(0) / pixels;
            var above = (size - bound.Max).clamp_min(0) / pixels;
            sum = sum + below.square() + above.square();
        }
        var result = bounds.Count == 0 ? sum : sum / bounds.Count;
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>The shortfall alone, relative to the lower bound: ((a − V)/a)² where V &lt; a, 0 otherwise; the mean over the bounds with a &gt; 0.</summary>
    /// <remarks>
    /// Over N, a small organ short of its size has no say: at 48², an organ of 20 px against a lower bound of 35 costs
    /// ((35 − 20)/2304)² = 4e-5 (0.004 at weight 100) beside the gated CRF's 0.04. Relative to its own bound it costs
    /// (15/35)² = 0.18. Only the lower side: relative to the bound above, an image-wide class at the first steps (V ≈ N/C)
    /// costs ((N/C − b)/b)², 74 for an 80 px organ at 48², and drove every class to background (measured: Dice 0.848 → 0.594).
    /// </remarks>
    /// <param name="logits">[batch, classes, height, width].</param>
    public static Tensor Shortfall(Tensor logits, IReadOnlyList<SizeBounds> bounds)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(bounds);
        using var scope = NewDisposeScope();
        var p = nn.functional.softmax(logits, 1);
        var sum = zeros(1, dtype: p.dtype, device: p.device).squeeze();
        var counted = 0;
        foreach (var bound in bounds.Where(b => b.Min > 0))
        {
            var size = p[bound.Image, bound.ClassId].sum();
            sum = sum + ((bound.Min - size).clamp_min(0) / bound.Min).square();
            counted++;
        }
        var result = counted == 0 ? sum : sum / counted;
        return result.MoveToOuterDisposeScope();
    }
}
