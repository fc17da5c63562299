using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Learning;

public class ModelUncertaintyTests
{
    [Fact]
    public void A_uniform_guess_is_1_a_certain_answer_0_and_an_even_split_of_two_of_three_classes_ln2_over_ln3()
    {
        using var uniform = full(1, 3, 2, 2, 1f / 3);
        using var certain = tensor(new float[] { 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, [1, 3, 2, 2]);
        using var split = tensor(new float[] { 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0, 0, 0, 0 }, [1, 3, 2, 2]);

        Assert.Equal(1, ModelUncertainty.Entropy(uniform), 5);
        Assert.Equal(0, ModelUncertainty.Entropy(certain), 5);
        Assert.Equal(Math.Log(2) / Math.Log(3), ModelUncertainty.Entropy(split), 5);
    }

    [Fact]
    public void Sampled_slices_are_the_middles_of_equal_runs_of_the_stack()
    {
        Assert.Equal([1, 3, 6, 8], ModelUncertainty.SampleSlices(10, 4));
        Assert.Equal([0, 1, 2], ModelUncertainty.SampleSlices(3, 8));
        Assert.Equal([0], ModelUncertainty.SampleSlices(1, 8));
    }

    [Theory]
    [InlineData(0f, 1.0)]
    [InlineData(20f, 0.0)]
    public void A_network_that_always_guesses_uniformly_scores_1_and_one_sure_of_background_scores_0(float backgroundBias, double expected)
    {
        using var net = new UNet(new UNetOptions(Classes: 3, Depth: 2, BaseChannels: 4, NeighbourSlices: 1));
        using (no_grad())
        {
            var parameters = net.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            parameters["head.weight"].zero_();
            parameters["head.bias"].copy_(tensor(new[] { backgroundBias, 0f, 0f }));
        }
        var volume = Volume.FromFloat32(
            new VolumeGeometry(20, 12, 5, new Vec3(1, 1, 2), new Vec3(0, 0, 0), Direction3.Identity),
            new VolumeMetadata { Modality = "CT" },
            Enumerable.Range(0, 20 * 12 * 5).Select(n => (float)(n % 300)).ToArray());

        var uncertainty = ModelUncertainty.Of(net, volume, "CT", imageSide: 16, sampleSlices: 3);

        Assert.Equal(expected, uncertainty, 5);
    }
}
