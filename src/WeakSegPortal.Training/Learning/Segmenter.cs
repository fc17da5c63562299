using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Learning;

/// <summary>Runs a trained U-Net in inference mode and returns each image's most likely class per pixel.</summary>
public static class Segmenter
{
    /// <param name="input">[batch, channels, height, width].</param>
    /// <returns>One class map per image (x fastest).</returns>
    public static byte[][] Predict(UNet network, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        network.eval();
        var classes = network.forward(input).argmax(1).to_type(ScalarType.Byte); // [batch, h, w]
        var size = (int)(input.shape[2] * input.shape[3]);
        var all = classes.data<byte>().ToArray();
        return Enumerable.Range(0, (int)input.shape[0]).Select(n => all.AsSpan(n * size, size).ToArray()).ToArray();
    }
}
