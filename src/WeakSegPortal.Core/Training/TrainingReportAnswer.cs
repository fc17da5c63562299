namespace WeakSegPortal.Core.Training;

/// <summary>The answer to a report or a lease renewal: the verdict and the lease the job now runs until.</summary>
public sealed record TrainingReportAnswer(TrainingVerdict Verdict, DateTimeOffset LeaseUntil);
