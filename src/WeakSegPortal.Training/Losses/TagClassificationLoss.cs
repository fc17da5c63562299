using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>Binary cross-entropy of the tag head against image tags: present 1, absent 0, unknown (nobody said) ignored.</summary>
public static class TagClassificationLoss
{
    /// <summary>The target value of a tag nobody gave.</summary>
    public const float Unknown = -1;

    /// <param name="tagLogits">[batch, tags].</param>
    /// <param name="targets">[batch, tags]: 1 present, 0 absent, <see cref="Unknown"/>.</param>
    public static Tensor Compute(Tensor tagLogits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(tagLogits);
        ArgumentNullException.ThrowIfNull(targets);
        using var scope = NewDisposeScope();
        var known = targets.ne(Unknown);
        var count = known.sum().item<long>();
        if (count == 0)
        {
            return (tagLogits.sum() * 0).MoveToOuterDisposeScope();
        }
        var perTag = nn.functional.binary_cross_entropy_with_logits(tagLogits, targets.clamp_min(0), reduction: nn.Reduction.None);
        var result = perTag.masked_select(known).sum() / count;
        return result.MoveToOuterDisposeScope();
    }
}
