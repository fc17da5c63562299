using WeakSegPortal.Training.Losses;

namespace WeakSegPortal.Training.Tests.Losses;

public class EntropyMinimisationTests
{
    [Fact]
    public void Is_the_mean_entropy_divided_by_log_of_the_class_count()
    {
        // Pixel 1: p = (0.5, 0.5), H = ln 2 = 0.693147. Pixel 2: p = (0.1, 0.9), H = −(0.9 ln 0.9 + 0.1 ln 0.1)
        // = 0.094825 + 0.230259 = 0.325083. Mean 0.509115, divided by ln 2: 0.734498.
        using var logits = TinyTensors.TwoClassLogits([0.5f, 0.9f], 1, 2);

        using var loss = EntropyMinimisation.Compute(logits);

        Assert.Equal(0.734498, loss.item<float>(), 5);
    }

    [Fact]
    public void Uniform_predictions_cost_one_and_certain_ones_almost_nothing()
    {
        using var uniform = TinyTensors.LogitsOf([1 / 3f, 1 / 3f, 1 / 3f, 1 / 3f, 1 / 3f, 1 / 3f], 1, 3, 1, 2);
        using var certain = TinyTensors.LogitsOf([0.999f, 0.999f, 0.0005f, 0.0005f, 0.0005f, 0.0005f], 1, 3, 1, 2);

        using var high = EntropyMinimisation.Compute(uniform);
        using var low = EntropyMinimisation.Compute(certain);

        Assert.Equal(1f, high.item<float>(), 5);
        Assert.True(low.item<float>() < 0.01f);
    }
}
