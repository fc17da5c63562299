using Marten;

namespace WeakSegPortal.Core.Training;

/// <summary>A worker finished an epoch of attempt <paramref name="Attempt"/>; the report renews its lease by <paramref name="Lease"/>.</summary>
public sealed record ReportTrainingEpoch(
    Guid JobId, int Attempt, int Epoch, int Epochs, double Loss, double? ValidationDice, string? CheckpointHash, TimeSpan Lease);

/// <summary>
/// Appends <see cref="TrainingEpochCompleted"/> at the version read and answers: continue (lease renewed), cancel (a manager
/// asked: <see cref="TrainingCancelled"/> is appended and the slot freed) or lease-lost (a later attempt holds the job, or it ended).
/// </summary>
public sealed class ReportTrainingEpochHandler(IDocumentSession session, TimeProvider clock, IEnumerable<ITrainingListener> listeners)
{
    public async Task<TrainingReportAnswer> HandleAsync(ReportTrainingEpoch command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Epoch < 1 || command.Epochs < command.Epoch || !double.IsFinite(command.Loss) || command.ValidationDice is { } dice && !double.IsFinite(dice))
        {
            throw new ArgumentException("A report needs 1 ≤ epoch ≤ epochs and a finite loss (and validation Dice when given).", nameof(command));
        }
        var (answer, change) = await ConcurrentAppend.RetryAsync(session, (attempt, token) => DecideAsync(attempt, command, token),
            () => (new TrainingReportAnswer(TrainingVerdict.Continue, clock.GetUtcNow() + command.Lease), (TrainingJobChange?)null), ct);
        if (change is not null)
        {
            await TrainingJobChange.TellAsync(listeners, change, ct);
        }
        return answer;
    }

    private async Task<(TrainingReportAnswer, TrainingJobChange?)> DecideAsync(IDocumentSession session, ReportTrainingEpoch command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<TrainingJob>(command.JobId, ct);
        if (TrainingAttemptCheck.Refusal(stream.Aggregate, command.Attempt) is { } refusal)
        {
            return (new TrainingReportAnswer(refusal, now), null);
        }
        var job = stream.Aggregate!;
        var leaseUntil = now + command.Lease;
        stream.AppendOne(new TrainingEpochCompleted(job.Id, command.Attempt, command.Epoch, command.Epochs, command.Loss, command.ValidationDice,
            command.CheckpointHash, leaseUntil, now));
        var verdict = TrainingVerdict.Continue;
        if (job.CancelRequested)
        {
            stream.AppendOne(new TrainingCancelled(job.Id, now));
            await TrainingSlotRelease.FreeAsync(session, job.ProjectId, job.Id, null, now, ct);
            verdict = TrainingVerdict.Cancel;
        }
        await session.SaveChangesAsync(ct);
        return (new TrainingReportAnswer(verdict, leaseUntil),
            new TrainingJobChange(job.ProjectId, job.Id, verdict == TrainingVerdict.Cancel ? TrainingJobChange.Ended : TrainingJobChange.Epoch));
    }
}
