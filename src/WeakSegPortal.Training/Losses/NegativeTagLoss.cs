using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Losses;

/// <summary>A class tagged absent on an image is absent everywhere in it: mean −log(1 − p_c) over all its pixels.</summary>
/// <remarks>Useful even where class activation maps are poor: it is exact information, unlike a CAM threshold.</remarks>
public static class NegativeTagLoss
{
    private const double Epsilon = 1e-6;

    /// <param name="logits">[batch, classes, height, width].</param>
    /// <param name="absent">[batch, classes] booleans: true where the class was tagged absent on that image.</param>
    public static Tensor Compute(Tensor logits, Tensor absent)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(absent);
        using var scope = NewDisposeScope();
        var count = absent.sum().item<long>();
        if (count == 0)
        {
            return (logits.sum() * 0).MoveToOuterDisposeScope();
        }
        var p = nn.functional.softmax(logits, 1);
        var perClass = -(1 - p).clamp_min(Epsilon).log().mean([2L, 3L]); // [batch, classes]
        var result = perClass.masked_select(absent).sum() / count;
        return result.MoveToOuterDisposeScope();
    }
}
