using WeakSegPortal.Core.Training;
using WeakSegPortal.Training.Learning;

namespace WeakSegPortal.Worker;

/// <summary>
/// The trainer of a job's run, counted over the whole run: <see cref="TrainingConfig.Epochs"/> × <see cref="TrainingConfig.StepsPerEpoch"/>
/// steps, of which the run resumed at epoch e has done (e − 1) × StepsPerEpoch. The learning rate's schedule and the regularisers'
/// warm-up read that global step, so a run resumed from the last epoch's checkpoint continues the lost run's curve instead of
/// starting it again.
/// </summary>
internal static class RunTrainerOptions
{
    /// <summary>The learning rate's schedule of every job (the benchmark's default: README, "Weak-label training benchmark").</summary>
    public static LearningRateSchedule Schedule => LearningRateSchedule.Default;

    public static TrainerOptions For(TrainingConfig config, ObjectiveWeights weights, int firstEpoch)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstEpoch, 1);
        return new TrainerOptions(config.StepsPerEpoch, config.BatchSize, config.LearningRate, Seed: config.Seed)
        {
            Weights = weights,
            Schedule = Schedule,
            FirstStep = (firstEpoch - 1) * config.StepsPerEpoch,
            ScheduleSteps = config.Epochs * config.StepsPerEpoch,
        };
    }
}
