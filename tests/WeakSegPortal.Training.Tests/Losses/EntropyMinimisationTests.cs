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

    [Fact]
    public void On_an_item_where_a_class_is_unlabelled_its_probability_counts_as_background()
    {
        // Two items, one pixel each, p = (0.2, 0.5, 0.3). Item 0: class 2 unlabelled, so (0.2 + 0.3, 0.5, 0) = (0.5, 0.5, 0)
        // and H = ln 2 = 0.693147. Item 1: every class labelled, H = −(0.2 ln 0.2 + 0.5 ln 0.5 + 0.3 ln 0.3)
        // = 0.321888 + 0.346574 + 0.361192 = 1.029654. Mean 0.861400, divided by ln 3 = 1.098612: 0.784080.
        using var logits = TinyTensors.LogitsOf([0.2f, 0.5f, 0.3f, 0.2f, 0.5f, 0.3f], 2, 3, 1, 1);
        using var labelled = TinyTensors.Of([true, true, false, true, true, true], 2, 3);

        using var loss = EntropyMinimisation.Compute(logits, labelled);

        Assert.Equal(0.784080, loss.item<float>(), 5);
    }

    [Fact]
    public void Choosing_between_background_and_an_unlabelled_class_costs_nothing()
    {
        // p = (0.5, 0, 0.5) with class 2 unlabelled is (1, 0, 0) once merged: certain. Over every class it is H = ln 2.
        using var logits = TinyTensors.LogitsOf([0.5f, 1e-9f, 0.5f], 1, 3, 1, 1);
        using var unlabelled = TinyTensors.Of([true, true, false], 1, 3);
        using var everyClass = TinyTensors.Of([true, true, true], 1, 3);

        using var marginal = EntropyMinimisation.Compute(logits, unlabelled);
        using var full = EntropyMinimisation.Compute(logits, everyClass);

        Assert.Equal(0, marginal.item<float>(), 5);
        Assert.Equal(Math.Log(2) / Math.Log(3), full.item<float>(), 5);
    }
}
