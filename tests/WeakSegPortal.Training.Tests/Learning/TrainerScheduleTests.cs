using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Tests.Learning;

/// <summary>The trainer sets Adam's learning rate from its schedule at the global step, and the regularisers' warm-up reads the same step.</summary>
public class TrainerScheduleTests
{
    [Theory]
    [InlineData(LearningRateDecay.Constant)]
    [InlineData(LearningRateDecay.Poly)]
    [InlineData(LearningRateDecay.Cosine)]
    public void Each_step_gives_Adam_the_schedule_s_rate_at_that_step(LearningRateDecay decay)
    {
        var schedule = new LearningRateSchedule(decay);
        using var net = Network();
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 6, BatchSize: 1, LearningRate: 0.01) { Schedule = schedule });
        trainer.StartFrom([Example()]);

        var rates = new List<double>();
        for (var step = 0; step < 6; step++)
        {
            Step(trainer);
            rates.Add(trainer.OptimiserLearningRate);
        }

        Assert.Equal(Enumerable.Range(0, 6).Select(t => schedule.RateAt(0.01, t, 6)), rates, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void A_trainer_that_starts_part_way_takes_the_rate_of_the_whole_run_s_step()
    {
        // Steps 20–29 of a run of 40 (the third of four epochs of 10): the first step's rate is 0.01 × (1 − 20/40)^0.9.
        using var net = Network();
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 10, BatchSize: 1, LearningRate: 0.01)
        {
            Schedule = LearningRateSchedule.Poly,
            FirstStep = 20,
            ScheduleSteps = 40,
        });
        trainer.StartFrom([Example()]);

        Step(trainer);

        Assert.Equal(0.01 * Math.Pow(0.5, 0.9), trainer.OptimiserLearningRate, 12);
        Assert.Equal(0.01 * Math.Pow(1 - 21 / 40.0, 0.9), trainer.LearningRate, 12);
    }

    [Fact]
    public void A_step_at_rate_0_leaves_the_weights_as_they_are_so_Adam_reads_the_scheduled_rate()
    {
        // Past the end of the schedule the rate is 0: Adam built with the peak would still move the weights.
        using var net = Network();
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 1, BatchSize: 1, LearningRate: 0.01)
        {
            Schedule = LearningRateSchedule.Poly,
            FirstStep = 40,
            ScheduleSteps = 40,
        });
        trainer.StartFrom([Example()]);
        var before = Weights(net);

        Step(trainer);

        Assert.Equal(before, Weights(net));
    }

    [Fact]
    public void A_trainer_that_starts_after_the_regularisers_warm_up_weighs_them_in_full()
    {
        // Entropy 0.1 ramped over 100 steps: at global step 0 it weighs 0.001, at global step 100 (a resumed run) 0.1, as without a warm-up.
        var warm = new ObjectiveWeights(Entropy: 0.1) { RegulariserWarmUp = 100 };

        var fresh = FirstLoss(warm, firstStep: 0);
        var resumed = FirstLoss(warm, firstStep: 100);
        var whole = FirstLoss(warm with { RegulariserWarmUp = 0 }, firstStep: 0);

        Assert.Equal(whole, resumed, 6);
        Assert.True(resumed - fresh > 1e-3, $"resumed {resumed}, fresh {fresh}");
    }

    private static float FirstLoss(ObjectiveWeights weights, int firstStep)
    {
        using var net = Network();
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 1, BatchSize: 1, LearningRate: 0.01) { Weights = weights, FirstStep = firstStep });
        trainer.StartFrom([Example()]);
        return Step(trainer);
    }

    private static float Step(Trainer trainer)
    {
        using var batch = TrainingBatch.From([Example()]);
        return trainer.Step(batch);
    }

    private static UNet Network()
    {
        random.manual_seed(3);
        return new UNet(new UNetOptions(3, Depth: 2, BaseChannels: 4));
    }

    private static float[] Weights(UNet net) => net.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();

    /// <summary>8×8: 36 background, 12 class 1, 4 class 2 and 12 unlabelled pixels.</summary>
    private static TrainingExample Example()
    {
        var target = Enumerable.Repeat(0L, 36).Concat(Enumerable.Repeat(1L, 12)).Concat(Enumerable.Repeat(2L, 4))
            .Concat(Enumerable.Repeat(PartialCrossEntropy.Ignore, 12)).ToArray();
        var input = Enumerable.Range(0, 64).Select(i => (float)(target[i] + 1) / 4).ToArray();
        return new TrainingExample(input, 1, 8, 8, target, [true, true, true], [], [TagClassificationLoss.Unknown, TagClassificationLoss.Unknown], []);
    }
}
