using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>Gated-CRF-like pairwise loss: (1/N) Σᵢ Σ_{j≠i, |i−j| ≤ r} K_ij (1 − p_iᵀ p_j), where nearby pixels of similar intensity should agree.</summary>
/// <remarks>
/// K_ij = exp(−½ ‖Δxy‖²/σ_xy²) · exp(−½ ‖ΔI‖²/σ_I²). Each neighbour offset is a pair of shifted views of the tensors
/// (narrow), so no unfold is needed; both orders of a pair count, as in the sum. Pixels past the border have no partner.
/// </remarks>
public static class GatedCrfLoss
{
    /// <param name="logits">[batch, classes, height, width].</param>
    /// <param name="image">[batch, channels, height, width], intensities scaled to [0, 1].</param>
    public static Tensor Compute(Tensor logits, Tensor image, GatedCrfOptions options)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        using var scope = NewDisposeScope();
        var p = nn.functional.softmax(logits, 1);
        var (height, width) = (logits.shape[2], logits.shape[3]);
        var total = zeros(1, dtype: p.dtype, device: p.device);
        var r = options.Radius;
        for (var dy = -r; dy <= r; dy++)
        {
            for (var dx = -r; dx <= r; dx++)
            {
                if ((dx == 0 && dy == 0) || dx * dx + dy * dy > r * r || Math.Abs(dy) >= height || Math.Abs(dx) >= width)
                {
                    continue;
                }
                var position = Math.Exp(-0.5 * (dx * dx + dy * dy) / (options.SigmaPosition * options.SigmaPosition));
                var (pi, pj) = (Shifted(p, dy, dx, false), Shifted(p, dy, dx, true));
                var (ii, ij) = (Shifted(image, dy, dx, false), Shifted(image, dy, dx, true));
                var intensity = (-0.5 * (ii - ij).square().sum(1) / (options.SigmaIntensity * options.SigmaIntensity)).exp();
                var disagreement = 1 - (pi * pj).sum(1);
                total = total + (position * intensity * disagreement).sum();
            }
        }
        var result = (total / (logits.shape[0] * height * width)).squeeze();
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>The view of pixels i (partner false) or of their neighbours j = i + (dy, dx) (partner true), over the pixels that have both.</summary>
    private static Tensor Shifted(Tensor t, int dy, int dx, bool partner)
    {
        var (height, width) = (t.shape[2], t.shape[3]);
        var y0 = partner ? Math.Max(0, dy) : Math.Max(0, -dy);
        var x0 = partner ? Math.Max(0, dx) : Math.Max(0, -dx);
        return t.narrow(2, y0, height - Math.Abs(dy)).narrow(3, x0, width - Math.Abs(dx));
    }
}
