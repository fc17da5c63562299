namespace WeakSegPortal.Core.Training;

// Events of one training job's stream (stream id = JobId; docs/training-protocol.md). A job is requested, then claimed
// by a worker for a lease that its reports renew; a claim whose lease lapses is released and the next claim (Attempt + 1)
// resumes from the last checkpoint. It ends once: completed, failed or cancelled. Claims append at the version read, so
// two workers cannot both hold one attempt.

/// <summary>An event of one training job's stream.</summary>
public interface ITrainingJobEvent
{
    Guid JobId { get; }
    DateTimeOffset At { get; }
}

/// <summary>A manager (or, with <paramref name="RequestedBy"/> null, the K-new-items rule) asked for the project's model to be trained.</summary>
public sealed record TrainingRequested(
    Guid JobId, Guid ProjectId, Guid? RequestedBy, string Reason, TrainingConfig Config, string? InitialCheckpointHash, DateTimeOffset At) : ITrainingJobEvent;

/// <summary>Worker <paramref name="WorkerName"/> holds the job until <paramref name="LeaseUntil"/>.</summary>
public sealed record TrainingClaimed(
    Guid JobId, int Attempt, string WorkerId, string WorkerName, DateTimeOffset LeaseUntil, DateTimeOffset At) : ITrainingJobEvent;

/// <summary>One epoch done (the lease renewed); <paramref name="CheckpointHash"/> is the checkpoint saved after it, if any.</summary>
public sealed record TrainingEpochCompleted(
    Guid JobId, int Attempt, int Epoch, int Epochs, double Loss, double? ValidationDice, string? CheckpointHash, DateTimeOffset LeaseUntil, DateTimeOffset At) : ITrainingJobEvent;

/// <summary>The claim of <paramref name="Attempt"/> lapsed (its worker went silent or away): the job may be claimed again.</summary>
public sealed record TrainingReleased(Guid JobId, int Attempt, string Reason, DateTimeOffset At) : ITrainingJobEvent;

/// <summary>A manager asked the job to stop; the worker stops at its next report.</summary>
public sealed record TrainingCancelRequested(Guid JobId, Guid By, DateTimeOffset At) : ITrainingJobEvent;

/// <summary>The job stopped on a manager's request.</summary>
public sealed record TrainingCancelled(Guid JobId, DateTimeOffset At) : ITrainingJobEvent;

/// <summary>The job cannot go on; <paramref name="Reason"/> is a sentence for the manager.</summary>
public sealed record TrainingFailed(Guid JobId, int Attempt, string Reason, DateTimeOffset At) : ITrainingJobEvent;

/// <summary>The job trained model version <paramref name="ModelVersionId"/>.</summary>
public sealed record TrainingCompleted(Guid JobId, int Attempt, Guid ModelVersionId, DateTimeOffset At) : ITrainingJobEvent;
