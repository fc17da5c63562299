namespace WeakSegPortal.Core.Training;

/// <summary>
/// A training job as the training page and the claim need it; projected inline from the job's stream, so a claim, a
/// report and the page read what the last command stored.
/// </summary>
public sealed class TrainingJob
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public Guid? RequestedBy { get; set; }
    public string Reason { get; set; } = "";
    public TrainingConfig Config { get; set; } = new();
    public string? InitialCheckpointHash { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    /// <summary><see cref="TrainingJobStatus"/>.</summary>
    public string Status { get; set; } = TrainingJobStatus.Waiting;
    /// <summary>The latest claim (0: never claimed).</summary>
    public int Attempt { get; set; }
    public string? WorkerId { get; set; }
    public string? WorkerName { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public bool CancelRequested { get; set; }
    /// <summary>Epochs done, as the last report said, and how many the job runs.</summary>
    public int Epoch { get; set; }
    public int Epochs { get; set; }
    public List<TrainingEpochPoint> Points { get; set; } = [];
    /// <summary>The last checkpoint saved (after <see cref="CheckpointEpoch"/>): the next claim resumes from it.</summary>
    public string? CheckpointHash { get; set; }
    public int CheckpointEpoch { get; set; }
    public string? FailureReason { get; set; }
    public Guid? ModelVersionId { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsEnded => TrainingJobStatus.IsEnded(Status);

    /// <summary>A worker may claim it now: open, and never claimed, released, or its lease passed.</summary>
    public bool IsClaimable(DateTimeOffset now) =>
        !IsEnded && (Status == TrainingJobStatus.Waiting || LeaseUntil is null || LeaseUntil < now);

    /// <summary>Share of the epochs done, 0–1.</summary>
    public double Progress => Status == TrainingJobStatus.Completed ? 1 : Epochs <= 0 ? 0 : Math.Clamp((double)Epoch / Epochs, 0, 1);
}
