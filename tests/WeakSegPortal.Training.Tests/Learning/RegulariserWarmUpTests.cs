using WeakSegPortal.Training.Learning;

namespace WeakSegPortal.Training.Tests.Learning;

public class RegulariserWarmUpTests
{
    private static readonly ObjectiveWeights Weights = new(CrossEntropy: 1, Entropy: 0.1, GatedCrf: 0.2, Box: 0.5, Size: 100, Tag: 0, NegativeTag: 0)
    {
        RegulariserWarmUp = 100,
    };

    [Theory]
    [InlineData(0, 0.001, 0.002)]   // step 0 of 100: 1/100 of 0.1 and of 0.2
    [InlineData(49, 0.05, 0.1)]     // step 49: 50/100
    [InlineData(99, 0.1, 0.2)]      // step 99: the whole weight
    [InlineData(350, 0.1, 0.2)]     // after the warm-up: the whole weight
    public void Entropy_and_the_gated_CRF_ramp_in_linearly_over_the_warm_up(int step, double entropy, double crf)
    {
        var atStep = Weights.AtStep(step);

        Assert.Equal(entropy, atStep.Entropy, 9);
        Assert.Equal(crf, atStep.GatedCrf, 9);
    }

    [Fact]
    public void The_other_terms_keep_their_weight_during_the_warm_up()
    {
        var atStep = Weights.AtStep(0);

        Assert.Equal((1.0, 0.5, 100.0), (atStep.CrossEntropy, atStep.Box, atStep.Size));
    }

    [Fact]
    public void Without_a_warm_up_every_step_has_the_whole_weight()
    {
        var none = Weights with { RegulariserWarmUp = 0 };

        Assert.Equal((0.1, 0.2), (none.AtStep(0).Entropy, none.AtStep(0).GatedCrf));
    }
}
