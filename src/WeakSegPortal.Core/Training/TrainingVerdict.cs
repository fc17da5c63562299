namespace WeakSegPortal.Core.Training;

/// <summary>What a worker's report is answered: go on, stop because a manager cancelled, or stop because its attempt lost the claim.</summary>
public enum TrainingVerdict
{
    Continue,
    Cancel,
    LeaseLost,
}
