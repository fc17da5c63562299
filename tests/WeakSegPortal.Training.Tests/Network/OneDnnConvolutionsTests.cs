using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Network;

public class OneDnnConvolutionsTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    public void A_convolution_gradient_stays_finite_when_freed_memory_holds_NaN(int channels)
    {
        // Building a network is what switches oneDNN off; with it on, 9 of 10 such repeats gave a NaN input gradient here.
        using var net = new UNet(new UNetOptions(2, Depth: 1, BaseChannels: 1));
        for (var repeat = 0; repeat < 10; repeat++)
        {
            FreedMemory.FillWithNaN();
            using var scope = NewDisposeScope();
            random.manual_seed(repeat);
            var input = randn(8, channels, 32, 32).requires_grad_(true);
            var weight = randn(channels, channels, 3, 3);
            var output = nn.functional.conv2d(input, weight, padding: [1, 1]);
            output.backward([randn(output.shape)]);

            Assert.True(input.grad!.isfinite().all().item<bool>(), $"repeat {repeat}: the input gradient is not finite");
        }
    }
}
