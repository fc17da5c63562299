using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Learning;

/// <summary>
/// How unsure a trained network is about an item, for "most informative next": the mean per-pixel predictive entropy
/// −Σ p·ln p over the classes, divided by ln K so that 0 is certain and 1 is a uniform guess, averaged over a sample of
/// the item's axial slices (evenly spaced) made as training and serving make them (<see cref="NetworkInput"/>).
/// </summary>
public static class ModelUncertainty
{
    public const int DefaultSampleSlices = 8;

    /// <summary>The item's uncertainty (0–1) from up to <paramref name="sampleSlices"/> of its axial slices.</summary>
    public static double Of(UNet network, Volume volume, string? modality, int imageSide, int sampleSlices = DefaultSampleSlices)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(volume);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleSlices, 1);
        var slices = SampleSlices(volume.Nz, sampleSlices);
        var neighbours = network.Options.NeighbourSlices;
        var sliceInput = new NetworkInput(volume, modality, imageSide);
        var input = slices.SelectMany(k => sliceInput.Channels(k, neighbours)).ToArray();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        network.eval();
        using var borrowed = tensor(input, [slices.Count, network.Options.InputChannels, imageSide, imageSide]);
        var device = network.parameters().First().device; // CPU or CUDA, wherever training left the network
        var probabilities = network.forward(borrowed.clone().to(device)).softmax(1); // clone: libtorch's own copy of the array
        return Entropy(probabilities);
    }

    /// <summary>Mean normalised entropy of class probabilities [batch, classes, height, width].</summary>
    public static double Entropy(Tensor probabilities)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var classes = probabilities.shape[1];
        using var scope = NewDisposeScope();
        var perPixel = -(probabilities * probabilities.clamp_min(1e-12).log()).sum(1);
        var mean = perPixel.mean().item<float>() / Math.Log(classes);
        return Math.Clamp(mean, 0, 1);
    }

    /// <summary>Up to <paramref name="wanted"/> slice indices, the middle of equal runs of the stack.</summary>
    public static IReadOnlyList<int> SampleSlices(int slices, int wanted)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slices, 1);
        var count = Math.Min(slices, wanted);
        return [.. Enumerable.Range(0, count).Select(n => (int)(((n + 0.5) * slices) / count)).Distinct()];
    }
}
