using WeakSegPortal.Core.Training;

namespace WeakSegPortal.ML.Jobs;

/// <summary>
/// Web → worker (the answer to <c>ClaimTraining</c>): a training job this worker now holds until <paramref name="LeaseUntil"/>
/// (every report renews it). <paramref name="Attempt"/> numbers the claims of one job; a report from an older attempt is
/// refused. <paramref name="ResumeCheckpointHash"/> is the last checkpoint an earlier attempt saved (after epoch
/// <paramref name="ResumeAfterEpoch"/>), <paramref name="InitialCheckpointHash"/> a checkpoint the manager uploaded to start
/// from; both are blobs fetched from <c>GET /api/worker/blobs/{hash}</c>.
/// </summary>
public sealed record TrainingAssignment(
    Guid JobId, Guid ProjectId, int Attempt, TrainingConfig Config, DateTimeOffset LeaseUntil,
    string? ResumeCheckpointHash, int ResumeAfterEpoch, string? InitialCheckpointHash);
