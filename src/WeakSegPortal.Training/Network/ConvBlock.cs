using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Network;

/// <summary>Two 3×3 convolutions, each followed by batch normalisation and a leaky ReLU: one U-Net level.</summary>
/// <remarks>
/// <see cref="Unrectified"/> leaves out the last activation: the U-Net's class head reads its last level that way. Leaky
/// (slope <see cref="NegativeSlope"/> below 0) so that no pixel's features can die: see <see cref="UNet"/>.
/// </remarks>
public sealed class ConvBlock : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d norm1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d norm2;

    /// <summary>The activations' slope below 0 (PyTorch's default for leaky ReLU).</summary>
    public const double NegativeSlope = 0.01;

    public ConvBlock(string name, long inputChannels, long outputChannels) : base(name)
    {
        conv1 = nn.Conv2d(inputChannels, outputChannels, 3, padding: 1, bias: false);
        norm1 = nn.BatchNorm2d(outputChannels);
        conv2 = nn.Conv2d(outputChannels, outputChannels, 3, padding: 1, bias: false);
        norm2 = nn.BatchNorm2d(outputChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var unrectified = Unrectified(input);
        return nn.functional.leaky_relu(unrectified, NegativeSlope);
    }

    /// <summary>The block's output before its last activation: the second convolution, batch-normalised.</summary>
    public Tensor Unrectified(Tensor input)
    {
        using var first = nn.functional.leaky_relu(norm1.forward(conv1.forward(input)), NegativeSlope);
        return norm2.forward(conv2.forward(first));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            conv1.Dispose();
            norm1.Dispose();
            conv2.Dispose();
            norm2.Dispose();
        }
        base.Dispose(disposing);
    }
}
