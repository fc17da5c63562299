using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Losses;

/// <summary>Tiny inputs whose softmax is known by hand: logits are log-probabilities, so softmax gives back the probabilities.</summary>
internal static class TinyTensors
{
    /// <summary>Logits [batch, classes, height, width] whose softmax over classes is exactly <paramref name="probabilities"/>.</summary>
    public static Tensor LogitsOf(float[] probabilities, long batch, long classes, long height, long width) =>
        tensor(probabilities, [batch, classes, height, width]).log();

    /// <summary>Two-class logits whose class-1 probability per pixel is given ([1, 2, height, width]).</summary>
    public static Tensor TwoClassLogits(float[] foreground, long height, long width)
    {
        var probabilities = foreground.Select(f => 1 - f).Concat(foreground).ToArray();
        return LogitsOf(probabilities, 1, 2, height, width);
    }

    public static Tensor Of(float[] values, params long[] shape) => tensor(values, shape);

    public static Tensor Of(bool[] values, params long[] shape) => tensor(values, shape);

    public static Tensor Labels(long[] classes, long batch, long height, long width) =>
        tensor(classes, [batch, height, width]);
}
