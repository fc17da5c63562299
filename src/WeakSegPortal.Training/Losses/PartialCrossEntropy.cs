using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>Cross-entropy averaged over the labelled pixels only (scribbles, points); unlabelled pixels carry <see cref="Ignore"/>.</summary>
public static class PartialCrossEntropy
{
    /// <summary>The target value of a pixel nobody labelled.</summary>
    public const long Ignore = -1;

    /// <param name="logits">[batch, classes, height, width].</param>
    /// <param name="target">[batch, height, width] class ids, <see cref="Ignore"/> where unlabelled.</param>
    /// <returns>A scalar; zero (still attached to the graph) when no pixel is labelled.</returns>
    public static Tensor Compute(Tensor logits, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(target);
        using var labelled = target.ne(Ignore).any();
        if (!labelled.item<bool>())
        {
            return logits.sum() * 0;
        }
        return nn.functional.cross_entropy(logits, target, ignore_index: Ignore);
    }
}
