using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>Mean normalised entropy of the per-pixel class distribution, −(1/(N log C)) Σᵢ Σ_c p_ic log p_ic: pushes unlabelled pixels to confident answers.</summary>
/// <remarks>
/// Luo et al. 2022 (pCE + entropy minimisation, weight 0.1): 0.846 Dice on ACDC scribbles against 0.686 for pCE alone.
/// On a partially labelled item (<c>labelledClasses</c> given) the entropy is taken of the marginalised distribution, as
/// the marginal cross-entropy sees it: the probability of each class nobody labelled there is merged into background's,
/// so the term rewards confidence only between what the labels can tell apart. Taken over every class it would also reward
/// choosing between background and an unknown class, with nothing in the labels to say which: on items where an organ was
/// not labelled, it let that class flood the body as readily as background took it.
/// </remarks>
public static class EntropyMinimisation
{
    private const double Tiny = 1e-12;

    /// <param name="logits">[batch, classes, height, width].</param>
    /// <param name="labelledClasses">[batch, classes] booleans, true where someone labelled the class on that item; null: every class.</param>
    /// <returns>A scalar in [0, 1]: 0 when every pixel is certain, 1 when every pixel is uniform over all classes.</returns>
    public static Tensor Compute(Tensor logits, Tensor? labelledClasses = null)
    {
        ArgumentNullException.ThrowIfNull(logits);
        using var scope = NewDisposeScope();
        Tensor entropy; // [batch, height, width]
        if (labelledClasses is null)
        {
            var logP = nn.functional.log_softmax(logits, 1);
            entropy = -(logP.exp() * logP).sum(1);
        }
        else
        {
            var p = nn.functional.softmax(logits, 1);
            var unknown = labelledClasses.logical_not().to_type(p.dtype).unsqueeze(-1).unsqueeze(-1); // [b, c, 1, 1]
            var merged = p * (1 - unknown);
            var intoBackground = (p * unknown).sum(1); // [b, h, w]
            merged = cat([merged.narrow(1, 0, 1) + intoBackground.unsqueeze(1), merged.narrow(1, 1, p.shape[1] - 1)], 1);
            entropy = -(merged * merged.clamp_min(Tiny).log()).sum(1);
        }
        var result = entropy.mean() / Math.Log(logits.shape[1]);
        return result.MoveToOuterDisposeScope();
    }
}
