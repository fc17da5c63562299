namespace WeakSegPortal.Core.Training;

/// <summary>
/// A job a worker now holds: attempt <paramref name="Attempt"/> until <paramref name="LeaseUntil"/>, resuming from
/// <paramref name="ResumeCheckpointHash"/> (saved after epoch <paramref name="ResumeAfterEpoch"/>) when an earlier attempt left one.
/// </summary>
public sealed record TrainingClaim(
    Guid JobId, Guid ProjectId, int Attempt, TrainingConfig Config, DateTimeOffset LeaseUntil,
    string? ResumeCheckpointHash, int ResumeAfterEpoch, string? InitialCheckpointHash);
