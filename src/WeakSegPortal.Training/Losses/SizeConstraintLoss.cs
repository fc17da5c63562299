using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>Penalty on the soft size V = Σᵢ p_ic leaving its bounds [a, b]: ((V − a)/N)² below, ((V − b)/N)² above, 0 within.</summary>
/// <remarks>
/// Kervadec et al. (MedIA 2019): with points, pCE alone collapses; the size constraint on top keeps the class from
/// shrinking to the clicks. Sizes are divided by the image's N pixels so one weight (1e-2 in the paper, for raw sizes)
/// suits every image size. The result is the mean over the bounds given.
/// Relative: each miss is divided by the bound it crosses instead, ((V − a)/a)² below and ((V − b)/b)² above, so that a
/// small organ at half its size costs what a large one at half its size costs (over N, a 2 %-of-the-image organ at 0.4× its
/// size costs 0.0001 and has no say beside the other terms); a class tagged absent (b = 0) keeps (V/N)².
/// </remarks>
public static class SizeConstraintLoss
{
    /// <param name="logits">[batch, classes, height, width].</param>
    /// <param name="relative">Divide each miss by the bound it crosses rather than by the image's pixels.</param>
    public static Tensor Compute(Tensor logits, IReadOnlyList<SizeBounds> bounds, bool relative = false)
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
            var below = (bound.Min - size).clamp_min(0) / (relative && bound.Min > 0 ? bound.Min : pixels);
            var above = (size - bound.Max).clamp_min(0) / (relative && bound.Max > 0 ? bound.Max : pixels);
            sum = sum + below.square() + above.square();
        }
        var result = bounds.Count == 0 ? sum : sum / bounds.Count;
        return result.MoveToOuterDisposeScope();
    }
}
