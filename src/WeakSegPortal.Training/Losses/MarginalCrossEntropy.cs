using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>Cross-entropy for partially labelled items: a class nobody labelled on an item is unknown, never background.</summary>
/// <remarks>
/// On an item where class k was not labelled, a pixel labelled background may still be k, so its target is the set
/// {background} ∪ {unlabelled classes}: the loss is −log Σ_{c in the set} p_c (the probability mass of the unlabelled
/// classes merged with background's), computed as logsumexp over all logits minus logsumexp over the set's.
/// A pixel labelled with a class c has the set {c}, as in ordinary cross-entropy; with every class labelled this is pCE.
/// Mean over labelled pixels; <see cref="PartialCrossEntropy.Ignore"/> pixels take no part. Class-balanced: the mean over the
/// target classes present in the batch of each one's mean over its own pixels, so that a class with few labelled pixels (a
/// small organ's short scribble beside long background strokes) weighs as much as background.
/// </remarks>
public static class MarginalCrossEntropy
{
    /// <summary>Background's class id.</summary>
    public const long Background = 0;

    private const double OutsideTheSet = -1e9;

    /// <param name="logits">[batch, classes, height, width].</param>
    /// <param name="target">[batch, height, width] class ids, <see cref="PartialCrossEntropy.Ignore"/> where unlabelled.</param>
    /// <param name="labelledClasses">[batch, classes] booleans: true where someone labelled the class on that item.</param>
    /// <param name="classBalanced">Each target class present weighs the same (mean of per-class means), not each pixel.</param>
    public static Tensor Compute(Tensor logits, Tensor target, Tensor labelledClasses, bool classBalanced = false)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(labelledClasses);
        using var scope = NewDisposeScope();
        var labelled = target.ne(PartialCrossEntropy.Ignore); // [b, h, w]
        var count = labelled.sum().item<long>();
        if (count == 0)
        {
            return (logits.sum() * 0).MoveToOuterDisposeScope();
        }
        var classes = logits.shape[1];
        var own = nn.functional.one_hot(target.clamp_min(0), classes).permute(0, 3, 1, 2).to_type(ScalarType.Bool); // [b, c, h, w]
        var unlabelled = labelledClasses.logical_not().unsqueeze(-1).unsqueeze(-1); // [b, c, 1, 1]
        var isBackground = target.eq(Background).unsqueeze(1); // [b, 1, h, w]
        var allowed = own.logical_or(unlabelled.logical_and(isBackground));
        // A large finite value rather than −∞ for the classes outside the set: exp underflows to 0 all the same.
        var inSet = logits.masked_fill(allowed.logical_not(), OutsideTheSet).logsumexp(1);
        var perPixel = logits.logsumexp(1) - inSet;
        if (!classBalanced)
        {
            return (perPixel.masked_select(labelled).sum() / count).MoveToOuterDisposeScope();
        }
        var total = zeros(1, dtype: perPixel.dtype, device: perPixel.device).squeeze();
        var present = 0;
        for (var c = 0L; c < classes; c++)
        {
            var mine = target.eq(c);
            var n = mine.sum().item<long>();
            if (n > 0)
            {
                total = total + perPixel.masked_select(mine).sum() / n;
                present++;
            }
        }
        return (total / present).MoveToOuterDisposeScope();
    }
}
