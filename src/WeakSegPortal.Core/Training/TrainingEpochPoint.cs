namespace WeakSegPortal.Core.Training;

/// <summary>One reported epoch of a job, for the page's chart.</summary>
public sealed record TrainingEpochPoint(int Attempt, int Epoch, double Loss, double? ValidationDice, DateTimeOffset At);
