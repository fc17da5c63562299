using WeakSegPortal.Training.Learning;

namespace WeakSegPortal.Training.Bench;

/// <summary>How a benchmark trains: network size, steps, batch, learning rate and its schedule, seed, and which share of the items is held out for scoring.</summary>
/// <param name="TestShare">Share of the items held out (gold: their full masks score the models and measure the annotators).</param>
public sealed record BenchOptions(
    int Depth = 3,
    int BaseChannels = 8,
    int Steps = 400,
    int BatchSize = 8,
    double LearningRate = 1e-2,
    int Seed = 1,
    double TestShare = 0.25)
{
    /// <summary>How the learning rate moves from <see cref="LearningRate"/> (its peak) over the <see cref="Steps"/>.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Default;

    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Schedule);
        Schedule.Validate();
        if (Depth is < 2 or > 6) throw new ArgumentOutOfRangeException(nameof(Depth), Depth, "depth 2–6");
        if (BaseChannels < 1) throw new ArgumentOutOfRangeException(nameof(BaseChannels), BaseChannels, "at least one channel");
        if (Steps < 1 || BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(Steps), "at least one step of one example");
        if (TestShare is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(TestShare), TestShare, "a share in (0, 1)");
    }
}
