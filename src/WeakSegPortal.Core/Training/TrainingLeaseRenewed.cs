namespace WeakSegPortal.Core.Training;

/// <summary>The worker of <paramref name="Attempt"/> is still at work within a long epoch (<c>RenewTrainingLease</c>): its claim runs until <paramref name="LeaseUntil"/>.</summary>
public sealed record TrainingLeaseRenewed(Guid JobId, int Attempt, DateTimeOffset LeaseUntil, DateTimeOffset At) : ITrainingJobEvent;
