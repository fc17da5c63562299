using Marten.Events.Aggregation;

namespace WeakSegPortal.Core.Training;

/// <summary>Builds <see cref="TrainingJob"/>. Inline: the next claim or report reads what the previous one stored.</summary>
public sealed class TrainingJobProjection : SingleStreamProjection<TrainingJob, Guid>
{
    public static TrainingJob Create(TrainingRequested e) => new()
    {
        Id = e.JobId,
        ProjectId = e.ProjectId,
        RequestedBy = e.RequestedBy,
        Reason = e.Reason,
        Config = e.Config,
        InitialCheckpointHash = e.InitialCheckpointHash,
        RequestedAt = e.At,
        Epochs = e.Config.Epochs,
    };

    public static void Apply(TrainingClaimed e, TrainingJob job)
    {
        job.Status = TrainingJobStatus.Running;
        job.Attempt = e.Attempt;
        job.WorkerId = e.WorkerId;
        job.WorkerName = e.WorkerName;
        job.LeaseUntil = e.LeaseUntil;
        job.StartedAt ??= e.At;
    }

    public static void Apply(TrainingEpochCompleted e, TrainingJob job)
    {
        job.Epoch = e.Epoch;
        job.Epochs = e.Epochs;
        job.LeaseUntil = e.LeaseUntil;
        // A resumed attempt repeats the epochs after its checkpoint: the chart keeps the latest figure of each epoch.
        job.Points.RemoveAll(p => p.Epoch >= e.Epoch);
        job.Points.Add(new TrainingEpochPoint(e.Attempt, e.Epoch, e.Loss, e.ValidationDice, e.At));
        if (e.CheckpointHash is { } hash)
        {
            (job.CheckpointHash, job.CheckpointEpoch) = (hash, e.Epoch);
        }
    }

    public static void Apply(TrainingLeaseRenewed e, TrainingJob job) => job.LeaseUntil = e.LeaseUntil;

    public static void Apply(TrainingReleased e, TrainingJob job)
    {
        job.Status = TrainingJobStatus.Waiting;
        job.LeaseUntil = null;
        job.WorkerId = null;
        job.WorkerName = null;
    }

    public static void Apply(TrainingCancelRequested e, TrainingJob job) => job.CancelRequested = true;

    public static void Apply(TrainingCancelled e, TrainingJob job) => End(job, TrainingJobStatus.Cancelled, e.At);

    public static void Apply(TrainingFailed e, TrainingJob job)
    {
        job.FailureReason = e.Reason;
        End(job, TrainingJobStatus.Failed, e.At);
    }

    public static void Apply(TrainingCompleted e, TrainingJob job)
    {
        job.ModelVersionId = e.ModelVersionId;
        job.Epoch = job.Epochs;
        End(job, TrainingJobStatus.Completed, e.At);
    }

    private static void End(TrainingJob job, string status, DateTimeOffset at)
    {
        job.Status = status;
        job.EndedAt = at;
        job.LeaseUntil = null;
    }
}
