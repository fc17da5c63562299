using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>
/// A class tagged absent is absent at every pixel: each pixel of its class activation map is a negative instance,
/// mean softplus(M_c) = mean −log(1 − σ(M_c)) over the map (the negative bag of multiple-instance learning, whose every
/// instance is negative), averaged over the absent tags of the batch. Present and unknown tags add nothing.
/// </summary>
/// <remarks>
/// The tag loss on the mean-pooled logit (<see cref="TagClassificationLoss"/>) only asks the map's mean to be low where a
/// class is absent, which a map lighting another organ meets by a lower offset. On the benchmark both maps then lit both
/// organs; asking every pixel makes a map fire only on what is not there when its class is absent.
/// </remarks>
public static class AbsentTagMapLoss
{
    /// <param name="maps">Class activation maps [batch, tags, height, width].</param>
    /// <param name="targets">[batch, tags]: 1 present, 0 absent, <see cref="TagClassificationLoss.Unknown"/>.</param>
    public static Tensor Compute(Tensor maps, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(targets);
        using var scope = NewDisposeScope();
        var absent = targets.eq(0);
        var count = absent.sum().item<long>();
        if (count == 0)
        {
            return (maps.sum() * 0).MoveToOuterDisposeScope();
        }
        var perTag = nn.functional.softplus(maps).mean([2L, 3L]); // [batch, tags]
        var result = perTag.masked_select(absent).sum() / count;
        return result.MoveToOuterDisposeScope();
    }
}
