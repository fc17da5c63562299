namespace WeakSegPortal.Training.Learning;

/// <summary>How long and how fast to train: steps, batch size, Adam's (peak) learning rate and weight decay, the seed, the loss weights, the learning rate's schedule.</summary>
public sealed record TrainerOptions(int Steps = 100, int BatchSize = 8, double LearningRate = 1e-3, double WeightDecay = 1e-4, int Seed = 1)
{
    public ObjectiveWeights Weights { get; init; } = ObjectiveWeights.Scribbles;

    /// <summary>How the learning rate moves from <see cref="LearningRate"/> (its peak) over the run; constant unless asked.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>
    /// The global step of this trainer's first step (0-based): a run trained in pieces (the worker's epochs, a run resumed after the
    /// last epoch's checkpoint) gives each piece's trainer the steps done before it, so that the schedule and the regularisers' warm-up
    /// (<see cref="ObjectiveWeights.AtStep"/>) continue where they were rather than start again.
    /// </summary>
    public int FirstStep { get; init; }

    /// <summary>The whole run's steps, over which <see cref="Schedule"/> decays; null: <see cref="Steps"/> (a run in one piece).</summary>
    public int? ScheduleSteps { get; init; }

    /// <summary>The learning rate of the step after <paramref name="stepsTaken"/> steps of this trainer.</summary>
    public double LearningRateAt(int stepsTaken) => Schedule.RateAt(LearningRate, FirstStep + stepsTaken, ScheduleSteps ?? Steps);

    public void Validate()
    {
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "at least one step");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "at least one example per batch");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "a positive learning rate");
        if (WeightDecay < 0) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "weight decay cannot be negative");
        if (FirstStep < 0) throw new ArgumentOutOfRangeException(nameof(FirstStep), FirstStep, "a step count cannot be negative");
        if (ScheduleSteps is < 1) throw new ArgumentOutOfRangeException(nameof(ScheduleSteps), ScheduleSteps, "a schedule of at least one step");
        ArgumentNullException.ThrowIfNull(Schedule);
        Schedule.Validate();
    }
}
