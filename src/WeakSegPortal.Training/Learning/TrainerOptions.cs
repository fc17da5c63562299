namespace WeakSegPortal.Training.Learning;

/// <summary>How long and how fast to train: steps, batch size, Adam's learning rate and weight decay, the seed, the loss weights.</summary>
public sealed record TrainerOptions(int Steps = 100, int BatchSize = 8, double LearningRate = 1e-3, double WeightDecay = 1e-4, int Seed = 1)
{
    public ObjectiveWeights Weights { get; init; } = ObjectiveWeights.Scribbles;

    public void Validate()
    {
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "at least one step");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "at least one example per batch");
        if (!(LearningRate > 0)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "a positive learning rate");
        if (WeightDecay < 0) throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "weight decay cannot be negative");
    }
}
