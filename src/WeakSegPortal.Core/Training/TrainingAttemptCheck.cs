namespace WeakSegPortal.Core.Training;

/// <summary>Whether a worker's attempt still holds its job: the one rule reports, renewals, completion and failure apply.</summary>
internal static class TrainingAttemptCheck
{
    /// <summary>Null when <paramref name="attempt"/> holds <paramref name="job"/> and may go on; else the verdict to answer.</summary>
    public static TrainingVerdict? Refusal(TrainingJob? job, int attempt) => job switch
    {
        null => TrainingVerdict.LeaseLost,
        // Cancelled while this attempt's worker was silent (a later claim ended it): stop as cancelled.
        { Status: TrainingJobStatus.Cancelled } when job.Attempt == attempt => TrainingVerdict.Cancel,
        _ when job.IsEnded || job.Attempt != attempt || job.Status != TrainingJobStatus.Running => TrainingVerdict.LeaseLost,
        _ => null,
    };
}
