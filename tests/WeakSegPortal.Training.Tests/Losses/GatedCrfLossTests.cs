using WeakSegPortal.Training.Losses;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Losses;

public class GatedCrfLossTests
{
    [Fact]
    public void Sums_kernel_weighted_disagreement_over_both_orders_of_each_neighbour_pair()
    {
        // Two pixels side by side, intensities 0 and 0.1; p = (0.5, 0.5) and (0.25, 0.75).
        // p_iᵀp_j = 0.125 + 0.375 = 0.5, so 1 − p_iᵀp_j = 0.5.
        // K = exp(−½·1²/6²) · exp(−½·0.1²/0.1²) = 0.986207 · 0.606531 = 0.598165.
        // Both ordered pairs count: 2 · 0.598165 · 0.5 = 0.598165, over N = 2 pixels: 0.299082.
        using var logits = TinyTensors.TwoClassLogits([0.5f, 0.75f], 1, 2);
        using var image = TinyTensors.Of([0f, 0.1f], 1, 1, 1, 2);

        using var loss = GatedCrfLoss.Compute(logits, image, new GatedCrfOptions(SigmaPosition: 6, SigmaIntensity: 0.1, Radius: 1));

        Assert.Equal(0.299082, loss.item<float>(), 5);
    }

    [Fact]
    public void Neighbours_across_a_strong_edge_barely_count()
    {
        using var logits = TinyTensors.TwoClassLogits([0.1f, 0.9f], 1, 2);
        using var flat = TinyTensors.Of([0.5f, 0.5f], 1, 1, 1, 2);
        using var edge = TinyTensors.Of([0f, 1f], 1, 1, 1, 2);
        var options = new GatedCrfOptions(Radius: 1);

        using var onFlat = GatedCrfLoss.Compute(logits, flat, options);
        using var acrossEdge = GatedCrfLoss.Compute(logits, edge, options);

        Assert.True(acrossEdge.item<float>() < onFlat.item<float>() * 1e-6);
    }
}
