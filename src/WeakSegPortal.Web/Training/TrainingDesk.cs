using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Training;

/// <summary>
/// The worker hub's training calls (docs/training-protocol.md), from the worker's wire (ML/Jobs) to Core's handlers and back.
/// A refusal a worker must act on comes back as a <see cref="HubException"/> with its sentence.
/// </summary>
public sealed class TrainingDesk(
    ClaimTrainingHandler claims, ReportTrainingEpochHandler reports, RenewTrainingLeaseHandler renewals,
    CompleteTrainingHandler completions, FailTrainingHandler failures, IBlobStore blobs, IOptions<TrainingOptions> options)
{
    public async Task<TrainingAssignment?> ClaimAsync(string workerId, string workerName, CancellationToken ct)
    {
        var claim = await claims.HandleAsync(new ClaimTraining(workerId, workerName, options.Value.Lease), ct);
        return claim is null ? null : new TrainingAssignment(claim.JobId, claim.ProjectId, claim.Attempt, claim.Config, claim.LeaseUntil,
            claim.ResumeCheckpointHash, claim.ResumeAfterEpoch, claim.InitialCheckpointHash);
    }

    public async Task<TrainingDirective> ReportAsync(TrainingEpochReport report, CancellationToken ct)
    {
        if (report is null || report.Epoch < 1 || report.Epochs < report.Epoch || !double.IsFinite(report.Loss) || report.ValidationDice is { } dice && !double.IsFinite(dice))
        {
            throw new HubException("A report needs jobId, attempt, 1 ≤ epoch ≤ epochs and a finite loss (and validation Dice when given).");
        }
        if (report.CheckpointHash is { } hash && !await KnownBlobAsync(hash, ct))
        {
            throw new HubException($"The checkpoint {hash} is not stored: POST it to /api/worker/blobs first.");
        }
        var answer = await reports.HandleAsync(new ReportTrainingEpoch(report.JobId, report.Attempt, report.Epoch, report.Epochs, report.Loss,
            report.ValidationDice, report.CheckpointHash, options.Value.Lease), ct);
        return Directive(answer);
    }

    public async Task<TrainingDirective> RenewAsync(Guid jobId, int attempt, CancellationToken ct) =>
        Directive(await renewals.HandleAsync(new RenewTrainingLease(jobId, attempt, options.Value.Lease), ct));

    public async Task<Guid> CompleteAsync(TrainingOutcome outcome, CancellationToken ct)
    {
        if (outcome is null || outcome.LabelledItems is null || outcome.Uncertainties is null || !double.IsFinite(outcome.FinalLoss))
        {
            throw new HubException("An outcome needs jobId, attempt, both blob hashes, a finite final loss, labelledItems and uncertainties.");
        }
        foreach (var hash in new[] { outcome.CheckpointHash, outcome.OnnxHash })
        {
            if (!await KnownBlobAsync(hash, ct))
            {
                throw new HubException($"The blob {hash} is not stored: POST it to /api/worker/blobs first.");
            }
        }
        var result = await completions.HandleAsync(new CompleteTraining(outcome.JobId, outcome.Attempt, outcome.CheckpointHash, outcome.OnnxHash,
            outcome.FinalLoss, outcome.ValidationDice, outcome.TrainingItems, outcome.ValidationItems, outcome.LabelledItems, outcome.Uncertainties,
            outcome.TrainingMs), ct);
        return result.Succeeded ? result.Id : throw new HubException(string.Join(" ", result.Errors.Values));
    }

    public async Task FailAsync(Guid jobId, int attempt, string reason, CancellationToken ct)
    {
        var result = await failures.HandleAsync(new FailTraining(jobId, attempt, reason), ct);
        if (!result.Succeeded)
        {
            throw new HubException(string.Join(" ", result.Errors.Values));
        }
    }

    private async Task<bool> KnownBlobAsync(string? hash, CancellationToken ct) =>
        BlobKey.TryParse(hash, out var key) && await blobs.ExistsAsync(key, ct);

    private static TrainingDirective Directive(TrainingReportAnswer answer) => new(answer.Verdict switch
    {
        TrainingVerdict.Continue => TrainingDirective.Continue,
        TrainingVerdict.Cancel => TrainingDirective.Cancel,
        _ => TrainingDirective.LeaseLost,
    }, answer.LeaseUntil);
}
