using WeakSegPortal.ML.Models;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Worker.Tests;

/// <summary>
/// A job's trainer counts its steps over the whole run (epochs × steps per epoch), so a run resumed from the last epoch's
/// checkpoint goes on along the learning rate's schedule and the regularisers' warm-up where the lost run was.
/// </summary>
public class RunTrainerOptionsTests
{
    private static readonly TrainingConfig Config = new() { Epochs = 4, StepsPerEpoch = 5, BatchSize = 1, LearningRate = 0.01, Seed = 7 };

    [Fact]
    public void A_run_resumed_at_epoch_3_starts_at_global_step_10_of_20()
    {
        var options = RunTrainerOptions.For(Config, ObjectiveWeights.Scribbles, firstEpoch: 3);

        Assert.Equal((5, 10, 20), (options.Steps, options.FirstStep, options.ScheduleSteps));
    }

    [Fact]
    public void A_resumed_run_takes_the_rate_the_uninterrupted_run_takes_at_the_same_step_not_the_peak()
    {
        var uninterrupted = new List<double>();
        using (var net = Network())
        using (var trainer = new Trainer(net, RunTrainerOptions.For(Config, ObjectiveWeights.Scribbles, firstEpoch: 1) with { Schedule = LearningRateSchedule.Poly }))
        {
            trainer.StartFrom([Example()]);
            for (var step = 0; step < Config.Epochs * Config.StepsPerEpoch; step++)
            {
                Step(trainer);
                uninterrupted.Add(trainer.OptimiserLearningRate);
            }
        }

        var resumed = new List<double>();
        using (var net = Network())
        using (var trainer = new Trainer(net, RunTrainerOptions.For(Config, ObjectiveWeights.Scribbles, firstEpoch: 3) with { Schedule = LearningRateSchedule.Poly }))
        {
            trainer.StartFrom([Example()]);
            for (var step = 0; step < 2 * Config.StepsPerEpoch; step++)
            {
                Step(trainer);
                resumed.Add(trainer.OptimiserLearningRate);
            }
        }

        Assert.Equal(uninterrupted.Skip(10), resumed, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.True(resumed[0] < 0.6 * Config.LearningRate, $"resumed at {resumed[0]}");
    }

    [Fact]
    public void Every_job_trains_with_the_benchmark_s_default_schedule() =>
        Assert.Equal(new Training.Bench.BenchOptions().Schedule, RunTrainerOptions.For(Config, ObjectiveWeights.Scribbles, firstEpoch: 1).Schedule);

    private static void Step(Trainer trainer)
    {
        using var batch = TrainingBatch.From([Example()]);
        trainer.Step(batch);
    }

    private static UNet Network()
    {
        random.manual_seed(3);
        return new UNet(new UNetOptions(3, Depth: 2, BaseChannels: 4));
    }

    /// <summary>8×8: 36 background, 12 class 1, 4 class 2 and 12 unlabelled pixels.</summary>
    private static TrainingExample Example()
    {
        var target = Enumerable.Repeat(0L, 36).Concat(Enumerable.Repeat(1L, 12)).Concat(Enumerable.Repeat(2L, 4))
            .Concat(Enumerable.Repeat(PartialCrossEntropy.Ignore, 12)).ToArray();
        var input = Enumerable.Range(0, 64).Select(i => (float)(target[i] + 1) / 4).ToArray();
        return new TrainingExample(input, 1, 8, 8, target, [true, true, true], [], [TagClassificationLoss.Unknown, TagClassificationLoss.Unknown], []);
    }
}
