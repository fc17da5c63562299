using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>Mean normalised entropy of the per-pixel class distribution, −(1/(N log C)) Σᵢ Σ_c p_ic log p_ic: pushes unlabelled pixels to confident answers.</summary>
/// <remarks>Luo et al. 2022 (pCE + entropy minimisation, weight 0.1): 0.846 Dice on ACDC scribbles against 0.686 for pCE alone.</remarks>
public static class EntropyMinimisation
{
    /// <param name="logits">[batch, classes, height, width].</param>
    /// <returns>A scalar in [0, 1]: 0 when every pixel is certain, 1 when every pixel is uniform.</returns>
    public static Tensor Compute(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        using var scope = NewDisposeScope();
        var logP = nn.functional.log_softmax(logits, 1);
        var entropy = -(logP.exp() * logP).sum(1); // [batch, height, width]
        var result = entropy.mean() / Math.Log(logits.shape[1]);
        return result.MoveToOuterDisposeScope();
    }
}
