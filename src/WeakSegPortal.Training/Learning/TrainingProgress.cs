namespace WeakSegPortal.Training.Learning;

/// <summary>Where a training run stands after a step: for progress bars and loss charts.</summary>
public sealed record TrainingProgress(int Step, int Steps, float Loss, TimeSpan Elapsed);
